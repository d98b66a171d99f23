/** Hints for requests that got no response at all (status 0), from the browser's net::ERR_* reason. */

import type { Exchange } from '../../exchange/types';
import { explainNetError } from '../index';
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
  // DevTools sometimes decorates the name, e.g. "(failed)net::ERR_FAILED".
  const name = /(?:net::)?err_[a-z0-9_]{1,80}/i.exec(failure.slice(0, 200))?.[0];
  const entry = name ? explainNetError(name) : undefined;
  if (entry)
    return [{ kind: 'retry', text: `${entry.code}: ${entry.summary} ${entry.retry.note}`, ref: entry.code }];
  return [{ kind: 'retry', text: `No response; the browser reported "${shownValue(failure, 80)}".`, ref: 0 }];
}
