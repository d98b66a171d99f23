import type { Exchange, Header } from '../exchange/types';
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
  const out: PreparedRequest = {
    method: exchange.method,
    url: redact ? redactUrl(exchange.url, names) : exchange.url,
    headers: redact ? redactHeaders(headers, names) : headers.map((h) => ({ ...h })),
  };
  if (body && body.text !== '') {
    out.body = {
      mimeType: body.mimeType,
      text: redact ? redactBody(body.text, body.mimeType, names) : body.text,
    };
  }
  return out;
}
