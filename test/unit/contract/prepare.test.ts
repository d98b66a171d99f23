import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchExchange, MAX_DOCUMENT_CHARS, prepareContract, checkValue } from '../../../src/core/contract';
import { findJsonSyntaxError } from '../../../src/core/json/syntax';
import { isCorsPreflight } from '../../../src/core/exchange/api-call';
import { makeExchange } from '../../helpers/exchange';
import { fixtureContract, inlineContract, OPENAPI_FIXTURES } from '../../helpers/contracts';

const read = (f: string) => readFileSync(resolve(OPENAPI_FIXTURES, f), 'utf8');

describe('loading a description: bad input gets a message naming the document and the place', () => {
  it('invalid YAML names the line', () => {
    const r = prepareContract({ name: 'invalid.yaml', text: read('bad/invalid.yaml') });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.document).toBe('invalid.yaml');
    // The position is in one place, the location: "line 3, column 5", never a column at the
    // message's end (finding 14 of the UI review: "(line 8): … merge them (column 9)").
    expect(r.problem.location).toMatch(/^line \d+, column \d+$/);
    expect(r.problem.message).toMatch(/^not valid YAML/);
    expect(r.problem.message).not.toMatch(/line \d+|column/);
    expect(r.problem.message).not.toMatch(/:$/);
  });

  it('a key written twice in one mapping is refused, naming both lines: YAML keeps only one of them', () => {
    // Read as last-one-wins, the GET under the first /pet/{petId} vanished and every GET read
    // "undocumented", with no word of why.
    const r = prepareContract({ name: 'duplicate-key.yaml', text: read('bad/duplicate-key.yaml') });
    expect(r).toMatchObject({
      ok: false,
      problem: { document: 'duplicate-key.yaml', location: 'line 11, column 3' },
    });
    if (!r.ok)
      expect(r.problem.message).toBe(
        'not valid YAML: the key "/pet/{petId}" is written twice in the same mapping (also on line 6), and only one of them could be read: merge them',
      );
  });

  it('a key written twice in a file a $ref leads to disables what reaches it, with the same words', () => {
    const r = prepareContract(
      { name: 'api.yaml', text: read('split/api.yaml'), uri: 'file:///specs/api.yaml' },
      {
        loadRef: (uri) =>
          uri.endsWith('/schemas/order.yaml')
            ? 'Order:\n  type: object\nOrder:\n  type: string\n'
            : readFileSync(resolve(OPENAPI_FIXTURES, 'split', uri.slice('file:///specs/'.length)), 'utf8'),
      },
    );
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.contract.problems).toContainEqual({
      document: 'schemas/order.yaml',
      location: 'line 3, column 1',
      message:
        'not valid YAML: the key "Order" is written twice in the same mapping (also on line 1), and only one of them could be read: merge them',
    });
  });

  it('invalid JSON names the line', () => {
    const r = prepareContract({ name: 'spec.json', text: '{\n  "openapi": "3.1.0",\n  "info": {,\n}' });
    expect(r).toMatchObject({ ok: false, problem: { document: 'spec.json', location: 'line 3, column 12' } });
    if (!r.ok) expect(r.problem.message).toMatch(/^not valid JSON/);
    // Worded as a settings file's error is, the place in the location (not V8's "at position 35").
    if (!r.ok)
      expect(r.problem.message).toBe('not valid JSON: expected a member name in double quotes, found ","');
  });

  it('a trailing comma in JSON is named as one, at its column', () => {
    const text = '{"openapi":"3.1.0","info":{"title":"x","version":"1"},"paths":{},}';
    const r = prepareContract({ name: 'o6.json', text });
    expect(r).toMatchObject({
      ok: false,
      problem: {
        document: 'o6.json',
        location: `line 1, column ${text.lastIndexOf(',') + 1}`,
        message: `not valid JSON: ${findJsonSyntaxError(text)!.message}`,
      },
    });
    if (!r.ok)
      expect(r.problem.message).toMatch(
        /^not valid JSON: a trailing comma before .}., which JSON does not allow: remove it$/,
      );
  });

  it('Swagger 2.0 is told to convert to 3.x first', () => {
    const r = prepareContract({ name: 'swagger2.json', text: read('bad/swagger2.json') });
    expect(r).toMatchObject({ ok: false, problem: { location: '/swagger' } });
    if (!r.ok) expect(r.problem.message).toContain('convert it to OpenAPI 3.x first');
  });

  it('a YAML file that is not OpenAPI says so', () => {
    const r = prepareContract({ name: 'package.yaml', text: read('bad/not-openapi.yaml') });
    if (r.ok) throw new Error('accepted');
    expect(r.problem.message).toContain('not an OpenAPI document');
  });

  it('an unsupported OpenAPI version says which are supported', () => {
    const r = prepareContract({ name: 'v4.json', text: '{"openapi":"4.0.0"}' });
    if (r.ok) throw new Error('accepted');
    expect(r.problem.message).toContain('3.0.x and 3.1.x');
  });

  it('a 50 MB document is refused with the limit, before parsing', () => {
    // Left unterminated: had it been parsed before the size was checked, the answer would be a
    // syntax error, not the limit (a time-free check, where a clock limit flaked under load).
    const big = `{"openapi":"3.1.0","x":"${'a'.repeat(50 * 1024 * 1024)}`;
    const r = prepareContract({ name: 'huge.json', text: big });
    if (r.ok) throw new Error('accepted');
    expect(big.length).toBeGreaterThan(MAX_DOCUMENT_CHARS);
    expect(r.problem.message).toMatch(/50 MiB is over the 32 MiB limit/);
  });

  it('YAML alias bombs are refused, not expanded', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(
        `${cur}: &${cur} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`,
      );
    }
    const r = prepareContract({ name: 'bomb.yaml', text: `openapi: 3.1.0\n${lines.join('\n')}\n` });
    expect(r.ok).toBe(false);
  });
});

describe('a schema that cannot be compiled disables only the operations that use it', () => {
  const c = inlineContract(read('bad/partly-broken.yaml'));
  const byPath = (p: string) => c.operations.find((o) => o.pathTemplate === p)!;

  it('says which operation, where, and why', () => {
    expect(byPath('/good').disabled).toBeUndefined();
    expect(byPath('/tree').disabled).toBeUndefined();
    expect(byPath('/bad-pattern').disabled).toMatch(
      /pattern "\[a-z" is not a valid regular expression.*#\/components\/schemas\/BadPattern\/properties\/code\/pattern/,
    );
    expect(byPath('/missing-ref').disabled).toMatch(/Nowhere/);
    expect(byPath('/loop').disabled).toMatch(/circular schema/);
    expect(c.problems.map((p) => p.location).sort()).toEqual([
      '/paths/~1bad-pattern/get',
      '/paths/~1loop/get',
      '/paths/~1missing-ref/get',
    ]);
    for (const p of c.problems)
      expect(p.message).toMatch(/^GET \/\S+ is not checked against its responses: /);
  });

  it('the other operations are still checked, recursive schemas included', () => {
    const good = makeExchange({
      url: 'https://broken.example.com/good',
      headers: { 'Content-Type': 'application/json' },
      body: {},
    });
    const m = matchExchange([c], good);
    expect(m?.kind).toBe('operation');
    if (m?.kind !== 'operation') return;
    expect(checkValue(c, m.response!.content![0]!.schema!, { id: 'x' }).map((v) => v.keyword)).toEqual([
      'type',
    ]);
    const tree = byPath('/tree').responses[0]!.content![0]!.schema!;
    expect(checkValue(c, tree, { children: [{ children: [{ children: 'no' }] }] })).toMatchObject([
      { pointer: '/children/0/children/0/children', keyword: 'type' },
    ]);
  });
});

describe('a description whose structure is wrong says where, instead of checking nothing in silence', () => {
  const info = { title: 'x', version: '1' };
  const ok = { '200': { description: 'ok' } };

  it('a paths member that is not an object', () => {
    const c = inlineContract({ openapi: '3.0.3', info, paths: 'nope' });
    expect(c.operations).toEqual([]);
    expect(c.problems).toEqual([
      {
        document: 'inline.yaml',
        location: '/paths',
        message: 'paths is not an object but a string ("nope"): no operation is documented',
      },
    ]);
  });

  it('a path that does not start with "/", or a path item or operation that is no object', () => {
    const c = inlineContract({
      openapi: '3.1.0',
      info,
      paths: {
        pets: { get: { responses: ok } },
        'x-internal': { note: 'extensions are left alone' },
        '/todo': 'later',
        '/owners': { get: 'later', post: { responses: ok } },
      },
    });
    expect(c.operations.map((o) => `${o.method} ${o.pathTemplate}`)).toEqual(['POST /owners']);
    expect(c.problems).toEqual([
      {
        document: 'inline.yaml',
        location: '/paths/pets',
        message: 'path pets is skipped: a path must start with "/"',
      },
      {
        document: 'inline.yaml',
        location: '/paths/~1todo',
        message: 'path /todo is skipped: a Path Item is an object, not a string ("later")',
      },
      {
        document: 'inline.yaml',
        location: '/paths/~1owners/get',
        message: 'GET /owners is skipped: an Operation is an object, not a string ("later")',
      },
    ]);
  });

  it('a response that is no object disables its operation; a key that is no status is named', () => {
    const c = inlineContract({
      openapi: '3.0.3',
      info,
      paths: {
        '/a': { get: { responses: { '200': 'ok' } } },
        '/b': {
          get: { responses: { '2OO': { description: 'typo' }, '404': { description: 'nf' }, 'x-note': 1 } },
        },
      },
    });
    const byPath = (p: string) => c.operations.find((o) => o.pathTemplate === p)!;
    const why =
      'response 200 is not a Response Object but a string ("ok") (at #/paths/~1a/get/responses/200)';
    expect(byPath('/a').disabled).toBe(why);
    // Its status stays documented: only what the response holds is unknown.
    expect(byPath('/a').responses.map((r) => r.key)).toEqual(['200']);
    expect(byPath('/b').disabled).toBeUndefined();
    expect(byPath('/b').responses.map((r) => r.key)).toEqual(['404']);
    expect(c.problems).toEqual([
      {
        document: 'inline.yaml',
        location: '/paths/~1b/get/responses/2OO',
        message:
          'GET /b: response 2OO is skipped: a response is keyed by a status code (200), a range (2XX) or default',
      },
      {
        document: 'inline.yaml',
        location: '/paths/~1a/get',
        message: `GET /a is not checked against its responses: ${why}`,
      },
    ]);
  });
});

describe('a key OpenAPI does not allow is named with what it could have been, never dropped in silence', () => {
  const info = { title: 'x', version: '1' };
  const ok = { '200': { description: 'ok' } };
  const warned = (doc: object) => inlineContract(doc).problems.map((p) => `${p.location}: ${p.message}`);

  it.each([
    [
      'an operation key "gte" (the GET was dropped)',
      { openapi: '3.0.3', info, paths: { '/a': { gte: { responses: ok } } } },
      ['/paths/~1a/gte: unknown key "gte" in a Path Item, ignored (did you mean "get"?)'],
    ],
    [
      'a top-level "server" (the description judged every host)',
      { openapi: '3.0.3', info, server: [{ url: 'https://api.test' }], paths: {} },
      ['/server: unknown key "server" at the top level of the document, ignored (did you mean "servers"?)'],
    ],
    [
      'an Operation\'s "response"',
      { openapi: '3.1.0', info, paths: { '/a': { get: { response: ok } } } },
      [
        '/paths/~1a/get/response: unknown key "response" in an Operation, ignored (did you mean "responses"?)',
      ],
    ],
    [
      'a key near to nothing: what may be there',
      { openapi: '3.1.0', info, paths: { '/a': { notes: 'n', get: { responses: ok } } } },
      [
        '/paths/~1a/notes: unknown key "notes" in a Path Item, ignored (expected $ref, summary, description, get, put, post, delete, options, head, patch, trace, servers or parameters, or an extension starting with "x-")',
      ],
    ],
    [
      "OpenAPI 3.1's webhooks in a 3.0 document",
      { openapi: '3.0.3', info, paths: {}, webhooks: {} },
      [
        '/webhooks: unknown key "webhooks" at the top level of the document, ignored (webhooks is OpenAPI 3.1\'s, and this document declares 3.0)',
      ],
    ],
  ])('%s', (_, doc, expected) => {
    expect(warned(doc)).toEqual(expected);
  });

  it('allows x- extensions everywhere, and every key OpenAPI 3.1 lists', () => {
    const op = {
      tags: [],
      summary: 's',
      description: 'd',
      externalDocs: { url: 'https://d.test' },
      operationId: 'o',
      parameters: [],
      requestBody: { content: {} },
      responses: ok,
      callbacks: {},
      deprecated: false,
      security: [],
      servers: [],
      'x-op': 1,
    };
    const c = inlineContract({
      openapi: '3.1.0',
      info,
      jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
      servers: [],
      tags: [],
      security: [],
      externalDocs: { url: 'https://d.test' },
      components: {},
      webhooks: {},
      'x-top': true,
      paths: {
        '/a': {
          summary: 's',
          description: 'd',
          servers: [],
          parameters: [],
          get: op,
          put: op,
          post: op,
          delete: op,
          options: op,
          head: op,
          patch: op,
          trace: op,
          'x-item': 1,
        },
      },
    });
    expect(c.problems).toEqual([]);
    expect(c.operations).toHaveLength(8);
  });

  it('the rest of the description is still used', () => {
    const c = inlineContract({
      openapi: '3.0.3',
      info,
      paths: { '/a': { gte: { responses: ok }, post: { responses: ok } } },
    });
    expect(c.operations.map((o) => `${o.method} ${o.pathTemplate}`)).toEqual(['POST /a']);
  });
});

describe('a response whose $ref cannot be resolved', () => {
  it('disables its operation but hides none of the statuses documented after it', () => {
    const c = inlineContract({
      openapi: '3.0.3',
      info: { title: 'x', version: '1' },
      paths: {
        '/a': {
          get: {
            responses: {
              '200': { $ref: '#/components/responses/Nope' },
              '404': { description: 'nf' },
              '500': {
                description: 'x',
                headers: { 'Retry-After': { $ref: '#/components/headers/Nope' } },
              },
            },
          },
        },
      },
    });
    const op = c.operations[0]!;
    expect(op.responses.map((r) => r.key)).toEqual(['200', '404', '500']);
    // The first broken reference is the reason given.
    expect(op.disabled).toMatch(/Nope.*\(at #\/paths\/~1a\/get\/responses\/200\)$/);
  });
});

describe('a schema type that JSON Schema does not have', () => {
  it('disables the operations that use it, naming the type and the place, instead of failing every response', () => {
    const body = (schema: object) => ({
      get: { responses: { '200': { description: 'x', content: { 'application/json': { schema } } } } },
    });
    const c = inlineContract({
      openapi: '3.1.0',
      info: { title: 'x', version: '1' },
      paths: {
        '/typo': body({ type: 'object', properties: { id: { type: 'strin' } } }),
        '/list': body({ type: ['string', 'nul'] }),
        '/fine': body({ type: ['string', 'null'], items: { type: 'integer' } }),
      },
    });
    const byPath = (p: string) => c.operations.find((o) => o.pathTemplate === p)!;
    expect(byPath('/typo').disabled).toBe(
      'type "strin" is not a JSON Schema type (string, number, integer, boolean, object, array or null) (at #/paths/~1typo/get/responses/200/content/application~1json/schema/properties/id/type)',
    );
    expect(byPath('/list').disabled).toMatch(/^type "nul" is not a JSON Schema type/);
    expect(byPath('/fine').disabled).toBeUndefined();
  });
});

describe('relative $refs across files (the CLI loads them through a callback)', () => {
  const c = fixtureContract('split/api.yaml');
  it('follows path items, schemas and responses in other files', () => {
    expect(c.problems).toEqual([]);
    const op = c.operations[0]!;
    expect(op).toMatchObject({ method: 'GET', pathTemplate: '/orders/{id}', operationId: 'getOrder' });
    expect(op.responses.map((r) => r.key)).toEqual(['200', '404']);
    const v = checkValue(c, op.responses[0]!.content![0]!.schema!, { id: 'nope', total: -1, note: null });
    expect(v.map((x) => [x.pointer, x.keyword, x.schemaLocation])).toEqual([
      ['/id', 'format', 'schemas/order.yaml#/Order/properties/id/format'],
      ['/total', 'minimum', 'schemas/order.yaml#/Order/properties/total/minimum'],
    ]);
  });
  it('without a loader the reference is reported, not a crash', () => {
    const r = prepareContract({ name: 'api.yaml', text: read('split/api.yaml') });
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.contract.operations).toEqual([]);
    expect(r.contract.problems[0]!.message).toContain('paths/order.yaml');
  });
});

describe('matching an exchange to an operation', () => {
  const doc = {
    openapi: '3.1.0',
    info: { title: 'm', version: '1' },
    servers: [
      { url: 'https://api.example.com/v2' },
      { url: 'https://{region}.example.com/v2', variables: { region: { default: 'eu' } } },
    ],
    paths: {
      '/users/{id}': { get: { operationId: 'getUser', responses: { '200': { description: '' } } } },
      '/users/me': { get: { operationId: 'getMe', responses: { '200': { description: '' } } } },
      '/files/{name}.json': { get: { operationId: 'getJson', responses: { '200': { description: '' } } } },
      '/files/{name}': { get: { operationId: 'getFile', responses: { '200': { description: '' } } } },
      '/a/{x}/c': { get: { operationId: 'templatedFirst', responses: { '200': { description: '' } } } },
      '/a/b/{y}': { get: { operationId: 'concreteFirst', responses: { '200': { description: '' } } } },
    },
  };
  const c = inlineContract(doc);
  const op = (url: string, method = 'GET') => {
    const m = matchExchange([c], makeExchange({ url, method }));
    return m?.kind === 'operation' ? m.operation.operationId : m?.kind;
  };

  it('a CORS preflight is the browser asking, not a call of the operation: never matched', () => {
    const ask = { Origin: 'https://app.example', 'Access-Control-Request-Method': 'GET' };
    const url = 'https://api.example.com/v2/users/42';
    // The one preflight test (exchange/api-call.ts): the request's headers, or Chrome's resource type.
    const asked = makeExchange({ url, method: 'OPTIONS', requestHeaders: ask });
    const typed = makeExchange({ url, method: 'OPTIONS', resourceType: 'preflight' });
    expect([isCorsPreflight(asked), isCorsPreflight(typed)]).toEqual([true, true]);
    expect(matchExchange([c], asked)).toBeUndefined();
    expect(matchExchange([c], typed)).toBeUndefined();
    // An OPTIONS the page's script sends itself is a call like any other.
    expect(matchExchange([c], makeExchange({ url, method: 'OPTIONS', resourceType: 'fetch' }))).toBeDefined();
  });

  it('judges what the profiles call API calls by resource type: fetch and XHR, or a request of no recorded type', () => {
    const url = 'https://api.example.com/v2/users/42';
    const typed = (resourceType: string) => matchExchange([c], makeExchange({ url, resourceType }))?.kind;
    expect([typed('fetch'), typed('XHR')]).toEqual(['operation', 'operation']);
    // Firefox, Charles and curl-made HARs record no type: a documented address is judged whatever it holds.
    expect(matchExchange([c], makeExchange({ url, headers: { 'Content-Type': 'text/html' } }))?.kind).toBe(
      'operation',
    );
    // The browser's own requests are no call of the operation. DevTools writes the report type
    // with a hyphen (the matcher's list had `csp_violation_report`, and judged such reports).
    for (const type of ['document', 'image', 'script', 'ping', 'csp-violation-report', 'prefetch', 'other'])
      expect(typed(type), type).toBeUndefined();
  });

  it('concrete paths win over templated ones, leftmost segment first', () => {
    expect(op('https://api.example.com/v2/users/me')).toBe('getMe');
    expect(op('https://api.example.com/v2/users/42')).toBe('getUser');
    expect(op('https://api.example.com/v2/files/report.json')).toBe('getJson');
    expect(op('https://api.example.com/v2/files/report.csv')).toBe('getFile');
    expect(op('https://api.example.com/v2/a/b/c')).toBe('concreteFirst');
  });
  it('trailing slash, percent-encoding and query', () => {
    expect(op('https://api.example.com/v2/users/me/')).toBe('getMe');
    expect(op('https://api.example.com/v2/users/m%65')).toBe('getMe');
    expect(op('https://api.example.com/v2/users/a%2Fb')).toBe('getUser');
    expect(op('https://api.example.com/v2/users/me?fields=id&x=/users/1')).toBe('getMe');
    expect(op('https://API.example.com:443/v2/users/1')).toBe('getUser');
  });
  it('scope: host, base path, server variables, and the base-URL override', () => {
    expect(op('https://eu.example.com/v2/users/1')).toBe('getUser');
    expect(op('https://api.example.com/v3/users/1')).toBeUndefined();
    expect(op('http://api.example.com/v2/users/1')).toBeUndefined();
    expect(op('https://api.example.com/v2/nothing')).toBe('undocumented');
    const staging = inlineContract(doc, { baseUrl: 'http://127.0.0.1:4010/api' });
    const m = matchExchange([staging], makeExchange({ url: 'http://127.0.0.1:4010/api/users/me' }));
    expect(m?.kind === 'operation' && m.operation.operationId).toBe('getMe');
    expect(
      matchExchange([staging], makeExchange({ url: 'https://api.example.com/v2/users/me' })),
    ).toBeUndefined();
  });
  it('a hostile URL with thousands of segments is simply unmatched', () => {
    expect(op(`https://api.example.com/v2/${'a/'.repeat(100000)}`)).toBe('undocumented');
  });
  it('the first description whose scope holds the exchange and documents it wins', () => {
    const other = inlineContract({
      ...doc,
      info: { title: 'other', version: '1' },
      paths: { '/orders': { get: { responses: {} } } },
    });
    const m = matchExchange([other, c], makeExchange({ url: 'https://api.example.com/v2/users/me' }));
    expect(m?.kind === 'operation' && m.contract).toBe(c);
  });
});

describe('the real descriptions prepare cleanly', () => {
  it.each(['petstore-3.0.yaml', 'museum-3.1.yaml'])('%s', (f) => {
    const c = fixtureContract(f);
    expect(c.problems).toEqual([]);
    expect(c.operations.length).toBeGreaterThan(5);
    expect(c.operations.every((o) => o.disabled === undefined)).toBe(true);
  });
});
