import { describe, expect, it } from 'vitest';
import { checkValue, matchExchange } from '../../../src/core/contract';
import { compilePattern } from '../../../src/core/contract/pattern';
import { analyzeExchange, activeRules, DEFAULT_LIMITS } from '../../../src/core/engine/analyze';
import { inlineContract } from '../../helpers/contracts';
import { makeExchange } from '../../helpers/exchange';

/*
 * Schema patterns run on RE2 (re2js), never on V8's backtracking RegExp: a description someone
 * else wrote and a body the page chose must not freeze the worker or the CLI. On V8,
 * /^(a+)+$/ against 40 "a"s and a "!" takes about 2^40 steps (hours): each test below would time
 * out (vitest's 5 s) on the old code path, and passes in milliseconds on RE2.
 */
const EVIL = '^(a+)+$';
const SUBJECT = `${'a'.repeat(40)}!`;

const doc = {
  openapi: '3.1.0',
  info: { title: 'hostile', version: '1' },
  servers: [{ url: 'https://api.example.com' }],
  paths: {
    '/code': {
      get: {
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { code: { type: 'string', pattern: EVIL } } },
              },
            },
          },
        },
      },
    },
    '/map': {
      get: {
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  patternProperties: { [EVIL]: { type: 'integer' } },
                  additionalProperties: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
    '/oneof': {
      get: {
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: {
                  oneOf: [
                    { type: 'string', pattern: EVIL },
                    { type: 'string', pattern: '^b+$' },
                  ],
                },
              },
            },
          },
        },
      },
    },
    '/lookbehind': {
      get: {
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: { type: 'string', pattern: '(?<=\\$)\\d+' },
              },
            },
          },
        },
      },
    },
    '/backref': {
      get: {
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: { type: 'object', patternProperties: { '^(a)\\1$': {} } },
              },
            },
          },
        },
      },
    },
  },
};

const schemaOf = (c: ReturnType<typeof inlineContract>, path: string) =>
  c.operations.find((o) => o.pathTemplate === path)!.responses[0]!.content![0]!.schema!;

describe('schema patterns run in linear time (RE2), whatever the pattern and the string', () => {
  const c = inlineContract(doc, { name: 'hostile.json' });

  it('pattern: a catastrophic-backtracking pattern still gives the violation, with its pointer', () => {
    const v = checkValue(c, schemaOf(c, '/code'), { code: SUBJECT });
    expect(v).toEqual([
      expect.objectContaining({
        pointer: '/code',
        keyword: 'pattern',
        schemaLocation: expect.stringMatching(/\/properties\/code\/pattern$/),
      }),
    ]);
    expect(checkValue(c, schemaOf(c, '/code'), { code: 'aaaa' })).toEqual([]);
  });

  it('patternProperties: a hostile member name is matched on RE2; the rest are additional', () => {
    // "aaa" matches the pattern (so must be an integer); the hostile name does not (it ends in
    // "!"), so it is an additional member and must be a string, as is "other".
    const v = checkValue(c, schemaOf(c, '/map'), { aaa: 'not an integer', [SUBJECT]: 'fine', other: 1 });
    expect(v.map((x) => [x.pointer, x.keyword])).toEqual([
      ['/aaa', 'type'],
      ['/other', 'type'],
    ]);
  });

  it('inside oneOf the branches are still told apart by their patterns', () => {
    expect(checkValue(c, schemaOf(c, '/oneof'), SUBJECT).map((x) => x.keyword)).toEqual(['oneOf']);
    expect(checkValue(c, schemaOf(c, '/oneof'), 'bbb')).toEqual([]);
  });

  it('through the whole engine, a hostile body against a hostile pattern is one finding', () => {
    const ex = makeExchange({
      url: 'https://api.example.com/code',
      headers: { 'Content-Type': 'application/json' },
      body: { code: SUBJECT },
    });
    expect(matchExchange([c], ex)?.kind).toBe('operation');
    const a = analyzeExchange(ex, activeRules({ profiles: [], rules: {} }), DEFAULT_LIMITS, [c]);
    expect(a.findings.filter((f) => f.rule === 'contract/response-schema')).toMatchObject([
      { pointer: '/code' },
    ]);
  });

  it('a pattern RE2 cannot run (lookbehind, backreference) disables only its operations, naming document and place', () => {
    const byPath = (p: string) => c.operations.find((o) => o.pathTemplate === p)!;
    expect(byPath('/code').disabled).toBeUndefined();
    const lookbehind = byPath('/lookbehind').disabled ?? '';
    expect(lookbehind).toContain('cannot be used: lookbehind');
    expect(lookbehind).toContain('RE2');
    expect(lookbehind).toContain(
      '(at #/paths/~1lookbehind/get/responses/200/content/application~1json/schema/pattern)',
    );
    expect(byPath('/backref').disabled).toMatch(/backreferences .* not supported.*patternProperties/);
    expect(c.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ document: 'hostile.json', location: '/paths/~1lookbehind/get' }),
        expect.objectContaining({ document: 'hostile.json', location: '/paths/~1backref/get' }),
      ]),
    );
  });

  it('compiles each distinct pattern once', () => {
    expect(compilePattern('^x+$')).toBe(compilePattern('^x+$'));
    expect(compilePattern('[a-z')).toMatchObject({ error: expect.any(String) });
  });
});
