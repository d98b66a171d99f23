import { isJsonObject } from '../../json/walk';
import { defineRule } from '../types';
import { HAL_MEDIA_TYPE, halDraft } from './shared';
import { withArticle } from '../../text/article';

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return withArticle(typeof value);
}

export default defineRule({
  id: 'hal/resource-root',
  group: 'hal',
  severity: 'error',
  description:
    'A HAL document is a resource object: its root must be a JSON object, not an array or a value.',
  source: halDraft('3'),
  check({ json, mediaType }) {
    // Only bodies that claim to be HAL: a plain JSON array elsewhere is not this rule's business.
    if (mediaType !== HAL_MEDIA_TYPE || json.kind !== 'ok' || isJsonObject(json.value)) return [];
    return [
      {
        message: `${HAL_MEDIA_TYPE} body is ${kindOf(json.value)}, not a resource object; wrap collections as _embedded items of a resource`,
        pointer: '',
      },
    ];
  },
});
