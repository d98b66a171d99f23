#!/usr/bin/env node
// Generates OpenAPI descriptions for `npm run bench` (not tests):
//  - generateLargeOpenApi(): a ~10 MB, ~1,000-operation OpenAPI 3.0 description shaped like the
//    big public ones (shared components with $refs, nullable members, enums, formats, long
//    descriptions and examples);
//  - benchHarOpenApi(): a description covering the routes scripts/gen-har.mjs generates, so a
//    lint with a contract loaded has an operation (and a schema) to check for every API call.
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LOREM =
  'The resource is returned as stored, with every member the caller may read. Fields marked read-only are computed by the server. ';

/** ~1,000 operations over 250 resources, ~10 MB of JSON. */
export function generateLargeOpenApi({ resources = 250, targetBytes = 10_000_000, seed = 1 } = {}) {
  const rand = mulberry32(seed);
  const schemas = {};
  const paths = {};
  for (let r = 0; r < resources; r++) {
    const name = `Resource${r}`;
    const props = {};
    for (let p = 0; p < 20; p++) {
      const kind = p % 5;
      props[`field${p}`] =
        kind === 0
          ? { type: 'integer', format: 'int64', description: LOREM, example: 42 }
          : kind === 1
            ? { type: 'string', nullable: true, maxLength: 200, description: LOREM }
            : kind === 2
              ? { type: 'string', enum: ['active', 'pending', 'closed'], description: LOREM }
              : kind === 3
                ? { type: 'string', format: 'date-time', description: LOREM }
                : { $ref: `#/components/schemas/Resource${Math.floor(rand() * resources)}Ref` };
    }
    schemas[name] = {
      type: 'object',
      required: ['field0', 'field2'],
      properties: props,
      description: LOREM.repeat(3),
    };
    schemas[`${name}Ref`] = {
      type: 'object',
      properties: { id: { type: 'integer' }, href: { type: 'string', format: 'uri' } },
    };
    schemas[`${name}List`] = {
      type: 'object',
      properties: {
        items: { type: 'array', items: { $ref: `#/components/schemas/${name}` } },
        next: { type: 'string', nullable: true },
      },
    };
    const ok = (schema) => ({
      description: LOREM,
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
    });
    const errors = {
      '4XX': { $ref: '#/components/responses/Problem' },
      default: { $ref: '#/components/responses/Problem' },
    };
    paths[`/r${r}`] = {
      get: {
        operationId: `list${name}`,
        summary: `List ${name}`,
        description: LOREM.repeat(4),
        responses: { 200: ok(`${name}List`), ...errors },
      },
      post: {
        operationId: `create${name}`,
        summary: `Create ${name}`,
        description: LOREM.repeat(4),
        responses: { 201: ok(name), ...errors },
      },
    };
    paths[`/r${r}/{id}`] = {
      get: {
        operationId: `get${name}`,
        summary: `Get ${name}`,
        description: LOREM.repeat(4),
        responses: { 200: ok(name), ...errors },
      },
      delete: {
        operationId: `delete${name}`,
        summary: `Delete ${name}`,
        description: LOREM.repeat(4),
        responses: { 204: { description: 'gone' }, ...errors },
      },
    };
  }
  const doc = {
    openapi: '3.0.3',
    info: { title: 'Generated large API', version: '1.0.0', description: LOREM },
    servers: [{ url: 'https://large.example.com/api' }],
    paths,
    components: {
      schemas: {
        ...schemas,
        Problem: {
          type: 'object',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer', format: 'int32' },
            detail: { type: 'string' },
          },
        },
      },
      responses: {
        Problem: {
          description: 'a problem',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
    },
  };
  // Pad descriptions until the document reaches the target size, as long prose does in real ones.
  let text = JSON.stringify(doc);
  const pad = Math.max(0, targetBytes - text.length);
  if (pad > 0) {
    const per = Math.ceil(pad / resources);
    for (let r = 0; r < resources; r++) schemas[`Resource${r}`].description += 'x'.repeat(per);
    text = JSON.stringify(doc);
  }
  return { text, operations: resources * 4, bytes: text.length };
}

/** A description of scripts/gen-har.mjs's traffic: every host, every route, the JSON bodies' shape. */
export function benchHarOpenApi() {
  const item = {
    type: 'object',
    required: ['id', 'name'],
    properties: {
      id: { type: 'integer', format: 'int64' },
      name: { type: 'string' },
      price: { type: 'number' },
      tags: { type: 'array', items: { type: 'string' } },
      active: { type: 'boolean' },
      note: { type: 'string', nullable: true },
    },
  };
  const list = {
    type: 'object',
    properties: {
      items: { type: 'array', items: { $ref: '#/components/schemas/Item' } },
      page: { type: 'integer' },
    },
  };
  const any = { description: 'anything', content: { '*/*': {} } };
  const responses = {
    200: {
      description: 'ok',
      content: {
        'application/json': { schema: { $ref: '#/components/schemas/List' } },
        'application/hal+json': {},
      },
    },
    '3XX': { description: 'moved' },
    '4XX': {
      description: 'problem',
      content: { 'application/problem+json': { schema: { type: 'object' } } },
    },
    '5XX': any,
    103: { description: 'early hints' },
  };
  return JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'Benchmark HAR API', version: '1' },
    servers: ['api.example.com', 'shop.example.net', 'auth.example.org', 'cdn.example.com'].map((h) => ({
      url: `https://${h}`,
    })),
    paths: {
      '/v1/{collection}/{id}': {
        get: { responses },
        put: { responses: { 204: { description: 'updated' }, ...responses } },
        delete: { responses: { 204: { description: 'deleted' }, ...responses } },
      },
      '/v1/{collection}': {
        post: {
          responses: {
            201: {
              description: 'created',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/List' } } },
            },
          },
        },
      },
      '/img/{file}': { get: { responses: { 200: { description: 'image', content: { 'image/png': {} } } } } },
    },
    components: { schemas: { Item: item, List: list } },
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = process.argv[2] ?? 'large-openapi.json';
  const { bytes, operations } = generateLargeOpenApi();
  await writeFile(out, generateLargeOpenApi().text);
  console.log(`${out}: ${operations} operations, ${(bytes / 1e6).toFixed(1)} MB`);
}
