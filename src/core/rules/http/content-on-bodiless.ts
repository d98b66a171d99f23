import { contentLengthMembers } from '../../exchange/headers';
import type { Exchange } from '../../exchange/types';
import { countOf } from '../../text/plural';

/**
 * What a response whose status forbids content (204, 205) came with anyway: body bytes actually
 * seen, and Content-Length members other than 0 (a bare `Content-Length: 0` claims nothing). An
 * unknown body is not evidence of content. Empty when there is nothing to report.
 */
export function contentOnBodiless(exchange: Exchange): string[] {
  const found: string[] = [];
  const body = exchange.body;
  if ((body.kind === 'text' || body.kind === 'binary') && body.size > 0)
    found.push(`a body of ${countOf(body.size, 'byte')}`);
  const lengths = contentLengthMembers(exchange.responseHeaders)
    .filter((v) => v !== '0')
    .map((v) => (v === '' ? '(empty)' : v));
  if (lengths.length > 0) found.push(`Content-Length: ${lengths.join(', ')}`);
  return found;
}
