import { statusFamily } from '../../exchange/family';
import type { CatalogueEntry } from '../types';
import { retry } from './define';
import { CERTIFICATE_NET_ERRORS } from './net-errors-certificate';
import { CONNECTION_NET_ERRORS } from './net-errors-connection';
import { GENERIC_NET_ERRORS } from './net-errors-generic';
import { HTTP_NET_ERRORS } from './net-errors-http';

/** Status 0: what browsers and HAR files record when there was no HTTP response at all. */
export const FAILED_REQUEST: CatalogueEntry = {
  code: 0,
  reason: 'No Response',
  formerNames: [],
  family: statusFamily(0),
  registry: 'browser',
  origin: 'Browsers',
  summary: 'No HTTP response at all: the request failed, was blocked or was cancelled.',
  meaning:
    "Browsers record status 0 when there is no response to report: the connection failed, the request was blocked (CORS, an extension, mixed content) or it was cancelled. In HAR files `_error` holds Chrome's net::ERR_* reason.",
  causes: [
    'A CORS failure (the response is withheld from the page)',
    'Connection refused, DNS or TLS failure',
    'Blocked by an extension, or cancelled by navigation',
    'The device is offline',
  ],
  action: 'Look up the net::ERR_* reason (HAR _error or the DevTools console) and follow its entry.',
  retry: retry(
    'if-idempotent',
    'Depends on the reason: network glitches are worth retrying, CORS and blocking are not.',
  ),
  headers: ['Access-Control-Allow-Origin'],
  specUrl: 'https://fetch.spec.whatwg.org/#concept-network-error',
  profiles: {},
};

/** Chrome's net::ERR_* reasons for failed requests, in Chromium's numeric order (net_error_list.h). */
export const NET_ERRORS: CatalogueEntry[] = [
  ...GENERIC_NET_ERRORS,
  ...CONNECTION_NET_ERRORS,
  ...CERTIFICATE_NET_ERRORS,
  ...HTTP_NET_ERRORS,
];
