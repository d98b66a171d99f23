import type { CatalogueEntry } from '../types';
import { registered, retry, rfc, rfc9110 } from './define';

const DONE = 'Already succeeded; resending a non-idempotent request would repeat its effect.';

export const SUCCESS: CatalogueEntry[] = [
  registered(200, rfc9110('15.3.1'), {
    summary: 'Success; the body carries the result (the resource, or the outcome of the action).',
    meaning:
      'The request succeeded. What the body holds depends on the method: the representation for GET, the result of the action for POST, and so on.',
    causes: ['A successful read', 'A successful update or action that reports its result'],
    action: 'Use the response; on APIs that can attach warnings to a success, look for them too.',
    retry: retry('never', DONE),
    headers: ['Content-Type', 'ETag', 'Cache-Control'],
    profiles: {
      envelope:
        'Success with a JSON object: the data sits under a key named after the resource (e.g. "disk"), and `errors` may still list warnings.',
      hal: 'A HAL document (application/hal+json) with _links; also the answer to a repeated create that finds the resource already created.',
      problem: 'A repeated create that finds the resource already created answers 200 instead of 201.',
    },
  }),
  registered(201, rfc9110('15.3.2'), {
    summary: 'A new resource was created; Location says where it lives.',
    meaning:
      'The request created one or more resources. The main one is identified by the Location header, or by the request URL when Location is absent.',
    causes: ['A POST to a collection', 'A PUT to a URL that did not exist yet'],
    action: 'Read Location (and the body, if any) to find the new resource and keep its id.',
    retry: retry('never', 'Resending a POST would usually create a second resource.'),
    headers: ['Location', 'ETag'],
    profiles: {
      envelope: 'Resource created; the JSON object carries it under the resource key.',
      hal: 'The created resource as HAL. Repeating the same create answers 200 rather than 201.',
    },
  }),
  registered(202, rfc9110('15.3.3'), {
    summary: 'Accepted for later processing; the work has not finished and may still fail.',
    meaning:
      'The server queued the request but has not acted on it yet and does not promise it will succeed. It should tell the client how to check on the outcome.',
    causes: ['A long-running or asynchronous operation', 'Work handed to a job queue'],
    action:
      'Poll the status resource the response points to (Location, a link or a token) until the job ends.',
    retry: retry('never', 'Resending would queue the work twice; poll for the result instead.'),
    headers: ['Location', 'Retry-After'],
    profiles: {
      envelope:
        'The request was queued: `queue_token` in the body is what you use to look the job up later. The queued work may still fail.',
      hal: 'Accepted; the server runs it later. Follow the links in the body to track it.',
    },
  }),
  registered(203, rfc9110('15.3.4'), {
    summary: "Success, but a transforming proxy changed the payload from the origin's.",
    meaning:
      'The request succeeded, yet the content was modified on the way (recompressed, filtered, translated) by a proxy. It is not exactly what the origin sent.',
    causes: ['A transforming proxy or mobile optimiser rewrote the body', 'A mirror serving altered content'],
    action: 'Treat it as 200; send Cache-Control: no-transform if you need the original bytes.',
    retry: retry('never', DONE),
    headers: ['Cache-Control', 'Via'],
  }),
  registered(204, rfc9110('15.3.5'), {
    summary: 'Success with no body at all.',
    meaning:
      'The server did what was asked and has nothing to send back. The response ends after the headers; stray body bytes would be misread as the start of the next response on the connection.',
    causes: [
      'A DELETE that removed the resource',
      'A PUT or PATCH that needs no reply',
      'A beacon or tracking endpoint',
    ],
    action: 'Treat it as success and do not try to parse a body.',
    retry: retry('never', DONE),
    headers: ['ETag'],
    profiles: {
      envelope: 'Success that returns nothing, not even a JSON object.',
      hal: 'The method succeeded and there is no body to read.',
    },
  }),
  registered(205, rfc9110('15.3.6'), {
    summary: 'Success; clear the form or view that sent the request.',
    meaning:
      'The action succeeded and the user agent should reset the document that sent it (typically a data-entry form) to its initial state. No content is sent.',
    causes: ['A form meant for repeated data entry', 'Rare in APIs'],
    action: 'Reset the input view; there is no body to read.',
    retry: retry('never', DONE),
    headers: ['Content-Length'],
  }),
  registered(206, rfc9110('15.3.7'), {
    summary: 'Only the byte ranges asked for with Range are sent.',
    meaning:
      'The server answers a Range request with just the requested part. Content-Range says which bytes these are; several ranges arrive as multipart/byteranges.',
    causes: ['A resumed download', 'Audio or video seeking', 'Parallel chunked downloads'],
    action: 'Assemble the parts and check Content-Range against what you asked for.',
    retry: retry('never', 'Request the next range when you need it; this one succeeded.'),
    headers: ['Content-Range', 'Accept-Ranges', 'ETag'],
  }),
  registered(207, rfc(4918, '11.1'), {
    summary: 'Several outcomes in one body, one status per resource (WebDAV, batch APIs).',
    meaning:
      'The body holds a separate status for each resource the request touched. The 207 itself says nothing about whether each part succeeded.',
    causes: ['A WebDAV PROPFIND or PROPPATCH', 'A batch endpoint reporting per-item results'],
    action: 'Read the status of every item in the body; some may have failed.',
    retry: retry('after-fixing-request', 'Resend only the items that failed, once they are fixed.'),
    headers: ['Content-Type'],
  }),
  registered(208, rfc(5842, '7.1'), {
    summary: 'Inside a Multi-Status body: this member was already listed earlier.',
    meaning:
      'Used within a 207 response so that a resource reachable through several bindings is not listed again and again.',
    causes: [
      'WebDAV bindings giving one resource several parents',
      'PROPFIND with Depth: infinity over linked collections',
    ],
    action: 'Look up the earlier entry for that resource in the same response.',
    retry: retry('never', 'Part of a successful response; nothing to resend.'),
    headers: ['Depth'],
  }),
  registered(226, rfc(3229, '10.4.1'), {
    summary: 'The body is a delta (or other instance manipulation) of the resource.',
    meaning:
      'The server fulfilled a GET with the result of the manipulations listed in the IM header, such as a delta against a version the client already holds.',
    causes: ['The client sent A-IM asking for delta encoding', 'Experimental delta-encoding servers'],
    action: 'Apply the delta to the cached copy whose ETag you sent.',
    retry: retry('never', DONE),
    headers: ['IM', 'A-IM', 'ETag'],
  }),
];
