import type { AppDeps } from '../../context.js';
import type { Executor } from '../../platform/db/database.js';
import { isInService, numbersByTn, transitionNumbers, IN_SERVICE_STATUSES } from '../inventory/index.js';
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
export type OptionsRefusal = 'not-on-system' | 'not-on-account' | 'not-in-service' | 'forward-to-itself';

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
  const forward = change.callForward?.kind === 'set' ? change.callForward.value : undefined;
  for (const tn of tns) {
    const row = rows.get(tn);
    if (!row) refused.set(tn, 'not-on-system');
    else if (row.account_id !== accountId) refused.set(tn, 'not-on-account');
    else if (!isInService(row.status)) refused.set(tn, 'not-in-service');
    else if (forward !== undefined && Number(forward) === tn) refused.set(tn, 'forward-to-itself');
    else ok.push(tn);
  }
  const current = await settingsOf(db, ok);
  const now = deps.clock.now().toISOString();
  for (const tn of ok) await saveSettings(db, tn, changedSettings(current.get(tn) ?? {}, change), now);
  const protect = change.protected;
  if (protect !== undefined && protect.kind !== 'unchanged' && ok.length > 0) {
    await transitionNumbers(db, deps.clock, ok, {
      protected: protect.kind === 'set' ? protect.value : false,
      guard: { statuses: IN_SERVICE_STATUSES, accountId },
    });
  }
  return { changed: ok, refused };
}
