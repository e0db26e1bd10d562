import type { AppDeps } from '../../context.js';
import { responseStatusShape, type ErrorShape } from '../../platform/http/error-shapes.js';
import { param, parseDateRange } from '../../platform/http/query.js';
import { created, ok, okXml, type RouteDef, type RouteResult } from '../../platform/http/routes.js';
import { encodeXml } from '../../platform/xml/encode.js';
import { parseTn } from '../../shared/numbering.js';
import {
  areaCodesToXml,
  composedOr,
  numberReportOf,
  npaNxxToXml,
  orderHistoryRoutes,
  orderListRoute,
  orderNoteRoutes,
  OrderTnsXml,
  rejectWith,
  TelephoneDetailsReportsXml,
  tnsToXml,
} from '../orders-common/index.js';
import { requireSite } from '../sites/index.js';
import {
  checkPortability,
  parseFullCheck,
  portabilityErrorShape,
  portabilityToXml,
  PortabilityRequestXml,
  PortabilityResponseXml,
  portabilityTnsOf,
} from './lnp-checker.js';
import {
  documentInfo,
  listDocuments,
  MAX_DOCUMENT_BYTES,
  readDocument,
  removeDocument,
  replaceDocument,
  setDocumentMetadata,
  uploadDocument,
} from './port-documents.service.js';
import {
  DocumentListXml,
  documentListToXml,
  documentReadErrorShape,
  FileMetaDataXml,
  metadataInputOf,
  metadataToXml,
  UploadResultXml,
  uploadErrorShape,
} from './port-documents.xml.js';
import { activationStatusOf, scheduleActivationAt } from './portins.desk.js';
import { PORT_INS } from './portins.kind.js';
import { portInsWithNumber } from './portins.store.js';
import { cancelPortIn, countPortIns, createPortIn, getPortIn, suppPortIn } from './portins.service.js';
import {
  ActivationRequestXml,
  ActivationResponseXml,
  activationScheduledToXml,
  activationToXml,
  createdToXml,
  portInInputOf,
  PortInListXml,
  portInListToXml,
  PortInRequestXml,
  PortInResponseXml,
  portInSuppInputOf,
  PortInSuppXml,
  portInToXml,
  QuantityXml,
  rejectedToXml,
  suppToXml,
} from './portins.xml.js';

const kind = PORT_INS;
const access = { account: true, role: kind.role } as const;
const one = '/accounts/:accountId/portins/:orderId';
const activationShape = responseStatusShape('ActivationStatusResponse');

export function portInRoutes(deps: AppDeps): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/accounts/:accountId/lnpchecker',
      errorShape: portabilityErrorShape,
      access,
      handle: async ({ param: p, body, query }) => {
        const mode = parseFullCheck(param(query, 'fullcheck'));
        const tns = portabilityTnsOf(body(PortabilityRequestXml));
        return okXml(
          PortabilityResponseXml,
          portabilityToXml(await checkPortability(deps, p('accountId'), tns, mode)),
        );
      },
    },
    {
      method: 'POST',
      path: '/accounts/:accountId/portins',
      // 400: every problem found, then the order as sent.
      errorShape: composedOr(kind.errorShape),
      access,
      handle: async ({ param: p, body, url, principal }) => {
        const accountId = p('accountId');
        const wire = body(PortInRequestXml);
        const v = await rejectWith(
          () => createPortIn(deps, accountId, portInInputOf(wire), principal.username),
          (err) => encodeXml(PortInResponseXml, rejectedToXml(err, wire)),
        );
        return created(
          url(`/accounts/${accountId}/portins/${v.order.id}`),
          encodeXml(PortInResponseXml, createdToXml(v)),
        );
      },
    },
    ...listRoutes(deps),
    {
      method: 'GET',
      path: '/accounts/:accountId/portins/totals',
      errorShape: kind.errorShape,
      access,
      handle: async ({ param: p, query }) => {
        const count = await countPortIns(deps, p('accountId'), {
          status: param(query, 'status'),
          vendorId: param(query, 'vendorid'),
        });
        return okXml(QuantityXml, { Count: count });
      },
    },
    {
      method: 'GET',
      path: one,
      errorShape: kind.errorShape,
      access,
      handle: async ({ param: p }) =>
        okXml(PortInResponseXml, portInToXml(await getPortIn(deps, p('accountId'), p('orderId')))),
    },
    {
      method: 'PUT',
      path: one,
      errorShape: kind.errorShape,
      access,
      handle: async ({ param: p, body, principal }) => {
        const input = portInSuppInputOf(body(PortInSuppXml));
        const v = await suppPortIn(deps, p('accountId'), p('orderId'), input, principal.username);
        return okXml(PortInResponseXml, suppToXml(v));
      },
    },
    {
      method: 'DELETE',
      path: one,
      errorShape: kind.errorShape,
      access,
      handle: async ({ param: p, principal }) => {
        await cancelPortIn(deps, p('accountId'), p('orderId'), principal.username);
        return ok();
      },
    },
    ...orderNoteRoutes(deps, kind),
    ...orderHistoryRoutes(deps, kind),
    ...numberRoutes(deps),
    ...activationRoutes(deps),
    ...documentRoutes(deps),
  ];
}

/** The account's port-ins and a site's (rows 18, 117): filters status, date, startdate/enddate, tn, pon. */
function listRoutes(deps: AppDeps): RouteDef[] {
  const options = {
    xml: PortInListXml,
    toXml: (
      page: Parameters<typeof portInListToXml>[0],
      links: Parameters<typeof portInListToXml>[1],
      ctx: { param: (n: string) => string },
    ) => portInListToXml(page, links, ctx.param('accountId')),
    echoed: ['status', 'date', 'startdate', 'enddate', 'tn', 'pon'],
    defaultSize: 300,
  };
  const filters = async (query: Readonly<Record<string, string | undefined>>) => {
    const date = param(query, 'date');
    const tnText = param(query, 'tn');
    const tn = tnText === undefined ? undefined : parseTn(tnText);
    return {
      dates: date === undefined ? undefined : parseDateRange(date, date),
      orderIds:
        tnText === undefined
          ? undefined
          : tn === undefined
            ? []
            : await portInsWithNumber(deps.database.db, tn),
      idPrefix: param(query, 'pon'),
    };
  };
  return [
    orderListRoute(deps, kind, { ...options, scope: (ctx) => filters(ctx.query) }),
    orderListRoute(deps, kind, {
      ...options,
      path: '/accounts/:accountId/sites/:siteId/portins',
      scope: async (ctx) => {
        const site = await requireSite(deps, ctx.param('accountId'), ctx.param('siteId'));
        return { ...(await filters(ctx.query)), siteId: site.id };
      },
    }),
  ];
}

/** What the order names: `tns`, `areaCodes`, `npaNxx` (reports), `totals` (a count, rows 36–39). */
function numberRoutes(deps: AppDeps): RouteDef[] {
  const report = async (accountId: string, orderId: string) =>
    numberReportOf((await getPortIn(deps, accountId, orderId)).tns);
  const route = (name: string, answer: (r: ReturnType<typeof numberReportOf>) => RouteResult): RouteDef => ({
    method: 'GET',
    path: `${one}/${name}`,
    errorShape: kind.errorShape,
    access,
    handle: async ({ param: p }) => answer(await report(p('accountId'), p('orderId'))),
  });
  return [
    route('tns', (r) => okXml(OrderTnsXml, tnsToXml(r))),
    route('areaCodes', (r) => okXml(TelephoneDetailsReportsXml, areaCodesToXml(r))),
    route('npaNxx', (r) => okXml(TelephoneDetailsReportsXml, npaNxxToXml(r))),
    route('totals', (r) => okXml(QuantityXml, { Count: r.tns.length })),
  ];
}

function activationRoutes(deps: AppDeps): RouteDef[] {
  const path = `${one}/activationStatus`;
  return [
    {
      method: 'GET',
      path,
      errorShape: activationShape,
      access,
      handle: async ({ param: p }) =>
        okXml(
          ActivationResponseXml,
          activationToXml(await activationStatusOf(deps, p('accountId'), p('orderId'))),
        ),
    },
    {
      method: 'PUT',
      path,
      errorShape: activationShape,
      access,
      handle: async ({ param: p, body, principal }) => {
        const date = body(ActivationRequestXml).AutoActivationDate;
        const at = await scheduleActivationAt(deps, p('accountId'), p('orderId'), date, principal.username);
        return okXml(ActivationResponseXml, activationScheduledToXml(at));
      },
    },
  ];
}

/** LOA and other documents (rows 28–35): raw uploads, their bytes, and their metadata. */
function documentRoutes(deps: AppDeps): RouteDef[] {
  const loas = `${one}/loas`;
  const file = `${loas}/:fileId`;
  const upload = { maxBytes: MAX_DOCUMENT_BYTES };
  const shape: ErrorShape = uploadErrorShape;
  return [
    {
      method: 'GET',
      path: loas,
      errorShape: shape,
      access,
      handle: async ({ param: p, query }) => {
        const docs = await listDocuments(deps, p('accountId'), p('orderId'));
        return okXml(
          DocumentListXml,
          documentListToXml(docs, /^true$/i.test(param(query, 'metadata') ?? '')),
        );
      },
    },
    {
      method: 'POST',
      path: loas,
      errorShape: shape,
      access,
      upload,
      handle: async ({ param: p, upload: raw, query, url, principal }) => {
        const accountId = p('accountId');
        const u = raw();
        const id = await uploadDocument(
          deps,
          accountId,
          p('orderId'),
          { ...u, documentType: param(query, 'documenttype') },
          principal.username,
        );
        return created(
          url(`/accounts/${accountId}/portins/${p('orderId').toLowerCase()}/loas/${id}`),
          encodeXml(UploadResultXml, uploaded(id)),
        );
      },
    },
    {
      method: 'GET',
      path: file,
      errorShape: documentReadErrorShape,
      access,
      handle: async ({ param: p }) => {
        const d = await readDocument(deps, p('accountId'), p('orderId'), p('fileId'));
        return {
          status: 200,
          body: d.content,
          contentType: d.media_type,
          headers: { 'Content-Disposition': `attachment; filename=${d.id}` },
        };
      },
    },
    {
      method: 'PUT',
      path: file,
      errorShape: shape,
      access,
      upload,
      handle: async ({ param: p, upload: raw, url }) => {
        const id = await replaceDocument(deps, p('accountId'), p('orderId'), p('fileId'), raw());
        return {
          status: 200,
          headers: {
            Location: url(`/accounts/${p('accountId')}/portins/${p('orderId').toLowerCase()}/loas/${id}`),
          },
          body: encodeXml(UploadResultXml, uploaded(id)),
        };
      },
    },
    {
      method: 'DELETE',
      path: file,
      errorShape: shape,
      access,
      handle: async ({ param: p }) => {
        await removeDocument(deps, p('accountId'), p('orderId'), p('fileId'));
        return ok();
      },
    },
    {
      method: 'GET',
      path: `${file}/metadata`,
      errorShape: documentReadErrorShape,
      access,
      handle: async ({ param: p }) =>
        okXml(
          FileMetaDataXml,
          metadataToXml(await documentInfo(deps, p('accountId'), p('orderId'), p('fileId'))),
        ),
    },
    {
      method: 'PUT',
      path: `${file}/metadata`,
      errorShape: shape,
      access,
      handle: async ({ param: p, body }) => {
        await setDocumentMetadata(
          deps,
          p('accountId'),
          p('orderId'),
          p('fileId'),
          metadataInputOf(body(FileMetaDataXml)),
        );
        return ok();
      },
    },
    {
      method: 'DELETE',
      path: `${file}/metadata`,
      errorShape: shape,
      access,
      handle: async ({ param: p }) => {
        await setDocumentMetadata(deps, p('accountId'), p('orderId'), p('fileId'), undefined);
        return ok();
      },
    },
  ];
}

const uploaded = (filename: string) => ({
  filename,
  resultCode: 0,
  resultMessage: 'LOA file uploaded successfully',
});
