import { defineRule } from '../types';

const TEXT_TYPES = new Set(['text/html', 'text/plain']);

export default defineRule({
  id: 'body/content-type-mismatch',
  group: 'core',
  severity: 'warning',
  description: 'A JSON body should be labelled as JSON, not as HTML or plain text.',
  source: { label: 'RFC 8259 §11', url: 'https://www.rfc-editor.org/rfc/rfc8259#section-11' },
  check({ mediaType, json }) {
    if (!TEXT_TYPES.has(mediaType) || json.kind !== 'ok') return [];
    const v = json.value;
    if (v === null || typeof v !== 'object') return [];
    const shape = Array.isArray(v) ? 'a JSON array' : 'a JSON object';
    return [{ message: `body is ${shape} but Content-Type is ${mediaType}; label it application/json` }];
  },
});
