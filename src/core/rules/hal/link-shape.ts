import { jsonPointer } from '../../json/pointer';
import { isJsonObject, member } from '../../json/walk';
import { CappedReports } from '../shared/capped';
import { describeValue } from '../../json/describe';
import { defineRule } from '../types';
import { halDraft, halLinks, halResources, resourceName } from './shared';

export default defineRule({
  id: 'hal/link-shape',
  group: 'hal',
  severity: 'error',
  description:
    '_links must be an object of link objects (or arrays of them), each with a string href and, if present, a boolean templated.',
  source: halDraft('5'),
  check(ctx) {
    const out = new CappedReports();
    for (const res of halResources(ctx)) {
      const links = member(res.value, '_links');
      if (links !== undefined && !isJsonObject(links)) {
        out.add(() => ({
          message: `_links of ${resourceName(res.path, jsonPointer(res.path))} is ${describeValue(links)}, not an object`,
          pointer: jsonPointer([...res.path, '_links']),
        }));
        continue;
      }
      for (const link of halLinks(res)) {
        const at = () => jsonPointer(link.path);
        if (!isJsonObject(link.value)) {
          out.add(() => ({
            message: `link "${link.rel}" is ${describeValue(link.value)}, not a link object`,
            pointer: at(),
          }));
          continue;
        }
        const href = member(link.value, 'href');
        if (href === undefined) {
          out.add(() => ({ message: `link "${link.rel}" has no href`, pointer: at() }));
        } else if (typeof href !== 'string') {
          out.add(() => ({
            message: `href of link "${link.rel}" is ${describeValue(href)}, not a string`,
            pointer: `${at()}/href`,
          }));
        }
        const templated = member(link.value, 'templated');
        if (templated !== undefined && typeof templated !== 'boolean') {
          out.add(() => ({
            message: `templated of link "${link.rel}" is ${describeValue(templated)}, not true or false`,
            pointer: `${at()}/templated`,
          }));
        }
      }
    }
    return out.done('malformed links');
  },
});
