import { jsonPointer } from '../../json/pointer';
import { isJsonObject, member } from '../../json/walk';
import { describeValue } from '../../json/describe';
import { defineRule } from '../types';
import { halDraft, halResources, halTally, resourceName } from './shared';

export default defineRule({
  id: 'hal/embedded-shape',
  group: 'hal',
  severity: 'error',
  description: '_embedded must be an object whose values are resource objects or arrays of them.',
  source: halDraft('4.1.2'),
  check(ctx) {
    const resources = halResources(ctx);
    // One finding per body and kind of fault (shared/body-tally.ts): a collection of 500 numbers
    // where resources belong is one fault of the API. An _embedded that is not an object and values
    // in it that are not resources are told apart: they are found, and fixed, in different places.
    const notObject = halTally(resources);
    const notResource = halTally(resources);
    for (const res of resources) {
      const embedded = member(res.value, '_embedded');
      if (embedded === undefined) continue;
      const base = [...res.path, '_embedded'];
      if (!isJsonObject(embedded)) {
        notObject.add(base, () => ({
          message: `_embedded of ${resourceName(res.path, jsonPointer(res.path))} is ${describeValue(embedded)}, not an object`,
          pointer: jsonPointer(base),
        }));
        continue;
      }
      for (const rel of Object.keys(embedded)) {
        const v = member(embedded, rel);
        if (v === undefined || isJsonObject(v)) continue;
        if (!Array.isArray(v)) {
          notResource.add([...base, rel], () => ({
            message: `embedded "${rel}" is ${describeValue(v)}, not a resource object or array`,
            pointer: jsonPointer([...base, rel]),
          }));
          continue;
        }
        v.forEach((item, i) => {
          if (isJsonObject(item)) return;
          notResource.add([...base, rel, i], () => ({
            message: `embedded "${rel}"[${i}] is ${describeValue(item)}, not a resource object`,
            pointer: jsonPointer([...base, rel, i]),
          }));
        });
      }
    }
    return [
      ...notObject.done(
        (places) => `${notObject.counted('resource')} have an _embedded that is not an object: ${places}`,
      ),
      ...notResource.done(
        (places) => `${notResource.counted('embedded value')} are not resource objects: ${places}`,
      ),
    ];
  },
});
