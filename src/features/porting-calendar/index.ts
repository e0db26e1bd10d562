/**
 * The porting calendar, shared by port-ins, port-outs and LSR orders: business days (weekdays that
 * are not observed US federal holidays, in US Eastern time), business hours, and the FOC time.
 */
export {
  PORTING_TIME_ZONE,
  PROCESSING_HOURS,
  BUSINESS_HOURS,
  DEFAULT_FOC_MINUTES,
  calendarOf,
  easternDay,
  easternMinutes,
  easternInstant,
  addDays,
  isWeekend,
  isBusinessDay,
  addBusinessDays,
  addBusinessHours,
  withinProcessingHours,
  focInstantOf,
  type BusinessCalendar,
} from './business-calendar.js';
export { portingCalendar } from './porting-calendar.js';
