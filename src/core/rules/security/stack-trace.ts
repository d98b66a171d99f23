import { defineRule, type Report, type RuleContext } from '../types';
import { scanBody, type BodyHit } from '../../leaks/scan';
import { STACK_FRAMES, STACK_TRACES, type TraceHit } from '../../leaks/trace-patterns';
import { withArticle } from '../../text/article';

/** How many single frames to look at for a trace split one frame per array element. */
export const MAX_FRAME_HITS = 8;

function arrayParent(pointer: string | undefined): string | undefined {
  if (pointer === undefined) return undefined;
  const cut = pointer.lastIndexOf('/');
  return /^\d+$/.test(pointer.slice(cut + 1)) ? pointer.slice(0, cut) : undefined;
}

/**
 * Two frames of one runtime in elements of the same array (`"backtrace": ["app/a.rb:3:in …",
 * "app/b.rb:9:in …"]`) are a trace as surely as two frames on separate lines of one string.
 * Returns the first such frame, from single-frame hits in document order.
 */
export function siblingFrames(hits: readonly BodyHit<TraceHit>[]): BodyHit<TraceHit> | undefined {
  for (let i = 0; i < hits.length; i++) {
    const parent = arrayParent(hits[i]!.pointer);
    if (parent === undefined) continue;
    for (let j = i + 1; j < hits.length; j++) {
      if (hits[j]!.value.kind === hits[i]!.value.kind && arrayParent(hits[j]!.pointer) === parent) {
        return hits[i];
      }
    }
  }
  return undefined;
}

/**
 * The report for a trace. In a 2xx JSON resource a trace is often data — an issue body with a
 * pasted trace, an error-tracking event — so it is info there, worded as a question. Traces that
 * are the whole body, and traces in any other response, are the server's own: the rule's warning.
 */
export function traceReport(hit: BodyHit<TraceHit>, status: number, inResource: boolean): Report {
  // The pointer travels beside the message, shown by every surface: not named here again.
  const where = hit.pointer === undefined ? 'The body' : 'A body member';
  const { kind, excerpt } = hit.value;
  const report: Report =
    status >= 200 && status <= 299 && inResource
      ? {
          message: `${where} holds what looks like ${withArticle(`${kind} stack trace`)}: "${excerpt}". In a ${status} resource this is often data (an issue, a log, an error-tracking event); if it is this server's own trace, stop returning it`,
          severity: 'info',
        }
      : { message: `${where} holds ${withArticle(`${kind} stack trace`)}: "${excerpt}"` };
  if (hit.pointer !== undefined) report.pointer = hit.pointer;
  return report;
}

/** True when the body is a parsed JSON object or array, so a trace in it is one member among others. */
export function isJsonResource(ctx: RuleContext): boolean {
  return ctx.json.kind === 'ok' && ctx.json.value !== null && typeof ctx.json.value === 'object';
}

export default defineRule({
  id: 'security/stack-trace',
  group: 'core',
  severity: 'warning',
  otherSeverities: [{ severity: 'info', when: 'for traces inside a 2xx JSON resource' }],
  description:
    'Responses should not expose stack traces: they reveal code paths, libraries and versions. Traces inside 2xx JSON resources are info, since they are often data.',
  source: { label: 'CWE-209', url: 'https://cwe.mitre.org/data/definitions/209.html' },
  check(ctx) {
    let [hit] = scanBody(ctx, STACK_TRACES, 1);
    if (!hit && isJsonResource(ctx)) hit = siblingFrames(scanBody(ctx, STACK_FRAMES, MAX_FRAME_HITS));
    if (!hit) return [];
    return [traceReport(hit, ctx.exchange.status, isJsonResource(ctx))];
  },
});
