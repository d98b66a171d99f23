import { isJsonMediaType } from '../../exchange/media';
import { defineRule } from '../types';

/** Parser messages can quote a slice of the body; keep the finding readable. */
const MAX_REASON = 160;

export default defineRule({
  id: 'body/invalid-json',
  group: 'core',
  severity: 'error',
  description: 'A body labelled as JSON must parse as JSON.',
  source: { label: 'RFC 8259 §2', url: 'https://www.rfc-editor.org/rfc/rfc8259#section-2' },
  check({ mediaType, json }) {
    if (!isJsonMediaType(mediaType) || json.kind !== 'invalid') return [];
    const reason = json.error.length > MAX_REASON ? `${json.error.slice(0, MAX_REASON - 1)}…` : json.error;
    return [{ message: `Content-Type is ${mediaType} but the body is not valid JSON: ${reason}` }];
  },
});
