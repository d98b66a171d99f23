import { jsonPointer } from '../../json/pointer';
import { isJsonObject, member } from '../../json/walk';
import { defineRule, type Report } from '../types';
import { halDraft, halResources, halTally, resourceName, type HalResource } from './shared';

/** The finding for one resource: the pointer names it (or its _links), the message what is missing. */
function oneReport(resource: HalResource, noLinks: boolean): Report {
  const pointer = jsonPointer(resource.path);
  if (!noLinks) {
    return {
      message: `${resourceName(resource.path, pointer)} has _links but no "self"`,
      pointer: jsonPointer([...resource.path, '_links']),
    };
  }
  // An embedded resource is named by the finding's pointer; the message does not repeat it.
  if (resource.path.length === 0) return { message: 'the top-level resource has no _links, so no self link' };
  return { message: 'the embedded resource has no _links, so no self link', pointer };
}

const has = (n: number): string => (n === 1 ? 'has' : 'have');

export default defineRule({
  id: 'hal/self-link',
  group: 'hal',
  severity: 'warning',
  description: 'Every HAL resource, embedded ones included, should link to itself with _links.self.',
  source: halDraft('8.1'),
  check(ctx) {
    const resources = halResources(ctx);
    // One finding for the body (shared/body-tally.ts): j1veracode_hal-findings.har's 12 items
    // without _links are one fault of the API, not twelve.
    const missing = halTally(resources);
    let withoutLinks = 0;
    for (const resource of resources) {
      const links = member(resource.value, '_links');
      // A non-object _links is hal/link-shape's finding; reporting it here too would be noise.
      const noLinks = links === undefined;
      if (!noLinks && !(isJsonObject(links) && member(links, 'self') === undefined)) continue;
      if (noLinks) withoutLinks++;
      missing.add(resource.path, () => oneReport(resource, noLinks));
    }
    return missing.done((places) => {
      const what = missing.kinds(missing.count - withoutLinks, {
        first: 'have no _links, so no self link',
        second: 'have _links but no "self"',
        both: (noLinks, noSelf) =>
          `have no self link (${noLinks} ${has(noLinks)} no _links, ${noSelf} ${has(noSelf)} _links but no "self")`,
      });
      const noun = missing.withTopLevel ? 'resource' : 'embedded resource';
      return `${missing.counted(noun)} ${what}: ${places}`;
    });
  },
});
