/** Hints for requests that got no response the page could use (status 0), from the browser's net::ERR_* reason. */

import type { Exchange } from '../../exchange/types';
import { explainNetError, netErrorName } from '../index';
import { blockedAfterResponse, corsCauses } from './cors';
import { shownValue } from './text';
import type { Hint } from './types';

export function failureHints(ex: Exchange): Hint[] {
  const failure = typeof ex.failure === 'string' ? ex.failure.trim() : '';
  if (failure === '') {
    return [
      {
        kind: 'retry',
        text: 'No response and no recorded reason; the DevTools console usually says whether CORS or a blocker stopped it.',
        ref: 0,
      },
    ];
  }
  const hints: Hint[] = [];
  const sent = typeof ex.serverStatus === 'number' ? ex.serverStatus : undefined;
  if (sent !== undefined) {
    hints.push({
      kind: 'retry',
      text: `The server answered ${sent}, but the browser failed the request after the response arrived, so the page never saw it.`,
      ref: sent,
    });
  }
  const name = netErrorName(failure);
  const entry = name ? explainNetError(name) : undefined;
  if (entry)
    hints.push({
      kind: 'retry',
      text: `${entry.code}: ${entry.summary} ${entry.retry.note}`,
      ref: entry.code,
    });
  else
    hints.push({
      kind: 'retry',
      text: `No response; the browser reported "${shownValue(failure, 80)}".`,
      ref: 0,
    });
  // Chromium fails a CORS-blocked fetch with the generic net::ERR_FAILED, keeping the
  // response headers: they say which part of the CORS check failed.
  if (blockedAfterResponse(ex)) {
    for (const c of corsCauses(ex)) hints.push({ kind: 'cors', text: c.text, ref: 'net::ERR_FAILED' });
  }
  return hints;
}
