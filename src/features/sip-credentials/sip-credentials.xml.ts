import { LinksXml } from '../../platform/http/paging.js';
import { x, type Out, type RootIn } from '../../platform/xml/schema.js';
import type { CredentialInput } from './sip-credentials.service.js';
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

type CredentialIn = NonNullable<RootIn<typeof SipCredentialsRequestXml>['SipCredential']>[number];

export function credentialInputOf(c: CredentialIn): CredentialInput {
  return { userName: c.UserName, domain: c.Domain, hash1: c.Hash1, hash1b: c.Hash1b };
}

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
