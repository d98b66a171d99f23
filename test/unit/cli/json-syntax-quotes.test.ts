import { describe, expect, it } from 'vitest';
import { cli, fixture, writeScratch } from './cli-harness';

/*
 * Malformed JSON in each kind of file the CLI reads, and what standard error says about it. A
 * character of the user's text is quoted as the CLI quotes what a user typed: in plain double
 * quotes ('"' for a double quote), so it can be copied into a search of the file. Curly quotes
 * (“}”) are not in the file, and a search for them finds nothing.
 */
const CURLY = /[\u2018\u2019\u201c\u201d]/;

describe('JSON syntax messages quote the user’s characters plainly', () => {
  it.each([
    [
      'a HAR file',
      (f: string) => ['lint', f],
      '{"log" "entries"}',
      `:1:8: error: not valid JSON: unexpected '"', expected ":" after "log" in the top-level object`,
    ],
    [
      'a settings file',
      (f: string) => ['lint', '--config', f, fixture('sample.har')],
      '{\n  "version": 1\n  "rules": {}\n}',
      `:3:3: error: the config file is not valid JSON: expected "," or "}", found '"'`,
    ],
    [
      'a settings file with a comment',
      (f: string) => ['lint', '--config', f, fixture('sample.har')],
      '{\n  // mine\n  "version": 1\n}',
      ':2:3: error: the config file is not valid JSON: expected a member name in double quotes, found a comment ("//"), which JSON does not allow',
    ],
    [
      'a profile file',
      (f: string) => ['lint', '--profile-file', f, fixture('sample.har')],
      '{\n  "id": "acme",\n}',
      ':2:15: error: the profile file is not valid JSON: a trailing comma before "}", which JSON does not allow: remove it',
    ],
    [
      'an OpenAPI description',
      (f: string) => ['lint', '--openapi', f, fixture('sample.har')],
      '{\n  "openapi": "3.1.0",\n  "info": {,\n}',
      ':3:12: error: not valid JSON: expected a member name in double quotes, found ","',
    ],
    [
      'an OpenAPI description with a typographic quote pasted in',
      (f: string) => ['lint', '--openapi', f, fixture('sample.har')],
      '{\n  "openapi": \u201c3.1.0\u201d\n}',
      ':2:14: error: not valid JSON: expected a value, found "\u201c"',
    ],
  ])('%s', async (_what, argv, text, expected) => {
    const file = writeScratch('broken.json', text);
    const r = await cli(argv(file));
    expect(r.code).toBe(2);
    const line = r.stderr.split('\n').find((l) => l.startsWith(file))!;
    expect(line).toBe(`${file}${expected}`);
    // The user's pasted quote is theirs to see; every quote the message adds is plain.
    expect(line.replace('\u201c', ''), line).not.toMatch(CURLY);
  });
});
