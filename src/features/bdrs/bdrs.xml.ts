import { responseStatusShape, type ErrorShape } from '../../platform/http/error-shapes.js';
import { x, type RootIn, type RootOut } from '../../platform/xml/schema.js';
import type { BdrInput } from './bdrs.service.js';

/** BDR payloads (contract rows 94–96); errors in `ResponseStatus` under each root. */
export const BdrRequestXml = x.root('Bdr', { StartDate: x.text(), EndDate: x.text() });

export const bdrInputOf = (w: RootIn<typeof BdrRequestXml>): BdrInput => ({
  startDate: w.StartDate,
  endDate: w.EndDate,
});

/** The answer to the POST and, while the archive is built, to the GET (the RAML's root for both). */
export const InfoXml = x.root('BdrCreationResponse', { Info: x.text() });
export const createdInfo = (): RootOut<typeof InfoXml> => ({
  Info: 'Your BDR archive is currently being constructed',
});
export const processingInfo = (): RootOut<typeof InfoXml> => ({
  Info: 'The requested BDR archive is still being constructed, please check back later',
});

export const creationErrorShape: ErrorShape = responseStatusShape('BdrCreationResponse');
export const retrievalErrorShape: ErrorShape = responseStatusShape('BdrRetrievalResponse');
