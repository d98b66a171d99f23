import rule from '../../../../src/core/rules/body/soft-error';
import { ruleTester } from '../../../helpers/ruleTester';

const json = { 'Content-Type': 'application/json' };
/** A GraphQL-over-HTTP POST body carrying this document. */
const gql = (query: string) => ({ mimeType: 'application/json', text: JSON.stringify({ query }) });

ruleTester(rule, {
  valid: [
    { name: 'ok: true', headers: json, body: { ok: true, channel: 'C1' } },
    { name: 'success: true', headers: json, body: { success: true } },
    { name: 'JSend success', headers: json, body: { status: 'success', data: {} } },
    { name: 'error: null', headers: json, body: { error: null, data: [] } },
    { name: 'error: empty string', headers: json, body: { error: '' } },
    { name: 'error: empty object', headers: json, body: { error: {} } },
    { name: 'errors: empty array', headers: json, body: { data: {}, errors: [] } },
    {
      name: 'GraphQL partial success keeps data',
      headers: json,
      body: { data: { user: null }, errors: [{ message: 'x' }] },
    },
    {
      name: 'failure body on a 4xx is honest',
      status: 400,
      headers: json,
      body: { ok: false, error: 'invalid' },
    },
    { name: 'top-level array', headers: json, body: [{ ok: false }] },
    { name: 'ok: "false" as a string is not a boolean', headers: json, body: { ok: 'false' } },
    { name: 'nested ok: false', headers: json, body: { item: { ok: false } } },
    { name: 'body not captured', headers: json },
    { name: '__proto__ key', headers: json, body: '{"__proto__": {"error": "x"}}' },
    {
      name: 'GraphQL request error with data: null (GraphQL-over-HTTP, application/json)',
      method: 'POST',
      url: 'https://api.example.com/api/query',
      headers: json,
      body: { data: null, errors: [{ message: 'Cannot query field "x" on type "Query".' }] },
    },
    {
      name: 'GraphQL errors without data at a /graphql path',
      method: 'POST',
      url: 'https://api.github.com/graphql',
      headers: json,
      postData: gql('{ viewer { x } }'),
      body: { errors: [{ message: 'Field "x" doesn\'t exist on type "Query"' }] },
    },
    {
      // gqlgen's default endpoint: no "graphql" in the path, the body says what it is.
      name: 'GraphQL errors without data at /query',
      method: 'POST',
      url: 'http://127.0.0.1:8080/query',
      headers: json,
      postData: gql('query Viewer { viewer { login } }'),
      body: { errors: [{ message: 'must be authenticated' }] },
    },
    {
      name: 'a batch of GraphQL operations at /api',
      method: 'POST',
      url: 'https://app.example.com/api',
      headers: json,
      postData: {
        mimeType: 'application/json',
        text: JSON.stringify([{ query: '{ a }' }, { query: 'mutation M { b }' }]),
      },
      body: { errors: [{ message: 'batching is disabled' }] },
    },
    {
      name: 'Hasura /v1/graphql/ GET with a document in the query string',
      method: 'GET',
      url: `https://hasura.example.com/v1/graphql/?query=${encodeURIComponent('{ users { id } }')}`,
      headers: json,
      body: { errors: [{ message: 'not a valid graphql query' }] },
    },
    {
      name: 'Shopify graphql.json endpoint',
      method: 'POST',
      url: 'https://shop.myshopify.com/admin/api/2024-01/graphql.json',
      headers: json,
      postData: gql('{ shop { name } }'),
      body: { errors: [{ message: 'Throttled' }] },
    },
    {
      name: 'a persisted query (hash only) at /graphql',
      method: 'POST',
      url: 'https://api.example.com/graphql',
      headers: json,
      postData: {
        mimeType: 'application/json',
        text: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ecf4edb4' } } }),
      },
      body: { errors: [{ message: 'PersistedQueryNotFound' }] },
    },
    {
      name: 'graphql-response+json with data: null',
      method: 'POST',
      url: 'https://api.example.com/gql',
      headers: { 'Content-Type': 'application/graphql-response+json' },
      body: { data: null, errors: [{ message: 'boom' }] },
    },
    {
      name: 'OpenAI fine-tuning job that failed (resource state)',
      headers: json,
      body: {
        id: 'ftjob-1',
        object: 'fine_tuning.job',
        status: 'failed',
        error: { code: 'invalid_training_file', message: 'bad file', param: 'training_file' },
      },
    },
    {
      name: 'CircleCI job with status error (resource state)',
      headers: json,
      body: { id: '5034460f-c7c4-4c43-9457-de07e2029e7b', status: 'error', name: 'build' },
    },
    {
      name: 'Stripe-style object tag beside an error',
      headers: json,
      body: { object: 'payment_intent', last_payment_error: null, error: { code: 'card_declined' } },
    },
    {
      name: '207 Multi-Status with per-item errors',
      status: 207,
      headers: json,
      body: { errors: [{ index: 2, message: 'duplicate' }], items: [{ index: 1, status: 201 }] },
    },
    { name: 'WeChat errcode 0', headers: json, body: { errcode: 0, errmsg: 'ok', access_token: 't' } },
    { name: 'code 0 success', headers: json, body: { code: 0, msg: 'success', data: {} } },
    { name: 'code 200 success', headers: json, body: { code: 200, message: 'OK', data: [] } },
    { name: 'code 1 (ThinkPHP success)', headers: json, body: { code: 1, msg: '操作成功' } },
    { name: 'code 404 without any text', headers: json, body: { code: 404, name: 'Not Found' } },
    {
      name: 'string code is a name, not a failure',
      headers: json,
      body: { code: 'USD', message: 'US dollar' },
    },
    { name: 'errcode "0" as a string', headers: json, body: { errcode: '0', errmsg: 'ok' } },
  ],
  invalid: [
    {
      name: 'Slack-style ok: false',
      headers: json,
      body: { ok: false, error: 'channel_not_found' },
      findings: [
        { severity: 'warning', pointer: '/ok', message: ['200', '"ok": false', 'channel_not_found'] },
      ],
    },
    {
      name: 'success: false with a message',
      status: 201,
      headers: json,
      body: { success: false, message: 'Quota exceeded' },
      findings: [
        { severity: 'warning', pointer: '/success', message: ['201', '"success": false', 'Quota exceeded'] },
      ],
    },
    {
      name: 'JSend fail, any case',
      headers: json,
      body: { status: 'FAIL', data: { title: 'required' } },
      findings: [{ severity: 'warning', pointer: '/status', message: '"FAIL"' }],
    },
    {
      name: 'error string',
      headers: json,
      body: { error: 'Token expired' },
      findings: [{ severity: 'warning', pointer: '/error', message: 'Token expired' }],
    },
    {
      name: 'error object',
      headers: json,
      body: { error: { code: 'E42', message: 'boom' } },
      findings: [{ severity: 'warning', pointer: '/error', message: ['"error"', 'error.message: "boom"'] }],
    },
    {
      name: 'errors without data, not a GraphQL endpoint',
      method: 'POST',
      url: 'https://api.example.com/v1/import',
      headers: json,
      body: { errors: [{ message: 'Row 3: bad date' }] },
      findings: [{ severity: 'warning', pointer: '/errors', message: ['1 entry', 'Row 3: bad date'] }],
    },
    {
      // The path ends in "graphql" (a REST API configuring a GraphQL connector); the request is
      // an ordinary JSON call, so its 200 that says it failed is a soft error.
      name: 'a REST call whose path merely ends in "graphql"',
      method: 'POST',
      url: 'https://api.example.com/v1/connectors/graphql',
      headers: json,
      postData: {
        mimeType: 'application/json',
        text: '{"endpoint":"https://x.example/gql","query":{"timeout":30}}',
      },
      body: { error: 'endpoint unreachable' },
      findings: [{ severity: 'warning', pointer: '/error', message: ['200', 'endpoint unreachable'] }],
    },
    {
      // A search text in `query` is no GraphQL document (Elasticsearch, a site search).
      name: 'a /graphql path whose "query" is a search text',
      method: 'POST',
      url: 'https://docs.example.com/search/graphql',
      headers: json,
      postData: { mimeType: 'application/json', text: '{"query":"red shoes"}' },
      body: { success: false, message: 'index offline' },
      findings: [{ severity: 'warning', pointer: '/success', message: 'index offline' }],
    },
    {
      name: 'graphql-response+json without data must not be 200 (GraphQL-over-HTTP)',
      method: 'POST',
      url: 'https://api.example.com/graphql',
      headers: { 'Content-Type': 'application/graphql-response+json' },
      body: { errors: [{ message: 'Syntax Error: Unexpected Name "qeury"' }] },
      findings: [
        {
          severity: 'warning',
          pointer: '/errors',
          message: ['Syntax Error', 'application/graphql-response+json requires a 4xx or 5xx'],
        },
      ],
    },
    {
      name: 'code 401 with msg (HTTP status in an envelope)',
      headers: json,
      body: { code: 401, msg: 'unauthorized', data: null },
      findings: [{ severity: 'warning', pointer: '/code', message: ['"code": 401', 'msg: "unauthorized"'] }],
    },
    {
      name: 'code as a numeric string with message',
      headers: json,
      body: { code: '500', message: 'internal error' },
      findings: [{ severity: 'warning', pointer: '/code', message: ['"code": "500"', 'internal error'] }],
    },
    {
      name: 'WeChat non-zero errcode',
      headers: json,
      body: { errcode: 40013, errmsg: 'invalid appid' },
      findings: [
        {
          severity: 'warning',
          pointer: '/errcode',
          message: ['"errcode": 40013', 'errmsg: "invalid appid"'],
        },
      ],
    },
    {
      name: 'Baidu-style error_code',
      headers: json,
      body: { error_code: 110, error_msg: 'Access token invalid or no longer valid' },
      findings: [{ severity: 'warning', pointer: '/error_code', message: ['110', 'Access token invalid'] }],
    },
    {
      name: 'status error without a resource id (JSend-style envelope)',
      headers: json,
      body: { status: 'error', message: 'Unable to connect to database' },
      findings: [{ severity: 'warning', pointer: '/status', message: ['"error"', 'Unable to connect'] }],
    },
  ],
});
