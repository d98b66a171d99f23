import { describe, expect, it } from 'vitest';
import { analyzeExchange, DEFAULT_LIMITS } from '../../../../src/core/engine/analyze';
import { CONTRACT_RULES } from '../../../../src/core/rules/contract';
import { fixtureContract } from '../../../helpers/contracts';
import { makeExchange } from '../../../helpers/exchange';

// The same undocumented call judged by a 3.0 description (the Petstore) and a 3.1 one (the museum).
const PET = 'http://127.0.0.1:8080/api/v3';
const MUSEUM = 'https://redocly.com/_mock/docs/openapi/museum-api';
const rule = CONTRACT_RULES.find((r) => r.id === 'contract/undocumented-operation')!;

function sourceFor(file: string, base: string) {
  const contract = fixtureContract(file, { baseUrl: base });
  const ex = makeExchange({
    url: `${base}/no-such-thing`,
    headers: { 'Content-Type': 'application/json' },
    body: {},
  });
  const [finding] = analyzeExchange(ex, [{ rule }], DEFAULT_LIMITS, [contract]).findings;
  return finding?.source;
}

describe('contract findings cite the version of OpenAPI the description follows', () => {
  it('a 3.0 description: OpenAPI 3.0.3, section 4.7', () => {
    expect(sourceFor('petstore-3.0.yaml', PET)).toEqual({
      label: 'OpenAPI 3.0 §4.7.8 Paths Object',
      url: 'https://spec.openapis.org/oas/v3.0.3#paths-object',
    });
  });

  it('a 3.1 description: OpenAPI 3.1.0, section 4.8, as the rule lists and docs cite it', () => {
    expect(sourceFor('museum-3.1.yaml', MUSEUM)).toEqual(rule.source);
    expect(rule.source).toEqual({
      label: 'OpenAPI 3.1 §4.8.8 Paths Object',
      url: 'https://spec.openapis.org/oas/v3.1.0#paths-object',
    });
  });

  it('every contract rule cites an object of the specification, numbered as in its Schema section', () => {
    // Media Type Object is §4.8.14 (4.8.18 is the Callback Object, which these rules never read).
    expect(CONTRACT_RULES.map((r) => r.source.label).sort()).toEqual([
      'OpenAPI 3.1 §4.8.10 Operation Object',
      'OpenAPI 3.1 §4.8.14 Media Type Object',
      'OpenAPI 3.1 §4.8.16 Responses Object',
      'OpenAPI 3.1 §4.8.17 Response Object',
      'OpenAPI 3.1 §4.8.21 Header Object',
      'OpenAPI 3.1 §4.8.8 Paths Object',
    ]);
  });
});
