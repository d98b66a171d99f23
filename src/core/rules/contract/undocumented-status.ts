import { operationLabel } from '../../contract/check';
import { defineRule } from '../types';

export default defineRule({
  id: 'contract/undocumented-status',
  group: 'core',
  severity: 'warning',
  headerOnly: true,
  description:
    'The response status is not among the operation’s documented responses, and no range (4XX) or default covers it.',
  source: {
    label: 'OpenAPI 3.1 §4.8.16 Responses Object',
    url: 'https://spec.openapis.org/oas/v3.1.0#responses-object',
  },
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
});
