import { OAS, citingOas } from './oas-source';
import { defineRule } from '../types';

export default defineRule(
  citingOas(OAS.paths, {
    id: 'contract/undocumented-operation',
    group: 'core',
    severity: 'warning',
    headerOnly: true,
    description:
      'A request inside a loaded OpenAPI description’s servers whose method and path match no documented operation.',
    check({ exchange, contract }) {
      if (contract?.kind !== 'undocumented') return [];
      const also =
        contract.methods.length > 0 ? `; the path is documented for ${contract.methods.join(', ')} only` : '';
      return [
        {
          message: `${exchange.method.toUpperCase()} ${contract.path} is not an operation of ${contract.contract.name}${also}`,
        },
      ];
    },
  }),
);
