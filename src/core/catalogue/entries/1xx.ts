import type { CatalogueEntry } from '../types';
import { registered, retry, rfc, rfc9110, temporary } from './define';

const INTERIM = 'Interim response: the final status for this request still follows.';

export const INFORMATIONAL: CatalogueEntry[] = [
  registered(100, rfc9110('15.2.1'), {
    summary: 'Interim: the server is ready for the request body; keep sending it.',
    meaning:
      'The server has read the request headers and has not rejected them. Clients ask for this with `Expect: 100-continue` before sending a large body.',
    causes: [
      'The client sent Expect: 100-continue ahead of a large upload',
      'A server that acknowledges headers early',
    ],
    action: 'Send the body and wait for the final response; nothing needs fixing.',
    retry: retry('never', INTERIM),
    headers: ['Expect'],
  }),
  registered(101, rfc9110('15.2.2'), {
    summary: 'The connection switches to the protocol named in Upgrade (usually WebSocket).',
    meaning:
      "The server accepts the client's Upgrade request. Right after this response both sides speak the protocol named in the Upgrade header on the same connection.",
    causes: ['A WebSocket handshake (Upgrade: websocket)', 'An HTTP/1.1 to h2c upgrade (rare)'],
    action: 'Carry on in the new protocol; DevTools lists WebSocket frames separately.',
    retry: retry('never', 'This is the successful outcome of a protocol switch.'),
    headers: ['Upgrade', 'Connection'],
  }),
  registered(102, rfc(2518, '10.1'), {
    summary: 'WebDAV interim: a long request is still being processed.',
    meaning:
      'Tells the client that a slow WebDAV request was accepted and is still running, so it should not time out. RFC 4918 dropped it, but some servers still send it.',
    causes: ['A WebDAV COPY, MOVE or DELETE over many resources', 'A server keeping a slow request alive'],
    action: 'Keep waiting for the final response.',
    retry: retry('never', INTERIM),
    headers: ['Depth'],
  }),
  registered(103, rfc(8297, '2'), {
    summary: 'Interim: Link headers to preload while the final response is being prepared.',
    meaning:
      'Sent ahead of the final response so the browser can start preloading or preconnecting to what the Link headers name. The final response may carry different headers.',
    causes: ['A CDN or server emitting Early Hints', 'A framework sending Link rel=preload early'],
    action: 'Nothing to do; check that hinted resources are really used, or they waste bandwidth.',
    retry: retry('never', INTERIM),
    headers: ['Link'],
  }),
  temporary(
    104,
    'Upload Resumption Supported',
    {
      origin: 'draft-ietf-httpbis-resumable-upload',
      specUrl: 'https://datatracker.ietf.org/doc/draft-ietf-httpbis-resumable-upload/',
    },
    {
      summary: 'Interim: this upload can be resumed; Location names the upload resource.',
      meaning:
        'From the resumable uploads draft (a temporary registration). The server tells the client where the upload lives so an interrupted transfer can continue from its last offset instead of starting over.',
      causes: ['The client announced a resumable upload', 'An upload server implementing the IETF draft'],
      action: 'Keep the Location; if the transfer breaks, ask it for the offset and resume from there.',
      retry: retry(
        'never',
        'Interim; after a failure, resume at the Location rather than resending everything.',
      ),
      headers: ['Location', 'Upload-Offset'],
    },
  ),
];
