import type { AppDeps } from '../../context.js';
import {
  genericErrorShape,
  responseStatusShape,
  searchErrorShape,
  type ErrorShape,
} from '../../platform/http/error-shapes.js';
import { pageLinks } from '../../platform/http/paging.js';
import { okXml, type RouteDef } from '../../platform/http/routes.js';
import { Roles } from '../../shared/roles.js';
import {
  getTn,
  getTnDetails,
  getTnHistory,
  getTnLca,
  getTnPlace,
  getTnSipPeer,
  getTnSite,
  listTns,
  TN_LIST_PARAMS,
  type NumberFeaturesOf,
} from './tns.service.js';
import { param, paramsOf } from '../../platform/http/query.js';
import {
  detailsToXml,
  historyToXml,
  lcaToXml,
  TelephoneNumberDetailsXml,
  TelephoneNumberResponseXml,
  TelephoneNumbersResponseXml,
  TnHistoryXml,
  TnLcaXml,
  TnSipPeerXml,
  TnSiteXml,
  tnsPageToXml,
  tnToXml,
} from './tns.xml.js';
import { InventoryErrors } from './inventory.errors.js';

/** /tns is not under an account: it covers the caller's accounts (checked by the service). */
const access = { account: false, role: Roles.search } as const;
const tnShape = responseStatusShape('TelephoneNumberResponse');

/** History: 400 without a body (R18), 404 in the generic ErrorResponse/irisStatus shape. */
const historyShape: ErrorShape = (err) =>
  err.code === InventoryErrors.tnInvalid.code && err.status === 400 ? null : genericErrorShape(err);

/** Filters echoed in the paging links, in Bandwidth's spelling (the query arrives lower-cased). */
const LIST_FILTERS = [
  'accountId',
  'fullNumber',
  'tier',
  'lata',
  'rateCenter',
  'npa',
  'npaNxx',
  'npaNxxX',
  'state',
  'city',
  'host',
  'status',
] as const;

/** `featuresOf`: what features above the inventory keep on a number, for tndetails (features/index.ts). */
export function tnRoutes(
  deps: AppDeps,
  featuresOf: NumberFeaturesOf = () => Promise.resolve({}),
): RouteDef[] {
  const one = (path: string, errorShape: ErrorShape, handle: RouteDef['handle']): RouteDef => ({
    method: 'GET',
    path: `/tns/:tn${path}`,
    errorShape,
    access,
    handle,
  });
  return [
    {
      method: 'GET',
      path: '/tns',
      errorShape: responseStatusShape('TelephoneNumbersResponse'),
      access,
      handle: async ({ query, principal, linkUrl }) => {
        const page = await listTns(deps, principal, paramsOf(query, TN_LIST_PARAMS));
        const filters = Object.fromEntries(LIST_FILTERS.map((f) => [f, param(query, f.toLowerCase())]));
        const links = pageLinks(linkUrl('/tns'), filters, page.size, page.nextKey);
        return okXml(TelephoneNumbersResponseXml, tnsPageToXml(page, links));
      },
    },
    one('', tnShape, async ({ param: p, principal }) =>
      okXml(TelephoneNumberResponseXml, tnToXml(await getTn(deps, principal, p('tn')))),
    ),
    one('/tndetails', tnShape, async ({ param: p, principal }) => {
      const details = await getTnDetails(deps, principal, p('tn'));
      return okXml(
        TelephoneNumberDetailsXml,
        detailsToXml(details, await featuresOf(deps, Number(details.tn))),
      );
    }),
    one('/sites', tnShape, async ({ param: p, principal }) => {
      const site = await getTnSite(deps, principal, p('tn'));
      return okXml(TnSiteXml, { Id: site.id, Name: site.name });
    }),
    one('/sippeers', tnShape, async ({ param: p, principal }) => {
      const peer = await getTnSipPeer(deps, principal, p('tn'));
      return okXml(TnSipPeerXml, { Id: peer.id, Name: peer.name });
    }),
    one('/ratecenter', tnShape, async ({ param: p, principal }) => {
      const place = await getTnPlace(deps, principal, p('tn'));
      return okXml(TelephoneNumberDetailsXml, {
        TelephoneNumberDetails: { State: place.state, RateCenter: place.rateCenter },
      });
    }),
    one('/lata', tnShape, async ({ param: p, principal }) => {
      const place = await getTnPlace(deps, principal, p('tn'));
      return okXml(TelephoneNumberDetailsXml, { TelephoneNumberDetails: { Lata: place.lata } });
    }),
    one('/lca', searchErrorShape('SearchResult'), async ({ param: p, principal }) =>
      okXml(TnLcaXml, lcaToXml(await getTnLca(deps, principal, p('tn')))),
    ),
    one('/history', historyShape, async ({ param: p, principal }) => {
      const history = await getTnHistory(deps, principal, p('tn'));
      return okXml(TnHistoryXml, historyToXml(history.tn, history.entries));
    }),
  ];
}
