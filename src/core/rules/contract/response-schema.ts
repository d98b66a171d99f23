import {
  checkValueCounted,
  mediaFor,
  MAX_VIOLATIONS_PER_EXCHANGE,
  operationLabel,
} from '../../contract/check';
import { OAS, citingOas } from './oas-source';
import { defineRule, type Report } from '../types';
import { countOf } from '../../text/plural';

export default defineRule(
  citingOas(OAS.mediaType, {
    id: 'contract/response-schema',
    group: 'core',
    severity: 'error',
    description:
      'The JSON body fails the schema the description documents for this operation, status and media type.',
    check({ contract, mediaType, json }) {
      if (contract?.kind !== 'operation' || !contract.response || contract.operation.disabled) return [];
      if (json.kind !== 'ok') return [];
      const media = mediaFor(contract.response, mediaType);
      if (!media?.schema) return [];
      const { violations, total } = checkValueCounted(
        contract.contract,
        media.schema,
        json.value,
        MAX_VIOLATIONS_PER_EXCHANGE,
      );
      const label = `${operationLabel(contract.operation)} ${contract.response.key}`;
      // The operation first, as the other contract rules say it; the schema's place (its file
      // named, its last segment the failing keyword) last, before the body place reports add.
      const out: Report[] = violations.map((v) => ({
        message: `${label}: ${v.message}; schema ${v.schemaLocation}`,
        pointer: v.pointer,
      }));
      const rest = total - violations.length;
      if (rest > 0) {
        out.push({ message: `${label}: ${countOf(rest, 'more schema violation')} in this body, not listed` });
      }
      return out;
    },
  }),
);
