import type { AppDeps } from '../../context.js';
import { okXml, type RouteDef } from '../../platform/http/routes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import { fileDownload } from '../orders-common/index.js';
import { BDRS } from './bdrs.kind.js';
import { bdrFile, createBdr, getBdr } from './bdrs.service.js';
import {
  bdrInputOf,
  BdrRequestXml,
  createdInfo,
  creationErrorShape,
  InfoXml,
  processingInfo,
  retrievalErrorShape,
} from './bdrs.xml.js';

const access = { account: true, role: BDRS.role } as const;
const base = '/accounts/:accountId/bdrs';

/** BDRs (rows 94–96): 202 on request, 200 while built then 303 to the file, the file itself. */
export function bdrRoutes(deps: AppDeps): RouteDef[] {
  return [
    {
      method: 'POST',
      path: base,
      errorShape: creationErrorShape,
      access,
      handle: async ({ param: p, body, url, principal }) => {
        const accountId = p('accountId');
        const bdr = await createBdr(deps, accountId, bdrInputOf(body(BdrRequestXml)), principal.username);
        return {
          status: 202,
          headers: { Location: url(`/accounts/${accountId}/bdrs/${bdr.id}`) },
          body: encodeXml(InfoXml, createdInfo()),
        };
      },
    },
    {
      method: 'GET',
      path: `${base}/:bdrId`,
      errorShape: retrievalErrorShape,
      access,
      handle: async ({ param: p, url }) => {
        const accountId = p('accountId');
        const bdr = await getBdr(deps, accountId, p('bdrId'));
        if (bdr.status === 'PROCESSING') return okXml(InfoXml, processingInfo());
        bdrFile(bdr); // FAILED: 404 here, not a See Other to a file that is not there
        return { status: 303, headers: { Location: url(`/accounts/${accountId}/bdrs/${bdr.id}/file`) } };
      },
    },
    {
      method: 'GET',
      path: `${base}/:bdrId/file`,
      errorShape: retrievalErrorShape,
      access,
      handle: async ({ param: p }) => {
        const bdr = await getBdr(deps, p('accountId'), p('bdrId'));
        return fileDownload(deps, bdr.id, bdrFile(bdr));
      },
    },
  ];
}
