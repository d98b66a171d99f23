import { operationLabel } from '../../contract/check';
import { OAS, citingOas } from './oas-source';
import { defineRule } from '../types';

export default defineRule(
  citingOas(OAS.responses, {
    id: 'contract/undocumented-status',
    group: 'core',
    severity: 'warning',
    headerOnly: true,
    description:
      'The response status is not among the operation’s documented responses, and no range (4XX) or default covers it.',
    check({ exchange, contract }) {
      if (contract?.kind !== 'operation' || contract.response) return [];
      const op = contract.operation;
      const documented = op.responses.map((r) => r.key).join(', ') || 'no responses';
      return [
        {
          message: `${exchange.status} is not a documented response of ${operationLabel(op)} in ${contract.contract.name} (documented: ${documented})`,
        },
      ];
    },
  }),
);
