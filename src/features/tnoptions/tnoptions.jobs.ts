import type { AppDeps } from '../../context.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import {
  insertOrderNumbers,
  OrderCommonErrors,
  processingJob,
  type OrderJobPayload,
  type OrderNumber,
} from '../orders-common/index.js';
import {
  applyNumberOptions,
  type NumberOptionsChange,
  type OptionChange,
  type OptionsRefusal,
  refusalError,
} from '../sip-peer-tns/index.js';
import { TnOptionErrors } from './tnoptions.errors.js';
import { TN_OPTIONS, type TnOptionError, type TnOptionValues } from './tnoptions.kind.js';

/**
 * A TN-option order's round (orders-common's processing job): each group's options on each of its
 * numbers in service on the account (sip-peer-tns' one rule), in one transaction; the others are
 * listed with why in ErrorList.
 */
export function processJob(deps: AppDeps): JobDefinition<OrderJobPayload> {
  return processingJob(deps, TN_OPTIONS, 'tnoptions.process', async (tx, order) => {
    const errors: TnOptionError[] = [];
    let done = 0;
    for (const group of order.details.groups) {
      const result = await applyNumberOptions(
        deps,
        tx.db,
        order.accountId,
        group.tns,
        changeOf(group.options),
      );
      done += result.changed.length;
      for (const [tn, why] of result.refused) errors.push(refusalOf(tn, why, group.options.callForward));
    }
    const failed = new Map(errors.map((e) => [e.tn, e]));
    await insertOrderNumbers(
      tx.db,
      order.id,
      order.details.groups.flatMap((g) =>
        g.tns.map((tn): OrderNumber => {
          const e = failed.get(tn);
          return e
            ? { tn, outcome: 'failed', errorCode: e.code, errorDescription: e.description }
            : { tn, outcome: 'completed' };
        }),
      ),
      deps.clock.now().toISOString(),
    );
    return {
      done,
      refused: errors.length,
      details: { ...order.details, errors: errors.length > 0 ? errors : undefined },
    };
  });
}

export function tnOptionJobs(deps: AppDeps): JobDefinition<OrderJobPayload>[] {
  return [processJob(deps)];
}

/** A group's accepted values as the change sip-peer-tns applies. */
export function changeOf(o: TnOptionValues): NumberOptionsChange {
  const of = <T>(v: string | undefined, value: (s: string) => T): OptionChange<T> | undefined =>
    v === undefined || v === 'unchanged'
      ? undefined
      : v === 'systemdefault'
        ? { kind: 'systemdefault' }
        : { kind: 'set', value: value(v) };
  return {
    numberFormat: of(o.numberFormat, (v) => v),
    rpidFormat: of(o.rpidFormat, (v) => v),
    rewriteUser: of(o.rewriteUser, (v) => v),
    callForward: of(o.callForward, (v) => v),
    callingNameDisplay: of(o.callingNameDisplay, (v) => v === 'on'),
    protected: of(o.protected, (v) => v === 'true'),
    smsEnabled: of(o.sms, (v) => v === 'on'),
    finalDestinationUri: of(o.finalDestinationUri, (v) => v),
  };
}

/** Why a number's options could not change, as its error. */
export function refusalOf(tn: number, why: OptionsRefusal, forward: string | undefined): TnOptionError {
  const def = refusalError(why, {
    'not-on-system': OrderCommonErrors.orderTnNotOnSystem,
    'not-on-account': OrderCommonErrors.orderTnOtherAccount,
    'not-in-service': OrderCommonErrors.orderTnNotInService,
    otherwise: TnOptionErrors.forwardToItself,
  });
  const description =
    why === 'forward-to-itself'
      ? def.template.replace('%s', forward ?? '').replace('%s', String(tn))
      : def.template;
  return { code: def.code, description, tn };
}
