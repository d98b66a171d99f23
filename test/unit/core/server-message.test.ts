import { describe, expect, it } from 'vitest';
import { analyzeExchange, activeRules } from '../../../src/core/engine/analyze';
import type { JsonValue } from '../../../src/core/json/walk';
import {
  extractServerMessage,
  SERVER_MESSAGE_LIMITS,
  type ServerMessageInput,
} from '../../../src/core/server-message/extract';
import { makeExchange } from '../../helpers/exchange';

const said = (
  json: JsonValue,
  status = 422,
  mediaType = 'application/json',
  extra: Partial<ServerMessageInput> = {},
) => extractServerMessage({ status, mediaType, json, ...extra });

describe('extractServerMessage: the server’s own words about an error', () => {
  it.each<[string, JsonValue, number, string, object]>([
    [
      'Problem Details with a validation list',
      {
        type: 'https://example.com/probs/invalid',
        title: 'Your request is not valid',
        detail: 'Two fields failed validation',
        errors: [
          { detail: 'must be a positive integer', pointer: '#/age' },
          { detail: 'must be an email', pointer: '#/email' },
        ],
      },
      422,
      'application/problem+json',
      {
        kind: 'problem',
        title: 'Your request is not valid',
        detail: 'Two fields failed validation',
        items: [
          { text: 'must be a positive integer', where: '#/age' },
          { text: 'must be an email', where: '#/email' },
        ],
      },
    ],
    [
      'OAuth error and error_description',
      { error: 'invalid_grant', error_description: 'The refresh token has expired' },
      400,
      'application/json',
      { kind: 'oauth', title: 'invalid_grant', detail: 'The refresh token has expired', items: [] },
    ],
    [
      'an error object (Google style)',
      { error: { code: 403, status: 'PERMISSION_DENIED', message: 'The caller does not have permission' } },
      403,
      'application/json',
      { kind: 'json', title: 'PERMISSION_DENIED', detail: 'The caller does not have permission', items: [] },
    ],
    [
      'a bare message',
      { message: 'Validation Failed', errors: [{ field: 'name', code: 'missing_field' }] },
      422,
      'application/json',
      { kind: 'json', detail: 'Validation Failed', items: [{ text: 'missing_field', where: 'name' }] },
    ],
    [
      'JSON:API errors with source.pointer',
      {
        errors: [
          { status: '422', title: 'Invalid Attribute', source: { pointer: '/data/attributes/firstName' } },
        ],
      },
      422,
      'application/vnd.api+json',
      { kind: 'json', items: [{ text: 'Invalid Attribute', where: '/data/attributes/firstName' }] },
    ],
    [
      'a Rails-style map of field → messages',
      { errors: { email: ['is invalid', 'is taken'], name: "can't be blank" } },
      422,
      'application/json',
      {
        items: [
          { text: 'is invalid', where: 'email' },
          { text: 'is taken', where: 'email' },
          { text: "can't be blank", where: 'name' },
        ],
      },
    ],
    [
      'FastAPI detail list with loc',
      { detail: [{ loc: ['body', 'age'], msg: 'value is not a valid integer', type: 'type_error.integer' }] },
      422,
      'application/json',
      { items: [{ text: 'value is not a valid integer', where: 'body.age' }] },
    ],
    [
      'GraphQL errors served with 200',
      {
        data: null,
        errors: [{ message: 'Cannot query field "nme" on type "User".', path: ['user', 0, 'nme'] }],
      },
      200,
      'application/json',
      { kind: 'graphql', items: [{ text: 'Cannot query field "nme" on type "User".', where: 'user.0.nme' }] },
    ],
  ])('%s', (_name, json, status, mediaType, expected) => {
    expect(said(json, status, mediaType)).toMatchObject({ more: 0, ...expected });
  });

  it("does not make the HTTP status, repeated as a number, the error's title (Spotify)", () => {
    const spotify = said({ error: { status: 401, message: 'Invalid access token' } }, 401);
    expect(spotify).toEqual({ kind: 'json', detail: 'Invalid access token', items: [], more: 0 });
  });

  it('stays silent on successes that merely carry a message, and on bodies with no message members', () => {
    expect(said({ message: 'Created', id: 7 }, 201)).toBeUndefined();
    expect(said({ id: 7, name: 'Ada' }, 404)).toBeUndefined();
    expect(said([{ message: 'x' }], 400)).toBeUndefined();
    expect(said('just a string', 400)).toBeUndefined();
  });

  it('reads a CORS-blocked response by the status the server sent', () => {
    expect(said({ error: 'forbidden' }, 0, 'application/json', { serverStatus: 403 })).toMatchObject({
      title: 'forbidden',
    });
  });

  it('keeps a short plain-text error, never markup', () => {
    expect(
      extractServerMessage({ status: 502, mediaType: 'text/plain', text: ' upstream timed out\n' }),
    ).toEqual({
      kind: 'text',
      detail: 'upstream timed out',
      items: [],
      more: 0,
    });
    expect(
      extractServerMessage({ status: 500, mediaType: 'text/html', text: '<h1>Oops</h1>' }),
    ).toBeUndefined();
  });

  it('is bounded: long lists are counted, long texts clipped', () => {
    const errors = Array.from({ length: 10_000 }, (_, i) => ({
      message: `bad ${i}`.repeat(200),
      field: `f${i}`,
    }));
    const out = said({ errors })!;
    expect(out.items).toHaveLength(SERVER_MESSAGE_LIMITS.items);
    expect(out.more).toBe(10_000 - SERVER_MESSAGE_LIMITS.items);
    expect(out.items[0]!.text.length).toBeLessThanOrEqual(SERVER_MESSAGE_LIMITS.text);
    expect(out.items[0]!.text.endsWith('…')).toBe(true);
  });

  it('never reads inherited members (no prototype tricks)', () => {
    const json = JSON.parse('{"__proto__": {"message": "polluted"}}') as JsonValue;
    expect(said(json, 400)).toBeUndefined();
  });

  it('is computed by the engine, where the body is parsed', () => {
    const ex = makeExchange({
      status: 422,
      headers: { 'Content-Type': 'application/problem+json' },
      body: { type: 'about:blank', title: 'Unprocessable', detail: 'age must be positive' },
    });
    const analysis = analyzeExchange(ex, activeRules({ profiles: [], rules: {} }));
    expect(analysis.said).toMatchObject({
      kind: 'problem',
      title: 'Unprocessable',
      detail: 'age must be positive',
    });
  });
});
