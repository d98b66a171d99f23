import type { Exchange } from '../exchange/types';
import type { RedactOptions } from './redact';
import { prepareRequest } from './shared';

/**
 * POSIX single quoting: nothing inside '…' is special to sh, bash or zsh (no `$(…)`, backticks,
 * backslashes or history), so the only character to handle is the quote itself: close, add an
 * escaped quote, reopen. Newlines stay literal inside the quotes.
 */
export function shellQuote(s: string): string {
  // A NUL cannot be passed in an argv string at all; drop it rather than truncate silently.
  return `'${s.replace(/\0/g, '').replace(/'/g, `'\\''`)}'`;
}

/**
 * The request as a curl command line. Secrets are redacted unless `redact: false`.
 * Accept-Encoding becomes `--compressed` so curl decodes what it asks for, as Chrome does.
 */
export function toCurl(exchange: Exchange, opts: RedactOptions = {}): string {
  const req = prepareRequest(exchange, opts);
  const args: string[] = [];
  // curl treats [] and {} in URLs as glob patterns; a URL starting with "-" would read as an option.
  if (/[[\]{}]/.test(req.url)) args.push('--globoff');
  args.push(req.url.startsWith('-') ? `--url ${shellQuote(req.url)}` : shellQuote(req.url));
  const method = req.method.toUpperCase();
  const hasBody = req.body !== undefined;
  if (method === 'HEAD') args.push('--head');
  else if (method !== 'GET' && !(method === 'POST' && hasBody)) args.push(`-X ${shellQuote(req.method)}`);
  let compressed = false;
  for (const h of req.headers) {
    if (h.name.toLowerCase() === 'accept-encoding') {
      compressed = true;
      continue;
    }
    // "Name:" with nothing after it tells curl to remove the header; "Name;" sends it empty.
    args.push(`-H ${shellQuote(h.value === '' ? `${h.name};` : `${h.name}: ${h.value}`)}`);
  }
  if (req.body) args.push(`--data-raw ${shellQuote(req.body.text)}`);
  if (compressed) args.push('--compressed');
  return `curl ${args.join(' \\\n  ')}`;
}
