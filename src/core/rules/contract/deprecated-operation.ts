import { operationLabel } from '../../contract/check';
import { OAS, citingOas } from './oas-source';
import { defineRule } from '../types';

export default defineRule(
  citingOas(OAS.operation, {
    id: 'contract/deprecated-operation',
    group: 'core',
    severity: 'info',
    headerOnly: true,
    description: 'The page calls an operation its OpenAPI description marks as deprecated.',
    check({ contract }) {
      if (contract?.kind !== 'operation' || !contract.operation.deprecated) return [];
      return [
        { message: `${operationLabel(contract.operation)} is deprecated in ${contract.contract.name}` },
      ];
    },
  }),
);
