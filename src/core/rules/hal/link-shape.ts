import { jsonPointer } from '../../json/pointer';
import { isJsonObject, member } from '../../json/walk';
import { describeValue } from '../../json/describe';
import { defineRule, type Report } from '../types';
import { halDraft, halLinks, halResources, halTally, resourceName } from './shared';

export default defineRule({
  id: 'hal/link-shape',
  group: 'hal',
  severity: 'error',
  description:
    '_links must be an object of link objects (or arrays of them), each with a string href and, if present, a boolean templated.',
  source: halDraft('5'),
  check(ctx) {
    const resources = halResources(ctx);
    // One finding per body and kind of fault (shared/body-tally.ts): 500 items whose links all
    // lack an href are one fault of the API, not 500 findings. The kinds stay apart: a string where a link
    // object belongs, a missing href and a "templated": "true" are different mistakes with
    // different fixes, and one count of them all would not say which place has which.
    const linksNotObject = halTally(resources);
    const notLinkObject = halTally(resources);
    const noHref = halTally(resources);
    const hrefNotString = halTally(resources);
    const templatedNotBoolean = halTally(resources);
    for (const res of resources) {
      const links = member(res.value, '_links');
      if (links !== undefined && !isJsonObject(links)) {
        const path = [...res.path, '_links'];
        linksNotObject.add(path, () => ({
          message: `_links of ${resourceName(res.path, jsonPointer(res.path))} is ${describeValue(links)}, not an object`,
          pointer: jsonPointer(path),
        }));
        continue;
      }
      for (const link of halLinks(res)) {
        const at = () => jsonPointer(link.path);
        if (!isJsonObject(link.value)) {
          const value = link.value;
          notLinkObject.add(link.path, () => ({
            message: `link "${link.rel}" is ${describeValue(value)}, not a link object`,
            pointer: at(),
          }));
          continue;
        }
        const href = member(link.value, 'href');
        if (href === undefined) {
          noHref.add(link.path, () => ({ message: `link "${link.rel}" has no href`, pointer: at() }));
        } else if (typeof href !== 'string') {
          hrefNotString.add([...link.path, 'href'], () => ({
            message: `href of link "${link.rel}" is ${describeValue(href)}, not a string`,
            pointer: `${at()}/href`,
          }));
        }
        const templated = member(link.value, 'templated');
        if (templated !== undefined && typeof templated !== 'boolean') {
          templatedNotBoolean.add([...link.path, 'templated'], () => ({
            message: `templated of link "${link.rel}" is ${describeValue(templated)}, not true or false`,
            pointer: `${at()}/templated`,
          }));
        }
      }
    }
    const reports: Report[][] = [
      linksNotObject.done(
        (places) => `${linksNotObject.counted('resource')} have a _links that is not an object: ${places}`,
      ),
      notLinkObject.done(
        (places) =>
          `${notLinkObject.counted('link')} are not link objects (an object with an href): ${places}`,
      ),
      noHref.done((places) => `${noHref.counted('link')} have no href: ${places}`),
      hrefNotString.done(
        (places) => `${hrefNotString.counted('link')} have an href that is not a string: ${places}`,
      ),
      templatedNotBoolean.done(
        (places) =>
          `${templatedNotBoolean.counted('link')} have a templated that is not true or false: ${places}`,
      ),
    ];
    return reports.flat();
  },
});
