import { jsonPointer } from '../../json/pointer';
import { member } from '../../json/walk';
import { CappedReports } from '../shared/capped';
import { quote } from '../../json/describe';
import { defineRule } from '../types';
import { halDraft, halLinks, halResources } from './shared';

/** How much of an href is searched for a template expression; hrefs longer than this are not URLs anyone types. */
const SCAN_CHARS = 4096;

/** An RFC 6570 expression: `{` followed later by `}`. Two indexOf calls, no regex to go slow. */
function hasTemplateExpression(href: string): boolean {
  const s = href.length > SCAN_CHARS ? href.slice(0, SCAN_CHARS) : href;
  const open = s.indexOf('{');
  return open !== -1 && s.indexOf('}', open + 1) !== -1;
}

export default defineRule({
  id: 'hal/templated',
  group: 'hal',
  severity: 'warning',
  description: 'A link whose href is a URI template should say so with "templated": true.',
  source: halDraft('5.1'),
  check(ctx) {
    const out = new CappedReports();
    for (const res of halResources(ctx)) {
      for (const link of halLinks(res)) {
        const href = member(link.value, 'href');
        const templated = member(link.value, 'templated');
        // A non-boolean templated is hal/link-shape's finding.
        if (typeof href !== 'string' || (templated !== undefined && templated !== false)) continue;
        if (!hasTemplateExpression(href)) continue;
        out.add(() => ({
          message: `href ${quote(href)} of link "${link.rel}" is a URI template but the link ${
            templated === false ? 'has "templated": false' : 'has no "templated": true'
          }`,
          pointer: jsonPointer([...link.path, 'href']),
        }));
      }
    }
    return out.done('template links not marked templated');
  },
});
