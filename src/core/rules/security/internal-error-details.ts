import { defineRule } from '../types';
import { INTERNAL_DETAILS } from '../../leaks/internals-patterns';
import { scanBody } from '../../leaks/scan';

export default defineRule({
  id: 'security/internal-error-details',
  group: 'core',
  severity: 'warning',
  description:
    'Responses should not expose database or driver errors: they map out the schema and invite injection.',
  source: { label: 'CWE-209', url: 'https://cwe.mitre.org/data/definitions/209.html' },
  check(ctx) {
    const [hit] = scanBody(ctx, INTERNAL_DETAILS, 1);
    if (!hit) return [];
    // The pointer travels beside the message, and every surface shows it ("at /message" in the
    // CLI, "→ /message" in the panel): naming it here too would say the place twice.
    const message = `The body exposes ${hit.value.what}: "${hit.value.excerpt}"`;
    return [hit.pointer === undefined ? { message } : { message, pointer: hit.pointer }];
  },
});
