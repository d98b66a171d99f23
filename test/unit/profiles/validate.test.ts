import { describe, expect, it } from 'vitest';
import { parseProfileText, validateProfile } from '../../../src/core/profiles/validate';
import { parseSettings } from '../../../src/core/settings/parse';
import { BUILTIN_PROFILES } from '../../../src/core/profiles/builtins';

const good = {
  id: 'acme',
  name: 'Acme',
  summary: 'Acme conventions',
  source: 'https://acme.example/guide',
  scope: { urls: ['https://api.acme.example/*'], methods: ['GET'], apiCallsOnly: true },
  mediaTypes: { error: ['application/problem+json'] },
  body: { error: { required: ['title'], members: { title: { type: 'string' } } } },
  statuses: { all: [200, 404], methods: { POST: [201] }, routes: { 'DELETE /disks/{id}': [409] } },
  headers: { '429': ['Retry-After'], '4xx': ['X-Request-Id'] },
  rules: { 'body/soft-error': 'off', 'acme/media-type': 'error' },
  checks: ['problem/shape'],
};

const errorsOf = (v: unknown) => {
  const r = validateProfile(v);
  return r.ok ? [] : r.errors;
};

describe('profile validation', () => {
  it('accepts a complete profile', () => {
    expect(validateProfile(good)).toEqual({ ok: true, profile: good });
  });

  it('names every problem by its JSON path', () => {
    const errors = errorsOf({
      ...good,
      id: 'problem',
      scope: { urls: ['api.acme.example'], methods: ['G E T'] },
      statuses: { all: [200, 700], routes: { 'disks/{id}': [409] } },
      headers: { '42': ['Retry-After'], '429': ['Bad Header'] },
      rules: { 'nope/rule': 'loud' },
      checks: ['nope/check', 'body/soft-error'],
      extra: 1,
    });
    for (const path of [
      '$.extra',
      '$.id',
      '$.scope.urls[0]',
      '$.scope.methods[0]',
      '$.statuses.all[1]',
      '$.statuses.routes["disks/{id}"]',
      '$.headers["42"]',
      '$.headers["429"][0]',
      '$.rules["nope/rule"]',
      '$.checks[0]',
      '$.checks[1]',
    ]) {
      expect(
        errors.some((e) => e.startsWith(`${path}:`)),
        `${path} in ${errors.join('\n')}`,
      ).toBe(true);
    }
    expect(errors.find((e) => e.startsWith('$.statuses.all[1]'))).toContain('100 to 599');
    expect(errors.find((e) => e.startsWith('$.checks[0]'))).toContain('unknown check "nope/check"');
  });

  it('names the line and column where a profile file stops being JSON, the same on every engine', () => {
    const r = parseProfileText('{\n  "id": "acme",\n  "name": "Acme",\n}\n');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        '$: not JSON: line 3, column 17: a trailing comma before "}", which JSON does not allow: remove it',
      ]);
    // A byte-order mark is not counted as a column.
    const bom = parseProfileText('\ufeff{"id": x}');
    if (!bom.ok) expect(bom.errors[0]).toBe('$: not JSON: line 1, column 8: expected a value, found "x"');
    expect(bom.ok).toBe(false);
  });

  it('reports text that is not JSON, and never throws', () => {
    const r = parseProfileText('{ "id": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^\$: not JSON/);
    for (const v of [null, 1, 'x', [], { id: {} }, { body: { error: { members: { a: null } } } }]) {
      expect(() => validateProfile(v)).not.toThrow();
      expect(validateProfile(v).ok).toBe(false);
    }
  });

  it('would accept every built-in but for its reserved id', () => {
    for (const doc of BUILTIN_PROFILES) {
      expect(errorsOf({ ...doc, id: `my-${doc.id}` })).toEqual([]);
    }
  });
});

describe('a user profile id that would clash with built-in rule ids', () => {
  it.each(['http', 'body', 'security', 'contract', 'session'])(
    'refuses %s, whose rules would read as core rules',
    (id) => {
      expect(errorsOf({ ...good, id, rules: {} })).toEqual([
        `$.id: "${id}" names a family of built-in rules (${id}/…); choose another`,
      ]);
    },
  );
});

describe('a profile missing required members', () => {
  it('says "missing" for each absent required member, never "got undefined"', () => {
    const errors = errorsOf({ scope: { urls: ['https://api.acme.example/*'] } });
    expect(errors).toEqual([
      '$.id: missing: an id is required (lower-case letters, digits and dashes, starting with a letter (at most 40))',
      '$.name: missing: a non-empty string is required',
      '$.summary: missing: a non-empty string is required',
      '$.source: missing: a non-empty string is required',
    ]);
    expect(errors.join('\n')).not.toContain('undefined');
  });

  it('accepts a session rule in rules, and still checks its setting', () => {
    expect(
      errorsOf({
        ...good,
        rules: { 'security/cors-credentials-wildcard': 'off', 'session/n-plus-one': 'error' },
      }),
    ).toEqual([]);
    expect(errorsOf({ ...good, rules: { 'session/n-plus-one': 'loud' } })).toEqual([
      '$.rules["session/n-plus-one"]: expected "off", "info", "warning" or "error", got "loud"',
    ]);
    expect(errorsOf({ ...good, rules: { 'session/n-plus-two': 'off' } })).toEqual([
      '$.rules["session/n-plus-two"]: unknown rule "session/n-plus-two"',
    ]);
  });

  // The hint --rule and a settings file's `rules` give (core/rules/rule-hint.ts).
  it.each([
    [
      { rules: { 'http/created-locaton': 'off' } },
      '$.rules["http/created-locaton"]: unknown rule "http/created-locaton" (did you mean http/created-location?)',
    ],
    [
      { rules: { 'created-location': 'off' } },
      '$.rules["created-location"]: unknown rule "created-location" (did you mean http/created-location?)',
    ],
    [
      { checks: ['hal/link-shap'] },
      '$.checks[0]: unknown check "hal/link-shap" (did you mean hal/link-shape?)',
    ],
    // Among checks only: a core rule is not offered as a check.
    [{ checks: ['http/created-locaton'] }, '$.checks[0]: unknown check "http/created-locaton"'],
    [
      { rules: { 'zzz/nothing-near': 'off' } },
      '$.rules["zzz/nothing-near"]: unknown rule "zzz/nothing-near"',
    ],
  ])('a mistyped id in %j: did you mean, when one is near', (part, error) => {
    expect(errorsOf({ ...good, ...part })).toEqual([error]);
  });

  it('still names the wrong value of a member that is present', () => {
    expect(errorsOf({ ...good, name: '' })).toEqual(['$.name: expected a non-empty string, got ""']);
    expect(errorsOf({ ...good, id: 'Acme' })[0]).toMatch(/^\$\.id: expected lower-case .*, got "Acme"$/);
  });
});

describe('the allowed values a message lists', () => {
  it('reads as alternatives: "a, b or c"', () => {
    const body = { error: { members: { title: { type: 'text' } } } };
    expect(errorsOf({ ...good, body })).toEqual([
      '$.body.error.members.title.type: expected one of string, number, integer, boolean, object, array or null (or an array of them), got "text"',
    ]);
  });
});

describe('a long wrong value in a message', () => {
  it('is shortened whole characters at a time, never cutting an emoji in two', () => {
    // The quoted value is 62 characters with an emoji at 60-61: cutting at 60 would leave half of it.
    const source = `${'x'.repeat(58)}😀y`;
    expect(errorsOf({ ...good, source })).toEqual([
      `$.source: expected an http(s) URL, got "${'x'.repeat(58)}…`,
    ]);
  });

  it('is shown whole when it fits in 61 characters, the length a shortened one has', () => {
    const source = 'x'.repeat(59);
    expect(errorsOf({ ...good, source })).toEqual([`$.source: expected an http(s) URL, got "${source}"`]);
  });
});

describe('a settings file given as a profile, and a profile given as settings', () => {
  it('says the file is a settings file, once, instead of an error per member', () => {
    expect(errorsOf({ version: 1, profiles: ['problem'], rules: { 'http/date': 'warning' } })).toEqual([
      '$: this is a settings file, not a convention profile: load it as settings',
    ]);
  });

  it('says a profile is a profile when it is read as settings', () => {
    const r = parseSettings(good);
    expect(r).toEqual({
      ok: false,
      errors: [
        'this is a convention profile ("id": "acme"), not a settings file: load it as a profile, or list it under "profiles" in a settings file',
      ],
    });
  });
});

describe('a mistyped member of a profile', () => {
  it('names the member it is close to, wherever in the document it is', () => {
    const { mediaTypes, statuses, ...rest } = good;
    expect(
      errorsOf({
        ...rest,
        mediaTyes: mediaTypes,
        statuss: statuses,
        scope: { urls: ['https://api.acme.example/*'], methds: ['GET'] },
        body: { error: { requird: ['title'] } },
      }),
    ).toEqual([
      '$.mediaTyes: unknown member (did you mean "mediaTypes"?)',
      '$.statuss: unknown member (did you mean "statuses"?)',
      '$.scope.methds: unknown member (did you mean "methods"?)',
      '$.body.error.requird: unknown member (did you mean "required"?)',
    ]);
  });

  it('lists the members allowed there when none is close', () => {
    expect(errorsOf({ ...good, mediaTypes: { failure: ['application/json'] } })).toEqual([
      '$.mediaTypes.failure: unknown member (expected success or error)',
    ]);
  });
});

describe('profileScopes naming a profile that is not there', () => {
  it('names the profile it is close to, as profiles does', () => {
    const r = parseSettings({
      version: 1,
      profiles: ['problme'],
      profileScopes: { porblem: { urls: ['https://api.acme.example/*'] }, soap: {} },
    });
    expect(r.ok ? [] : r.errors).toEqual([
      'profiles[0]: unknown profile "problme" (did you mean "problem"?)',
      'profileScopes["porblem"]: unknown profile (did you mean "problem"?)',
      'profileScopes["soap"]: unknown profile (expected problem, hal, envelope, graphql or jsonapi)',
    ]);
  });
});

describe('statuses and headers written as an OpenAPI description writes them', () => {
  const base = { id: 'acme', name: 'Acme', summary: 's', source: 'https://acme.example/guide' };

  it('accepts classes ("4XX", "4xx") in every statuses list and as headers keys', () => {
    expect(
      errorsOf({
        ...base,
        statuses: { all: [200, '4XX'], methods: { POST: ['2xx'] }, routes: { 'DELETE /d/{id}': ['5XX'] } },
        headers: { '4XX': ['X-Request-Id'], '429': ['Retry-After'] },
      }),
    ).toEqual([]);
  });

  it('says what to write instead of "default", of a quoted code, and of a class that is none', () => {
    expect(errorsOf({ ...base, statuses: { all: ['default', '404', '6XX'] } })).toEqual([
      '$.statuses.all[0]: "default" would document every status, so none could be reported: list the codes and classes ("4XX") the API answers, or leave statuses out',
      '$.statuses.all[1]: expected a status code from 100 to 599 or a class such as "4XX", got "404": write the code as a number, 404',
      '$.statuses.all[2]: expected a status code from 100 to 599 or a class such as "4XX", got "6XX"',
    ]);
    expect(errorsOf({ ...base, headers: { default: ['X-Request-Id'] } })).toEqual([
      '$.headers.default: "default" is not a key here: a status\'s headers and its class\'s add up, so name the statuses or classes ("4XX", "5XX") they are required on',
    ]);
  });
});
