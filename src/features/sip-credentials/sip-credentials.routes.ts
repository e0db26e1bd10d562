import type { AppDeps } from '../../context.js';
import { encodeXml } from '../../platform/xml/encode.js';
import { responseStatusShape, type ErrorShape } from '../../platform/http/error-shapes.js';
import { pageLinks } from '../../platform/http/paging.js';
import { ok, okXml, type RouteDef } from '../../platform/http/routes.js';
import { Roles } from '../../shared/roles.js';
import {
  AllCredentialsRejected,
  createCredentials,
  listCredentialPage,
  removeCredential,
  requireCredential,
  updateCredential,
  type RejectedCredential,
} from './sip-credentials.service.js';
import {
  credentialToXml,
  SipCredentialRequestXml,
  SipCredentialResponseXml,
  SipCredentialsCreatedXml,
  SipCredentialsListXml,
  SipCredentialsRejectedXml,
  SipCredentialsRequestXml,
  credentialInputOf,
} from './sip-credentials.xml.js';

const access = { account: true, role: Roles.site } as const;
const listShape = responseStatusShape('SipCredentialsResponse');
const oneShape = responseStatusShape('SipCredentialResponse');

function rejectedToXml(rejected: readonly RejectedCredential[]) {
  return rejected.map((r) => ({
    ErrorCode: r.error.code,
    Description: r.error.description,
    SipCredential: {
      UserName: r.input.userName,
      Domain: r.input.domain,
      Hash1: r.input.hash1,
      Hash1b: r.input.hash1b,
    },
  }));
}

/** A batch with no valid entry lists every error under a bare ResponseStatus (R18 example). */
const createShape: ErrorShape = (err) =>
  err instanceof AllCredentialsRejected
    ? encodeXml(SipCredentialsRejectedXml, {
        ResponseStatus: { Description: err.description },
        Errors: rejectedToXml(err.rejected),
      })
    : listShape(err);

export function sipCredentialRoutes(deps: AppDeps): RouteDef[] {
  const base = '/accounts/:accountId/sipcredentials';
  return [
    {
      method: 'GET',
      path: base,
      errorShape: listShape,
      access,
      handle: async ({ param, query, linkUrl }) => {
        const accountId = param('accountId');
        const filters = { usernamefragment: query.usernamefragment, domainfragment: query.domainfragment };
        const page = await listCredentialPage(deps, accountId, {
          page: query.page,
          size: query.size,
          userNameFragment: filters.usernamefragment,
          domainFragment: filters.domainfragment,
        });
        return okXml(SipCredentialsListXml, {
          Links: pageLinks(
            linkUrl(`/accounts/${accountId}/sipcredentials`),
            filters,
            page.size,
            page.nextKey,
          ),
          SipCredentials: page.credentials.map(credentialToXml),
        });
      },
    },
    {
      method: 'POST',
      path: base,
      errorShape: createShape,
      access,
      handle: async ({ param, body }) => {
        const result = await createCredentials(
          deps,
          param('accountId'),
          (body(SipCredentialsRequestXml).SipCredential ?? []).map(credentialInputOf),
        );
        return {
          status: 201,
          body: encodeXml(SipCredentialsCreatedXml, {
            Errors: rejectedToXml(result.rejected),
            ValidSipCredentials: result.created.map(credentialToXml),
          }),
        };
      },
    },
    {
      method: 'GET',
      path: `${base}/:userName`,
      errorShape: oneShape,
      access,
      handle: async ({ param }) =>
        okXml(SipCredentialResponseXml, {
          SipCredential: credentialToXml(
            await requireCredential(deps, param('accountId'), param('userName')),
          ),
        }),
    },
    {
      method: 'PUT',
      path: `${base}/:userName`,
      errorShape: oneShape,
      access,
      handle: async ({ param, body }) => {
        const updated = await updateCredential(
          deps,
          param('accountId'),
          param('userName'),
          credentialInputOf(body(SipCredentialRequestXml)),
        );
        return okXml(SipCredentialResponseXml, { SipCredential: credentialToXml(updated) });
      },
    },
    {
      method: 'DELETE',
      path: `${base}/:userName`,
      errorShape: oneShape,
      access,
      handle: async ({ param }) => {
        await removeCredential(deps, param('accountId'), param('userName'));
        return ok();
      },
    },
  ];
}
