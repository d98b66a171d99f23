import { operationLabel } from '../../contract/check';
import { defineRule } from '../types';

export default defineRule({
  id: 'contract/deprecated-operation',
  group: 'core',
  severity: 'info',
  headerOnly: true,
  description: 'The page calls an operation its OpenAPI description marks as deprecated.',
  source: {
    label: 'OpenAPI 3.1 §4.8.10 Operation Object',
    url: 'https://spec.openapis.org/oas/v3.1.0#operation-object',
  },
  check({ contract }) {
    if (contract?.kind !== 'operation' || !contract.operation.deprecated) return [];
    return [{ message: `${operationLabel(contract.operation)} is deprecated in ${contract.contract.name}` }];
  },
});
