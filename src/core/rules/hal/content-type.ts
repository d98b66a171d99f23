import { statusFamily } from '../../exchange/family';
import { carriesContent, isJsonMediaType } from '../../exchange/media';
import { defineRule } from '../types';
import { HAL_MEDIA_TYPE, halDraft } from './shared';

export default defineRule({
  id: 'hal/content-type',
  group: 'hal',
  severity: 'warning',
  headerOnly: true,
  description: 'JSON success responses of a HAL API should be served as application/hal+json.',
  source: halDraft('3'),
  check({ exchange, mediaType }) {
    if (statusFamily(exchange.status) !== '2xx' || !carriesContent(exchange)) return [];
    if (!isJsonMediaType(mediaType) || mediaType === HAL_MEDIA_TYPE) return [];
    return [{ message: `${exchange.status} JSON response is served as ${mediaType}, not ${HAL_MEDIA_TYPE}` }];
  },
});
