import { jsonPointer } from '../../json/pointer';
import { isJsonObject, member } from '../../json/walk';
import { CappedReports } from '../shared/capped';
import { defineRule, type Report } from '../types';
import { halDraft, halResources, resourceName } from './shared';

export default defineRule({
  id: 'hal/self-link',
  group: 'hal',
  severity: 'warning',
  description: 'Every HAL resource, embedded ones included, should link to itself with _links.self.',
  source: halDraft('8.1'),
  check(ctx) {
    const out = new CappedReports();
    for (const res of halResources(ctx)) {
      const links = member(res.value, '_links');
      if (links === undefined) {
        out.add(() => {
          // An embedded resource is named by the finding's pointer; the message does not repeat it.
          const top = res.path.length === 0;
          const r: Report = {
            message: `${top ? 'the top-level resource' : 'the embedded resource'} has no _links, so no self link`,
          };
          if (!top) r.pointer = jsonPointer(res.path);
          return r;
        });
      } else if (isJsonObject(links) && member(links, 'self') === undefined) {
        // A non-object _links is hal/link-shape's finding; reporting it here too would be noise.
        out.add(() => ({
          message: `${resourceName(res.path, jsonPointer(res.path))} has _links but no "self"`,
          pointer: jsonPointer([...res.path, '_links']),
        }));
      }
    }
    return out.done((more) => `…and ${more} more resources without a self link`);
  },
});
