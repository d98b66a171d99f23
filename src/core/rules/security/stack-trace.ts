import { defineRule } from '../types';
import { scanBody } from './scan';
import { STACK_TRACES } from './trace-patterns';

export default defineRule({
  id: 'security/stack-trace',
  group: 'core',
  severity: 'warning',
  description: 'Responses should not expose stack traces: they reveal code paths, libraries and versions.',
  source: { label: 'CWE-209', url: 'https://cwe.mitre.org/data/definitions/209.html' },
  check(ctx) {
    const [hit] = scanBody(ctx, STACK_TRACES, 1);
    if (!hit) return [];
    const where = hit.pointer === undefined ? 'body' : `body member ${hit.pointer}`;
    const message = `${where} holds a ${hit.value.kind} stack trace: "${hit.value.excerpt}"`;
    return [hit.pointer === undefined ? { message } : { message, pointer: hit.pointer }];
  },
});
