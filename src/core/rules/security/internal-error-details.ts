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
    const where = hit.pointer === undefined ? 'body' : `body member ${hit.pointer}`;
    const message = `${where} exposes ${hit.value.what}: "${hit.value.excerpt}"`;
    return [hit.pointer === undefined ? { message } : { message, pointer: hit.pointer }];
  },
});
