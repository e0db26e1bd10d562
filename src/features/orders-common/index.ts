/**
 * The shared pieces every kind of order is built from (see CONTEXT.md): the kind definition and its
 * machine, the lifecycle (receive, transition, history, events), notes, history, lists, per-order
 * number reports, their XML and their routes. A kind imports these from here only.
 */
export { defineMachine, statesOf, isState, isTerminal, canMove, type Machine } from './order-machine.js';
export {
  defineOrderKind,
  orderOf,
  findOrder,
  findOrderOnAnyAccount,
  findOrderByName,
  requireOrder,
  lockOrder,
  lockOpenOrder,
  ordersOfKind,
  statusesOf,
  type Order,
  type OrderKind,
  type OrderKindSpec,
  type OrderKindModule,
} from './order-kind.js';
export {
  OrderMovedError,
  receiveOrder,
  transition,
  recordHistory,
  recordEvent,
  type NewOrder,
  type TransitionNote,
} from './order-lifecycle.js';
export { parseOrderJobPayload, type OrderJobPayload } from './order-jobs.js';
export {
  fileProducingJob,
  receiveFileOrder,
  deleteOrderFile,
  StoredFile,
  type FileJobSpec,
  type ProducedFile,
} from './order-files.js';
export {
  processingMachine,
  processingJob,
  roundOutcome,
  PROCESSING_NOTIFIES,
  type ProcessingStatus,
  type ProcessingResult,
} from './order-processing.js';
export {
  MAX_ORDER_QUANTITY,
  parseOrderName,
  parseCustomerOrderId,
  parseOrderTns,
  checkOrderNumbers,
  parseTnFilter,
} from './order-fields.js';
export { addNote, recordNote, notesOf, type Note, type NoteInput } from './order-notes.js';
export { describeChanges, historyOf, type HistoryEntry } from './order-history.js';
export { numberReport, numberReportOf, type NumberReport } from './order-reports.js';
export {
  listOrderPage,
  type OrderListQuery,
  type OrderSummary,
  type OrderPage,
  type NumberPlaceSummary,
} from './order-list.js';
export {
  insertOrderNumbers,
  orderNumbers,
  ordersWithNumber,
  countCompleted,
  updateOrderFields,
  clearOrderNumbers,
  type OrderNumber,
  type OrderRow,
} from './orders-common.store.js';
export { OrderCommonErrors } from './orders-common.errors.js';
export { Problems } from './order-problems.js';
export * from './orders-common.xml.js';
export * from './orders-common.routes.js';
