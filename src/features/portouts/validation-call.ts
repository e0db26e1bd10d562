import { ApiError } from '../../platform/http/api-error.js';
import { encodeXml } from '../../platform/xml/encode.js';
import { decodeXml, parseXmlDocument } from '../../platform/xml/parse.js';
import { x, type RootIn } from '../../platform/xml/schema.js';
import { text } from '../../shared/fields.js';
import { formatTn, parseTn } from '../../shared/numbering.js';
import type { CallAnswer } from '../notifications/index.js';
import { PortOutErrors, RECOGNISED_REFUSALS } from './portouts.errors.js';
import type { PortOutError, ValidationFields } from './portouts.kind.js';

/**
 * The port-out validation callback (contract §12, row 144): what this server asks the owner's
 * endpoint, and how it reads the answer. As Bandwidth documents, only `Portable=false` with
 * recognised codes refuses a port; any other answer (4xx/5xx, a body it cannot read, no answer)
 * approves it, and the note on the port-out says why.
 */
export const ValidationRequestXml = x.root('PortOutValidationRequest', {
  PON: x.text(),
  Pin: x.text(),
  AccountNumber: x.text(),
  ZipCode: x.text(),
  SubscriberName: x.text(),
  TelephoneNumbers: x.list('TelephoneNumber', x.text()),
});

export const ValidationResponseXml = x.root('PortOutValidationResponse', {
  Portable: x.text(),
  PON: x.text(),
  Errors: x.list('Error', x.object({ Code: x.text(), Description: x.text() }), 'omit'),
  AcceptableValues: x.object({
    Pin: x.text(),
    AccountNumber: x.text(),
    ZipCode: x.text(),
    TelephoneNumbers: x.list('TelephoneNumber', x.text(), 'omit'),
  }),
});

export function validationRequestXml(pon: string, v: ValidationFields, tns: readonly number[]): string {
  return encodeXml(ValidationRequestXml, {
    PON: pon,
    Pin: v.pin,
    AccountNumber: v.accountNumber,
    ZipCode: v.zipCode,
    SubscriberName: v.subscriberName,
    TelephoneNumbers: tns.map(formatTn),
  });
}

export type Verdict =
  | { readonly approved: true; readonly note: string }
  | { readonly approved: false; readonly errors: readonly PortOutError[]; readonly note: string };

const approve = (note: string): Verdict => ({ approved: true, note });
const described = (def: { code: number; template: string }, ...args: (string | number)[]) =>
  ApiError.of({ ...def, status: 400 }, ...args).description;

/** What an endpoint's answer decides. */
export function verdictOf(answer: CallAnswer): Verdict {
  // Our own failure is not the owner's answer: refused with the internal error, for a SUPP to retry.
  if (answer.outcome === 'not-sent') return internalFailure(answer.error ?? 'the call could not be made');
  if (answer.outcome === 'timed-out') return approve('Validation endpoint did not answer in time: approved');
  if (answer.outcome === 'unreachable')
    return approve(`Validation endpoint could not be reached (${answer.error ?? 'no connection'}): approved`);
  const status = answer.statusCode ?? 0;
  if (status < 200 || status >= 300)
    return approve(`${described(PortOutErrors.unexpectedStatus, status)}: approved`);
  if (!answer.body?.trim()) return approve(`${described(PortOutErrors.emptyAnswer, status)}: approved`);
  let decoded;
  try {
    decoded = decodeXml(ValidationResponseXml, parseXmlDocument(answer.body));
  } catch {
    decoded = undefined;
  }
  const portable = text(decoded?.Portable)?.toLowerCase();
  if (!decoded || (portable !== 'true' && portable !== 'false'))
    return approve('Validation endpoint answered with an unreadable PortOutValidationResponse: approved');
  if (portable === 'true') return approve('Approved by the validation endpoint');
  const given = decoded.Errors ?? [];
  if (given.length === 0) return approve(`${described(PortOutErrors.refusedWithoutErrors)}: approved`);
  const recognised = given.flatMap((e) => {
    const code = Number(text(e.Code));
    const known = RECOGNISED_REFUSALS.get(code);
    return known === undefined ? [] : [{ code, description: text(e.Description) ?? known }];
  });
  if (recognised.length === 0) {
    const codes = given.map((e) => text(e.Code) ?? '').join(', ');
    return approve(`${described(PortOutErrors.unrecognisedCode, 'Refusal ignored', codes)}: approved`);
  }
  const hints = acceptableValues(decoded.AcceptableValues);
  const errors = recognised.map((e) => ({
    ...e,
    description: hints ? `${e.description}. Acceptable values: ${hints}` : e.description,
  }));
  return {
    approved: false,
    errors,
    note: `Refused by the validation endpoint: ${errors.map((e) => `${e.code} ${e.description}`).join('; ')}`,
  };
}

/** The validation could not be made by this system: refused (17008), never approved by our fault. */
export function internalFailure(why: string): Verdict {
  const e = PortOutErrors.internalError;
  return {
    approved: false,
    errors: [{ code: e.code, description: e.template }],
    note: `Validation failed here (${why}): refused`,
  };
}

function acceptableValues(a: RootIn<typeof ValidationResponseXml>['AcceptableValues']): string | undefined {
  if (!a) return undefined;
  const parts = [
    ['Pin', text(a.Pin)],
    ['AccountNumber', text(a.AccountNumber)],
    ['ZipCode', text(a.ZipCode)],
    [
      'TelephoneNumbers',
      (a.TelephoneNumbers ?? [])
        .map((t) => parseTn(t ?? ''))
        .filter((t): t is number => t !== undefined)
        .map(formatTn)
        .join(' ') || undefined,
    ],
  ].filter(([, v]) => v !== undefined);
  return parts.length > 0 ? parts.map(([k, v]) => `${k} ${v}`).join(', ') : undefined;
}
