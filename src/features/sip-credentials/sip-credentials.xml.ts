import { LinksXml } from '../../platform/http/paging.js';
import { x, type Out } from '../../platform/xml/schema.js';
import type { SipCredential } from './sip-credentials.store.js';

const SipCredentialXml = x.object({
  UserName: x.text(),
  Domain: x.text(),
  Hash1: x.text(),
  Hash1b: x.text(),
});
const ErrorsXml = x.list(
  'Error',
  x.object({ ErrorCode: x.text(), Description: x.text(), SipCredential: SipCredentialXml }),
  'omit',
);

export const SipCredentialsRequestXml = x.root('SipCredentials', {
  SipCredential: x.repeated(SipCredentialXml),
});
export const SipCredentialRequestXml = x.root('SipCredential', SipCredentialXml.fields);

/** 201 of POST: the rejected entries (only when some were) and the ones created. */
export const SipCredentialsCreatedXml = x.root('SipCredentialsResponse', {
  Errors: ErrorsXml,
  ValidSipCredentials: x.list('SipCredential', SipCredentialXml),
});

/** 400 of POST when every entry was rejected. */
export const SipCredentialsRejectedXml = x.root('SipCredentialsResponse', {
  ResponseStatus: x.object({ Description: x.text() }),
  Errors: ErrorsXml,
});

export const SipCredentialsListXml = x.root('SipCredentialsResponse', {
  Links: LinksXml,
  SipCredentials: x.list('SipCredential', SipCredentialXml),
});

export const SipCredentialResponseXml = x.root('SipCredentialResponse', { SipCredential: SipCredentialXml });

export type SipCredentialOut = NonNullable<Out<typeof SipCredentialXml>>;

export function credentialToXml(c: SipCredential): SipCredentialOut {
  return { UserName: c.userName, Domain: c.domain, Hash1: c.hash1, Hash1b: c.hash1b };
}
