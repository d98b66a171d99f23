import { statusFamily } from '../../exchange/family';
import { member } from '../../json/walk';
import { describeValue } from '../../json/describe';
import { defineRule, type RuleContext } from '../types';
import { envelopeObject, SOURCES } from './shared';

/** What an error response offered instead of an `errors` array, for the message. */
function whatWasSent(ctx: RuleContext): string | undefined {
  const { exchange, json } = ctx;
  switch (exchange.body.kind) {
    case 'unknown':
      return undefined;
    case 'empty':
      return 'an empty body';
    case 'binary':
      return 'a binary body';
    case 'text':
      break;
  }
  switch (json.kind) {
    case 'skipped':
      return undefined; // too large to parse: we cannot tell
    case 'none':
      return `a non-JSON body${ctx.mediaType ? ` (${ctx.mediaType})` : ''}`;
    case 'invalid':
      return 'a body that is not valid JSON';
    case 'ok':
      return envelopeObject(ctx)
        ? 'a JSON object without "errors"'
        : `a JSON body that is ${describeValue(json.value)}`;
  }
}

export default defineRule({
  id: 'envelope/errors-list',
  group: 'envelope',
  severity: 'error',
  description: '"errors" must be an array, and every 4xx/5xx response must carry one.',
  source: SOURCES.errors,
  check(ctx) {
    const { exchange } = ctx;
    const errors = member(envelopeObject(ctx), 'errors');
    if (errors !== undefined && !Array.isArray(errors)) {
      return [{ message: `"errors" is ${describeValue(errors)}, not an array`, pointer: '/errors' }];
    }
    const family = statusFamily(exchange.status);
    if ((family !== '4xx' && family !== '5xx') || errors !== undefined) return [];
    // A HEAD response can never carry the array, so asking for one would be unfixable.
    if (exchange.method.toUpperCase() === 'HEAD') return [];
    const sent = whatWasSent(ctx);
    if (sent === undefined) return [];
    return [{ message: `${exchange.status} error response has ${sent}, so no "errors" array` }];
  },
});
