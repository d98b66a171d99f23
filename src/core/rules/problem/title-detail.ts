import { statusFamily } from '../../exchange/family';
import { isKnownEmpty } from '../../exchange/media';
import type { Exchange } from '../../exchange/types';
import { member } from '../../json/walk';
import { defineRule, type Report } from '../types';
import { errorsCarryDetails, problemObject } from './shared';

/** A 4xx/5xx (not to HEAD) whose body was seen and holds nothing. */
function isContentlessError(ex: Exchange): boolean {
  const family = statusFamily(ex.status);
  if ((family !== '4xx' && family !== '5xx') || ex.method.toUpperCase() === 'HEAD') return false;
  return isKnownEmpty(ex);
}

export default defineRule({
  id: 'problem/title-detail',
  group: 'problem',
  severity: 'warning',
  description:
    'House rule: every error carries problem details with a "title", and a "detail" unless a well-formed "errors" member explains the occurrence; an error with no content has neither.',
  source: {
    label: 'RFC 9457 §3.1.3–3.1.4 (house rule)',
    url: 'https://www.rfc-editor.org/rfc/rfc9457#section-3.1.3',
  },
  // An error with no content breaks "all error responses contain title and detail"; that is
  // reported here once, not again as the core rule's empty error (issue #13: one defect, one finding).
  supersedes: ['body/empty-error'],
  check(ctx) {
    if (isContentlessError(ctx.exchange)) {
      return [
        { message: `${ctx.exchange.status} error has no content, so no problem details "title" or "detail"` },
      ];
    }
    const obj = problemObject(ctx);
    if (!obj) return [];
    const out: Report[] = [];
    if (member(obj, 'title') === undefined) {
      out.push({ message: `${ctx.exchange.status} problem details have no "title" member` });
    }
    // A validation problem's "errors" (ASP.NET Core's field → messages map, or RFC 9457's array)
    // already says what is wrong with this request, which is what "detail" is for.
    if (member(obj, 'detail') === undefined && !errorsCarryDetails(member(obj, 'errors'))) {
      out.push({ message: `${ctx.exchange.status} problem details have no "detail" member` });
    }
    return out;
  },
});
