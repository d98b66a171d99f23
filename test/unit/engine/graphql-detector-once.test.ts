import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as graphql from '../../../src/core/exchange/graphql';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import { BUILTIN_PROFILE_IDS } from '../../../src/core/profiles/builtins';
import { defaultSettings } from '../../../src/core/settings';
import { makeExchange, type ExchangeSpec } from '../../helpers/exchange';

// Count the GraphQL detector's runs wherever the engine reaches it (rule context, spec-defined.ts).
vi.mock('../../../src/core/exchange/graphql', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/core/exchange/graphql')>();
  return { ...actual, isGraphqlRequest: vi.fn(actual.isGraphqlRequest) };
});
const detector = vi.mocked(graphql.isGraphqlRequest);

/**
 * Issue #18's CLI throughput: the profiles' scopes (every profile on), body/soft-error and the
 * convention signs all need "is this a GraphQL request"; the engine works it out once per exchange.
 */
const JSON_TYPE = { 'Content-Type': 'application/json' };
const cases: [string, ExchangeSpec][] = [
  [
    'a GraphQL request error in a 200 at /query',
    {
      method: 'POST',
      url: 'http://127.0.0.1:8080/query',
      resourceType: 'fetch',
      headers: JSON_TYPE,
      postData: { mimeType: 'application/json', text: '{"query":"{ viewer { login } }"}' },
      body: { errors: [{ message: 'must be authenticated' }] },
    },
  ],
  [
    'a REST 200 that says it failed',
    {
      method: 'POST',
      url: 'https://api.example.com/v1/connectors/graphql',
      resourceType: 'fetch',
      headers: JSON_TYPE,
      postData: { mimeType: 'application/json', text: '{"endpoint":"x"}' },
      body: { ok: false, error: 'unreachable' },
    },
  ],
];

describe('the GraphQL detector runs at most once per exchange', () => {
  beforeEach(() => {
    detector.mockClear();
  });

  it.each(cases)('%s, with every profile on', (_name, spec) => {
    const active = activeRules({ ...defaultSettings(), profiles: [...BUILTIN_PROFILE_IDS] });
    const analysis = analyzeExchange(makeExchange(spec), active);
    expect(analysis.profiles).toHaveLength(BUILTIN_PROFILE_IDS.length);
    expect(detector).toHaveBeenCalledTimes(1);
  });

  it.each(cases)('%s, with no profile on (soft-error and the signs ask)', (_name, spec) => {
    analyzeExchange(makeExchange(spec), activeRules(defaultSettings()));
    expect(detector).toHaveBeenCalledTimes(1);
  });

  it('not at all for a response no reader needs it for (an image)', () => {
    const image = makeExchange({
      url: 'https://cdn.example.com/a.png',
      headers: { 'Content-Type': 'image/png' },
    });
    analyzeExchange(image, activeRules(defaultSettings()));
    expect(detector).not.toHaveBeenCalled();
  });
});
