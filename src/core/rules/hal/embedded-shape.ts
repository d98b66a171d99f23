import { jsonPointer } from '../../json/pointer';
import { isJsonObject, member } from '../../json/walk';
import { CappedReports } from '../shared/capped';
import { describeValue } from '../../json/describe';
import { defineRule } from '../types';
import { halDraft, halResources, resourceName } from './shared';

export default defineRule({
  id: 'hal/embedded-shape',
  group: 'hal',
  severity: 'error',
  description: '_embedded must be an object whose values are resource objects or arrays of them.',
  source: halDraft('4.1.2'),
  check(ctx) {
    const out = new CappedReports();
    for (const res of halResources(ctx)) {
      const embedded = member(res.value, '_embedded');
      if (embedded === undefined) continue;
      const base = [...res.path, '_embedded'];
      if (!isJsonObject(embedded)) {
        out.add(() => ({
          message: `_embedded of ${resourceName(res.path, jsonPointer(res.path))} is ${describeValue(embedded)}, not an object`,
          pointer: jsonPointer(base),
        }));
        continue;
      }
      for (const rel of Object.keys(embedded)) {
        const v = member(embedded, rel);
        if (v === undefined || isJsonObject(v)) continue;
        if (!Array.isArray(v)) {
          out.add(() => ({
            message: `embedded "${rel}" is ${describeValue(v)}, not a resource object or array`,
            pointer: jsonPointer([...base, rel]),
          }));
          continue;
        }
        v.forEach((item, i) => {
          if (isJsonObject(item)) return;
          out.add(() => ({
            message: `embedded "${rel}"[${i}] is ${describeValue(item)}, not a resource object`,
            pointer: jsonPointer([...base, rel, i]),
          }));
        });
      }
    }
    return out.done('embedded values that are not resources');
  },
});
