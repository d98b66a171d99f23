import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cli, harEntry, harText, ROOT, scratch, writeScratch } from './cli-harness';

/*
 * What a user is told on standard error about a description that would otherwise check less
 * than they think, in silence (the CLI review's findings 1 and 3).
 */
const HAR = 'test/fixtures/openapi/petstore-traffic.har';
const SPEC = 'test/fixtures/openapi/petstore-3.0.yaml';
const spec = readFileSync(SPEC, 'utf8');

const warnings = (stderr: string) => stderr.split('\n').filter((l) => l.includes(': warning: '));

describe('lint --openapi: a typo in a description is a warning naming its place', () => {
  it('an operation key "gte" and a top-level "server"', async () => {
    const typo = writeScratch(
      'typo.yaml',
      spec
        .replace('servers:\n', 'server:\n')
        .replace('  /pet/{petId}:\n    get:', '  /pet/{petId}:\n    gte:'),
    );
    const r = await cli(['lint', HAR, '--openapi', typo, '-f', 'json']);
    expect(warnings(r.stderr)).toEqual([
      `${typo}: warning: /server: unknown key "server" at the top level of the document, ignored (did you mean "servers"?)`,
      `${typo}: warning: /paths/~1pet~1{petId}/gte: unknown key "gte" in a Path Item, ignored (did you mean "get"?)`,
    ]);
    // The rest of the description is used: its other operations are still matched.
    expect(JSON.parse(r.stdout).coverage.documents[0].operations).toBe(18);
  });
});

describe("lint --openapi: a description whose scope holds none of a file's entries", () => {
  const WRONG = 'http://localhost:9999/api/v3';

  it.each(['text', 'json', 'sarif', 'junit', 'markdown'])(
    '--format %s: one warning per file on standard error, as for a profile; the report untouched',
    async (format) => {
      const r = await cli(['lint', HAR, '--openapi', SPEC, '--openapi-base-url', WRONG, '-f', format]);
      expect(warnings(r.stderr)).toEqual([
        `${HAR}: warning: OpenAPI description ${SPEC} matched none of the 9 entries (scope: http://localhost:9999/api/v3/*, from its servers or the base URL given for it)`,
      ]);
      expect(r.stdout).not.toContain('matched none');
    },
  );

  it('its own servers, several scopes, and a one-entry file', async () => {
    const one = writeScratch(
      'one.har',
      harText([
        harEntry({
          url: 'https://petstore3.swagger.io/api/v3/pet/10',
          mimeType: 'application/json',
          text: '{}',
        }),
      ]),
    );
    const elsewhere = writeScratch(
      'elsewhere.yaml',
      spec.replace(
        'servers:\n  - url: https://petstore3.swagger.io/api/v3\n',
        'servers:\n  - url: https://staging.petstore.test/api/v3\n  - url: /v9\n',
      ),
    );
    const r = await cli(['lint', one, '--openapi', elsewhere, '-f', 'json']);
    expect(warnings(r.stderr)).toEqual([
      `${one}: warning: OpenAPI description ${elsewhere} did not match the only entry (scope: https://staging.petstore.test/api/v3/* and /v9/* on any host, from its servers or the base URL given for it)`,
    ]);
  });

  it('says nothing when the scope holds an entry, even one no operation matched', async () => {
    const r = await cli(['lint', HAR, '--openapi', SPEC, '-f', 'json']);
    expect(warnings(r.stderr)).toEqual([]);
    // A second description at the same place holds the same entries: the first one matched them,
    // but the second one's scope is not wrong.
    const again = writeScratch('again.yaml', spec);
    const two = await cli(['lint', HAR, '--openapi', SPEC, '--openapi', again, '-f', 'json']);
    expect(warnings(two.stderr)).toEqual([]);
  });
});

describe("lint --config: a settings file's openapi entry that cannot be read", () => {
  it('is named from the settings file: which entry, as written, and where it led', async () => {
    const root = scratch();
    mkdirSync(join(root, 'sub'));
    writeFileSync(
      join(root, 'sub', 'settings.json'),
      JSON.stringify({ version: 1, openapi: [{ file: 'gone.yaml', off: true }, './api/openapi.yaml'] }),
    );
    const har = resolve(ROOT, HAR);
    const r = await cli(['lint', har, '-c', 'sub/settings.json'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.includes('error'))).toEqual([
      'sub/settings.json: error: openapi[1]: ./api/openapi.yaml (sub/api/openapi.yaml: paths in a settings file are relative to it): cannot read the OpenAPI document: no such file',
    ]);
    // --openapi on the command line is named as typed, as before.
    const typed = await cli(['lint', har, '--openapi', 'nope.yaml'], { cwd: root });
    expect(typed.stderr).toContain('nope.yaml: error: cannot read the OpenAPI document: no such file\n');
  });
});
