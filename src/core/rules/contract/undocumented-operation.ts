import { defineRule } from '../types';

export default defineRule({
  id: 'contract/undocumented-operation',
  group: 'core',
  severity: 'warning',
  headerOnly: true,
  description:
    'A request inside a loaded OpenAPI description’s servers whose method and path match no documented operation.',
  source: {
    label: 'OpenAPI 3.1 §4.8.8 Paths Object',
    url: 'https://spec.openapis.org/oas/v3.1.0#paths-object',
  },
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
});
