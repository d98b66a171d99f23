import type { Exchange, Header } from '../exchange/types';
import { hideKnownValues, knownSecretValues } from './known-values';
import { redactBody, redactHeaders, redactor, redactUrl, type RedactOptions } from './redact';

/** What a replayed request is made of, after redaction when asked for. */
export interface PreparedRequest {
  method: string;
  url: string;
  headers: Header[];
  body?: { mimeType: string; text: string };
}

/**
 * HTTP/2 and HTTP/3 pseudo-headers (":authority"…) are not real header lines, and Content-Length
 * is recomputed by every client; copying either would make the command fail or lie.
 */
export function isReplayableHeader(name: string): boolean {
  return !name.startsWith(':') && name.toLowerCase() !== 'content-length';
}

export function prepareRequest(exchange: Exchange, opts: RedactOptions = {}): PreparedRequest {
  const redact = opts.redact ?? true;
  const names = redactor(opts.redaction);
  const headers = exchange.requestHeaders.filter((h) => isReplayableHeader(h.name));
  const body = exchange.requestBody;
  // A credential hidden by name in one part of the request (an Authorization token, a cookie, a
  // `;jsessionid=`) is hidden wherever else the copy holds it: the path, a Referer, the body.
  const known = redact ? knownSecretValues([exchange], names) : [];
  const hide = (text: string) => hideKnownValues(text, known);
  const out: PreparedRequest = {
    method: exchange.method,
    url: redact ? hide(redactUrl(exchange.url, names)) : exchange.url,
    headers: redact
      ? redactHeaders(headers, names).map((h) => ({ name: h.name, value: hide(h.value) }))
      : headers.map((h) => ({ ...h })),
  };
  if (body && body.text !== '') {
    out.body = {
      mimeType: body.mimeType,
      text: redact ? hide(redactBody(body.text, body.mimeType, names)) : body.text,
    };
  }
  return out;
}
