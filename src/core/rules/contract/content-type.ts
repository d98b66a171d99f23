import { carriesContent } from '../../exchange/media';
import { mediaFor, operationLabel } from '../../contract/check';
import { OAS, citingOas } from './oas-source';
import { defineRule } from '../types';

export default defineRule(
  citingOas(OAS.response, {
    id: 'contract/content-type',
    group: 'core',
    severity: 'warning',
    description:
      'The response’s media type is not one the description documents for that operation and status.',
    check({ exchange, contract, mediaType }) {
      if (contract?.kind !== 'operation' || !contract.response) return [];
      // No content, or content we know is empty: nothing's type to judge.
      if (!carriesContent(exchange)) return [];
      const { response, operation } = contract;
      const where = `${operationLabel(operation)} ${response.key} in ${contract.contract.name}`;
      const documented = (response.content ?? []).map((m) => m.mediaType);
      if (mediaType === '') {
        if (documented.length === 0 || exchange.body.kind === 'unknown') return [];
        return [{ message: `the response has no Content-Type; ${where} documents ${documented.join(', ')}` }];
      }
      if (documented.length === 0) {
        if (exchange.body.kind === 'unknown' && exchange.size <= 0) return [];
        return [{ message: `${where} documents no content, but the response is ${mediaType}` }];
      }
      if (mediaFor(response, mediaType)) return [];
      return [
        { message: `${mediaType} is not documented for ${where} (documented: ${documented.join(', ')})` },
      ];
    },
  }),
);
