import { jsonPointer } from '../../json/pointer';
import { member } from '../../json/walk';
import { quote } from '../../json/describe';
import { defineRule } from '../types';
import { halDraft, halLinks, halResources, halTally } from './shared';

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
    const resources = halResources(ctx);
    // One finding for the body (shared/body-tally.ts): 500 items whose "edit" link lacks the flag
    // are one fault of the API, with one fix.
    const unmarked = halTally(resources);
    let markedFalse = 0;
    for (const res of resources) {
      for (const link of halLinks(res)) {
        const href = member(link.value, 'href');
        const templated = member(link.value, 'templated');
        // A non-boolean templated is hal/link-shape's finding.
        if (typeof href !== 'string' || (templated !== undefined && templated !== false)) continue;
        if (!hasTemplateExpression(href)) continue;
        if (templated === false) markedFalse++;
        const path = [...link.path, 'href'];
        unmarked.add(path, () => ({
          message: `href ${quote(href)} of link "${link.rel}" is a URI template but the link ${
            templated === false ? 'has "templated": false' : 'has no "templated": true'
          }`,
          pointer: jsonPointer(path),
        }));
      }
    }
    return unmarked.done((places) => {
      const what = unmarked.kinds(markedFalse, {
        first: 'no "templated": true',
        second: '"templated": false',
        both: (absent, marked) =>
          `no "templated": true (${absent} without it, ${marked} with "templated": false)`,
      });
      return `${unmarked.counted('link')} have a URI template as href but ${what}: ${places}`;
    });
  },
});
