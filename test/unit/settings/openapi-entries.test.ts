import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../src/core/settings/parse';

const errorsOf = (input: unknown) => {
  const r = parseSettings(input);
  return r.ok ? [] : r.errors;
};

describe('settings: the openapi list', () => {
  it('reads files and { "file", "baseUrl", "off" } objects; "off": false is the same as no switch', () => {
    const r = parseSettings({
      openapi: [
        'a.yaml',
        { file: 'b.json', baseUrl: 'http://localhost:8080' },
        { file: 'old.yaml', baseUrl: '/v1', off: true },
        { file: 'c.yaml', off: false },
      ],
    });
    expect(r.ok && r.settings.openapi).toEqual([
      { file: 'a.yaml' },
      { file: 'b.json', baseUrl: 'http://localhost:8080' },
      { file: 'old.yaml', baseUrl: '/v1', off: true },
      { file: 'c.yaml' },
    ]);
  });

  it('refuses a switch that is not true or false, naming the entry', () => {
    expect(errorsOf({ openapi: [{ file: 'a.yaml', off: 'yes' }] })).toEqual([
      'openapi[0].off: expected true or false',
    ]);
  });

  it('refuses an unknown member with what it is close to, or the members an entry may hold', () => {
    expect(
      errorsOf({
        openapi: [
          { file: 'a.yaml', of: true },
          { file: 'b.yaml', baseURL: '/x' },
        ],
      }),
    ).toEqual([
      'openapi[0].of: unknown setting (did you mean "off"?)',
      'openapi[1].baseURL: unknown setting (did you mean "baseUrl"?)',
    ]);
    // The switch is named as on the options page ("off"); another word is refused, not ignored.
    expect(errorsOf({ openapi: [{ file: 'a.yaml', enabled: false }] })).toEqual([
      'openapi[0].enabled: unknown setting (expected file, baseUrl or off)',
    ]);
  });

  it('names the object form with its switch when an entry is neither', () => {
    expect(errorsOf({ openapi: [42] })).toEqual([
      'openapi[0]: expected a file name or { "file", "baseUrl", "off" }',
    ]);
    expect(errorsOf({ openapi: 'a.yaml' })).toEqual([
      'openapi: expected an array of files or { "file", "baseUrl", "off" } objects',
    ]);
  });
});
