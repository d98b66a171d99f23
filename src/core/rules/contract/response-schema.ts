import { checkValue, mediaFor, MAX_VIOLATIONS_PER_EXCHANGE, operationLabel } from '../../contract/check';
import { defineRule, type Report } from '../types';

export default defineRule({
  id: 'contract/response-schema',
  group: 'core',
  severity: 'error',
  description:
    'The JSON body fails the schema the description documents for this operation, status and media type.',
  source: {
    label: 'OpenAPI 3.1 §4.8.18 Media Type Object',
    url: 'https://spec.openapis.org/oas/v3.1.0#media-type-object',
  },
  check({ contract, mediaType, json }) {
    if (contract?.kind !== 'operation' || !contract.response || contract.operation.disabled) return [];
    if (json.kind !== 'ok') return [];
    const media = mediaFor(contract.response, mediaType);
    if (!media?.schema) return [];
    const violations = checkValue(contract.contract, media.schema, json.value);
    const label = `${operationLabel(contract.operation)} ${contract.response.key}`;
    const out: Report[] = violations.slice(0, MAX_VIOLATIONS_PER_EXCHANGE).map((v) => ({
      message: `${v.pointer === '' ? 'the body' : v.pointer}: ${v.message} [${v.keyword} at ${v.schemaLocation}] (${label})`,
      pointer: v.pointer,
    }));
    const rest = violations.length - MAX_VIOLATIONS_PER_EXCHANGE;
    if (rest > 0) {
      out.push({
        message: `${rest} more schema violation${rest === 1 ? '' : 's'} in this body not listed (${label})`,
      });
    }
    return out;
  },
});
