import type { AppDeps } from '../../context.js';
import type { ErrorDefinition } from '../../platform/http/api-error.js';
import { PeerTnErrors } from './sip-peer-tns.errors.js';
import type { Executor } from '../../platform/db/database.js';
import {
  isInService,
  numbersByTn,
  transitionNumbers,
  IN_SERVICE_STATUSES,
  TnStatus,
} from '../inventory/index.js';
import {
  saveSettings,
  settingsOf,
  type CallerName,
  type DirectoryListing,
  type EmergencyAddress,
  type TnSettings,
} from './tn-settings.store.js';

/**
 * A change of a number's options, the one rule behind the SIP-peer number PUT (op 110), TN-option
 * orders and line-option orders: each option `unchanged` (kept: read before write), `systemdefault`
 * (removed, back to the system's behaviour) or a value; protection set or cleared, or kept.
 */
export type OptionChange<T> =
  { readonly kind: 'unchanged' | 'systemdefault' } | { readonly kind: 'set'; readonly value: T };

export interface NumberOptionsChange {
  readonly callForward?: OptionChange<string>;
  readonly callingNameDisplay?: OptionChange<boolean>;
  readonly numberFormat?: OptionChange<string>;
  readonly rpidFormat?: OptionChange<string>;
  readonly rewriteUser?: OptionChange<string>;
  readonly smsEnabled?: OptionChange<boolean>;
  readonly finalDestinationUri?: OptionChange<string>;
  readonly callerName?: OptionChange<CallerName>;
  readonly e911?: OptionChange<EmergencyAddress>;
  readonly listing?: OptionChange<DirectoryListing>;
  readonly protected?: OptionChange<boolean>;
}

export const UNCHANGED: OptionChange<never> = { kind: 'unchanged' };

function resolve<T>(current: T | undefined, change: OptionChange<T> | undefined): T | undefined {
  if (change === undefined || change.kind === 'unchanged') return current;
  return change.kind === 'set' ? change.value : undefined;
}

/** The settings a number has after the change. */
export function changedSettings(current: TnSettings, c: NumberOptionsChange): TnSettings {
  return {
    callForward: resolve(current.callForward, c.callForward),
    callingNameDisplay: resolve(current.callingNameDisplay, c.callingNameDisplay),
    numberFormat: resolve(current.numberFormat, c.numberFormat),
    rpidFormat: resolve(current.rpidFormat, c.rpidFormat),
    rewriteUser: resolve(current.rewriteUser, c.rewriteUser),
    smsEnabled: resolve(current.smsEnabled, c.smsEnabled),
    finalDestinationUri: resolve(current.finalDestinationUri, c.finalDestinationUri),
    callerName: resolve(current.callerName, c.callerName),
    e911: resolve(current.e911, c.e911),
    listing: resolve(current.listing, c.listing),
  };
}

/** Why a number's options could not be changed for an account. */
export type OptionsRefusal =
  | 'not-on-system'
  | 'not-on-account'
  | 'not-in-service'
  | 'forward-to-itself'
  /** An external number (hosted by another carrier) takes only its messaging setting (5128). */
  | 'external-sms-only';

/** What each kind answers for each refusal; an external number's 5128 is the same for every kind. */
export type RefusalErrors = { readonly [K in OptionsRefusal]?: ErrorDefinition } & {
  readonly otherwise: ErrorDefinition;
};

export function refusalError(why: OptionsRefusal, own: RefusalErrors): ErrorDefinition {
  if (why === 'external-sms-only') return PeerTnErrors.externalSmsOnly;
  return own[why] ?? own.otherwise;
}

/** Whether the change leaves every option but messaging as it is. */
const onlyMessaging = (change: NumberOptionsChange): boolean =>
  Object.entries(change).every(
    ([name, c]: [string, OptionChange<unknown> | undefined]) =>
      name === 'smsEnabled' || c === undefined || c.kind === 'unchanged',
  );

/**
 * The one rule of whether a number's options may change for an account: why not, or undefined.
 * Kinds that answer per number when an order is placed (LIDB, DL/DA) ask it too.
 */
export function optionsRefusal(
  tn: number,
  row: { readonly account_id: string | null; readonly status: number } | undefined,
  accountId: string,
  change: NumberOptionsChange,
): OptionsRefusal | undefined {
  const forward = change.callForward?.kind === 'set' ? change.callForward.value : undefined;
  if (!row) return 'not-on-system';
  if (row.account_id !== accountId) return 'not-on-account';
  if (!isInService(row.status)) return 'not-in-service';
  if (row.status === TnStatus.external && !onlyMessaging(change)) return 'external-sms-only';
  if (forward !== undefined && Number(forward) === tn) return 'forward-to-itself';
  return undefined;
}

/**
 * Applies the change to each number in service on the account, in the caller's transaction; the
 * others are answered with why. Protection goes through the inventory (the number's own flag).
 */
export async function applyNumberOptions(
  deps: AppDeps,
  db: Executor,
  accountId: string,
  tns: readonly number[],
  change: NumberOptionsChange,
): Promise<{ changed: number[]; refused: Map<number, OptionsRefusal> }> {
  const rows = new Map((await numbersByTn(db, tns)).map((r) => [r.tn, r]));
  const refused = new Map<number, OptionsRefusal>();
  const ok: number[] = [];
  for (const tn of tns) {
    const why = optionsRefusal(tn, rows.get(tn), accountId, change);
    if (why === undefined) ok.push(tn);
    else refused.set(tn, why);
  }
  const current = await settingsOf(db, ok);
  const now = deps.clock.now().toISOString();
  await saveSettings(db, new Map(ok.map((tn) => [tn, changedSettings(current.get(tn) ?? {}, change)])), now);
  const protect = change.protected;
  if (protect !== undefined && protect.kind !== 'unchanged' && ok.length > 0) {
    await transitionNumbers(db, deps.clock, ok, {
      protected: protect.kind === 'set' ? protect.value : false,
      guard: { statuses: IN_SERVICE_STATUSES, accountId },
    });
  }
  return { changed: ok, refused };
}
