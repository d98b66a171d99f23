import { describe, expect, it } from 'vitest';
import {
  isGraphqlRequest,
  MAX_GRAPHQL_REQUEST_CHARS,
  operationType,
} from '../../../src/core/exchange/graphql';
import type { Exchange } from '../../../src/core/exchange/types';
import { makeExchange, type ExchangeSpec } from '../../helpers/exchange';

/** A POST with a request body, answered 200 application/json. */
const post = (text: string, mimeType = 'application/json', spec: ExchangeSpec = {}): Exchange =>
  makeExchange({
    method: 'POST',
    url: 'https://api.example.com/graphql',
    headers: { 'Content-Type': 'application/json' },
    body: { data: null },
    postData: { mimeType, text },
    ...spec,
  });
const get = (query: string, url = 'https://api.example.com/graphql') =>
  makeExchange({ url: `${url}?${query}`, headers: { 'Content-Type': 'application/json' } });
const q = (document: string) => `query=${encodeURIComponent(document)}`;

// j1github_repos-rest-graphql.har #2, shortened: what GitHub's GraphQL clients send.
const GITHUB = JSON.stringify({
  query: '\n    query ($login: String!) {\n      organization(login: $login) { id login }\n    }',
  variables: { login: 'JupiterOne-Sandbox' },
});
// saleor_graphql-login-errors.har #0, shortened: the document opens with its fragments.
const SALEOR = JSON.stringify({
  operationName: 'login',
  variables: {},
  query:
    'fragment AccountErrorFragment on AccountError {\n  code\n}\n\nmutation login($email: String!) {\n  tokenCreate(email: $email) { token }\n}',
});

describe('operationType: the first definition of a GraphQL document', () => {
  it('reads operations, the shorthand and fragments past ignored tokens', () => {
    expect(operationType('  # c\n  mutation X { y }')).toBe('mutation');
    expect(operationType('{ a }')).toBe('query');
    expect(operationType('{ ...F }')).toBe('query');
    expect(operationType('\uFEFF,query ($id: ID!) { node(id: $id) { id } }')).toBe('query');
    expect(operationType('query @live { a }')).toBe('query');
    expect(operationType('subscription OnTick{ticks}')).toBe('subscription');
    expect(operationType('fragment U on User { id } query { me { ...U } }')).toBe('fragment');
  });

  it('reads no document in search texts, JSON and fragments without a type', () => {
    for (const text of [
      'nonsense',
      '',
      'mutation',
      'mutation testing',
      'query shoes',
      'red shoes',
      '{"status":"open"}',
      '{ }',
      '[1,2]',
      'fragment on User { id }',
      'fragment F { id }',
      'queryX { a }',
    ])
      expect(operationType(text), text).toBeUndefined();
  });
});

describe('isGraphqlRequest', () => {
  it('recognises real GraphQL POSTs (GitHub, Linear, Saleor)', () => {
    expect(isGraphqlRequest(post(GITHUB, 'application/json; charset=utf-8'))).toBe(true);
    expect(isGraphqlRequest(post('{"query":"query viewer {\\n  viewer { id }\\n}"}'))).toBe(true);
    expect(isGraphqlRequest(post(SALEOR))).toBe(true);
  });

  it('recognises persisted queries, batches and application/graphql documents', () => {
    const apq = {
      extensions: {
        persistedQuery: {
          version: 1,
          sha256Hash: 'ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38',
        },
      },
    };
    expect(isGraphqlRequest(post(JSON.stringify({ operationName: 'Me', ...apq })))).toBe(true);
    expect(isGraphqlRequest(post(JSON.stringify({ query: null, ...apq })))).toBe(true);
    // A search text beside a hash is still a search text.
    expect(isGraphqlRequest(post(JSON.stringify({ query: 'red shoes', ...apq })))).toBe(false);
    expect(isGraphqlRequest(post(JSON.stringify([{ query: '{ a }' }, { query: 'query B { b }' }])))).toBe(
      true,
    );
    expect(isGraphqlRequest(post('mutation { logout }', 'application/graphql'))).toBe(true);
    // No Content-Type recorded: the body's JSON still says so.
    expect(isGraphqlRequest(post(GITHUB, ''))).toBe(true);
    expect(isGraphqlRequest(get(`extensions=${encodeURIComponent(JSON.stringify(apq.extensions))}`))).toBe(
      true,
    );
  });

  it('recognises GETs carrying a document, wherever the endpoint is', () => {
    expect(isGraphqlRequest(get(q('{ me { id } }')))).toBe(true);
    expect(
      isGraphqlRequest(get(`${q('query Me { me { id } }')}&operationName=Me`, 'https://x.example/api')),
    ).toBe(true);
  });

  it('recognises the GraphQL-over-HTTP media types, whatever the body', () => {
    const answered = makeExchange({
      method: 'POST',
      url: 'https://api.example.com/query',
      headers: { 'Content-Type': 'application/graphql-response+json; charset=utf-8' },
    });
    expect(isGraphqlRequest(answered)).toBe(true);
    const asked = makeExchange({
      method: 'POST',
      url: 'https://api.example.com/query',
      requestHeaders: { Accept: 'application/graphql-response+json, application/json;q=0.9' },
    });
    expect(isGraphqlRequest(asked)).toBe(true);
  });

  it('leaves REST calls that carry a "query" alone', () => {
    // Elasticsearch's query DSL: an object.
    expect(isGraphqlRequest(post('{"query":{"match":{"title":"graphql"}}}'))).toBe(false);
    // A search text, a JSON filter written as a string, a number, a query that is only a word.
    expect(isGraphqlRequest(post('{"query":"red shoes","page":2}'))).toBe(false);
    expect(isGraphqlRequest(post('{"query":"{\\"status\\":\\"open\\"}"}'))).toBe(false);
    expect(isGraphqlRequest(post('{"query":42}'))).toBe(false);
    expect(isGraphqlRequest(post('{"query":"query"}'))).toBe(false);
    // "query" only inside another member; a persisted query without its hash.
    expect(isGraphqlRequest(post('{"filter":{"query":"{ a }"}}'))).toBe(false);
    expect(isGraphqlRequest(post('{"extensions":{"persistedQuery":{"version":1}}}'))).toBe(false);
    // A batch with one REST item in it; an empty batch.
    expect(isGraphqlRequest(post('[{"query":"{ a }"},{"query":"shoes"}]'))).toBe(false);
    expect(isGraphqlRequest(post('[]'))).toBe(false);
    // Form-encoded search, malformed JSON, another media type.
    expect(isGraphqlRequest(post('query=%7B%20a%20%7D', 'application/x-www-form-urlencoded'))).toBe(false);
    expect(isGraphqlRequest(post('{"query":"{ a }"'))).toBe(false);
    expect(isGraphqlRequest(post('{"query":"{ a }"}', 'text/csv'))).toBe(false);
    // A search GET, and a GraphQL-looking body on another method.
    expect(isGraphqlRequest(get('query=red+shoes', 'https://api.example.com/search'))).toBe(false);
    expect(isGraphqlRequest(get('q=%7B%20a%20%7D'))).toBe(false);
    expect(isGraphqlRequest(post(GITHUB, 'application/json', { method: 'PUT' }))).toBe(false);
    expect(isGraphqlRequest(makeExchange({ method: 'POST', url: 'https://api.example.com/graphql' }))).toBe(
      false,
    );
  });

  it('parses no body beyond the cap: a huge request is known by its media types only', () => {
    const padding = 'x'.repeat(MAX_GRAPHQL_REQUEST_CHARS);
    const huge = JSON.stringify({ query: '{ a }', variables: { blob: padding } });
    expect(isGraphqlRequest(post(huge))).toBe(false);
    expect(
      isGraphqlRequest(
        post(huge, 'application/json', { requestHeaders: { Accept: 'application/graphql-response+json' } }),
      ),
    ).toBe(true);
    expect(isGraphqlRequest(get(q(`{ a } # ${padding}`)))).toBe(false);
  });
});
