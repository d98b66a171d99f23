import { cpSync, mkdirSync, mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, harEntry, harText, ROOT, scratch, writeScratch } from './cli-harness';
import { parseXml } from './xml-check';

const HAR = 'test/fixtures/openapi/petstore-traffic.har';
const SPEC = 'test/fixtures/openapi/petstore-3.0.yaml';

describe('status-lens lint --openapi', () => {
  it('reports contract findings with pointers and the coverage summary (text)', async () => {
    const r = await cli(['lint', HAR, '--openapi', SPEC]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('contract/response-schema');
    expect(r.stdout).toMatch(/required member "name" is missing.*\(at the top level of the body\)/);
    // The operation first, then the schema's place with its file named (two descriptions' "#/…"
    // read alike), then the body's: one bracket, not "[…] (…) (at …)".
    expect(r.stdout).toContain(
      ': expected integer, got string; schema test/fixtures/openapi/petstore-3.0.yaml#/components/schemas/Pet/properties/id/type (at /id)\n',
    );
    expect(r.stdout).toContain('contract/undocumented-operation  GET /pets is not an operation');
    expect(r.stdout).toContain('contract/content-type  text/html is not documented for GET /store/inventory');
    expect(r.stdout).toContain('header X-Rate-Limit');
    expect(r.stdout).toContain('OpenAPI coverage');
    expect(r.stdout).toContain('4 of 19 operations seen');
    expect(r.stdout).toContain('GET /pets ×1 (404 ×1)');
  });

  it('counts calls to one undocumented route together, ids written {id}', async () => {
    const ids = ['970a8c6b-466a-4f9c-94bf-539e177db44a', '29059e9c-7a42-453e-8166-b47af8847595', '42'];
    const har = writeScratch(
      'toys.har',
      harText(
        ids.map((id) =>
          harEntry({
            url: `https://petstore3.swagger.io/api/v3/pet/${id}/toys`,
            mimeType: 'application/json',
            text: '[]',
          }),
        ),
      ),
    );
    const r = await cli(['lint', har, '--openapi', SPEC, '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(report.coverage.undocumentedOperations).toEqual([
      expect.objectContaining({ method: 'GET', path: '/pet/{id}/toys', calls: 3 }),
    ]);
    expect((await cli(['lint', har, '--openapi', SPEC])).stdout).toContain(
      'contract/undocumented-operation  GET /pet/{id}/toys is not an operation of',
    );
  });

  it('without --openapi the contract rules stay silent', async () => {
    const r = await cli(['lint', HAR]);
    expect(r.stdout).not.toContain('contract/');
    expect(r.stdout).not.toContain('OpenAPI coverage');
  });

  it('JSON carries the coverage: every documented operation, its calls and statuses', async () => {
    const r = await cli(['lint', HAR, '--openapi', SPEC, '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(report.coverage.documents).toEqual([
      expect.objectContaining({ name: SPEC, operations: 19, seen: 4, problems: [] }),
    ]);
    const getPet = report.coverage.operations.find(
      (o: { operationId?: string }) => o.operationId === 'getPetById',
    );
    expect(getPet).toMatchObject({ method: 'GET', path: '/pet/{petId}', calls: 4 });
    expect(getPet.statuses).toEqual([
      { status: 200, count: 3, documented: true },
      { status: 404, count: 1, documented: true },
    ]);
    expect(report.coverage.operations.filter((o: { calls: number }) => o.calls === 0)).toHaveLength(15);
    expect(report.coverage.undocumentedOperations).toEqual([
      { document: SPEC, method: 'GET', path: '/pets', calls: 1, statuses: [{ status: 404, count: 1 }] },
    ]);
    const pointers = report.exchanges[1].findings.map((f: { pointer?: string }) => f.pointer);
    expect(pointers).toEqual(['', '/id', '/status']);
  });

  it('Markdown, SARIF and JUnit carry it too', async () => {
    const md = await cli(['lint', HAR, '--openapi', SPEC, '--format', 'markdown']);
    expect(md.stdout).toContain('## OpenAPI coverage');
    expect(md.stdout).toMatch(/\| GET \/pet\/\\\{petId\\\} \| getPetById \| 4 \| 200 ×3, 404 ×1 \|/);
    expect(md.stdout).toContain('### Undocumented operations');
    // Escaped as the document line above it is: the whole line, its own parentheses included.
    expect(md.stdout).toContain(
      '\n- GET /pets \\(test/fixtures/openapi/petstore-3.0.yaml\\)\\: 1 call, 404 ×1\n',
    );
    expect(md.stdout).toMatch(/\n- test\/fixtures\/openapi\/petstore-3\.0\.yaml \\\(Swagger Petstore/);
    const sarif = JSON.parse((await cli(['lint', HAR, '--openapi', SPEC, '--format', 'sarif'])).stdout);
    expect(sarif.runs[0].properties.openapiCoverage.documents[0]).toMatchObject({ operations: 19, seen: 4 });
    expect(
      sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'contract/response-schema'),
    ).toBe(true);
    const junit = (await cli(['lint', HAR, '--openapi', SPEC, '--format', 'junit'])).stdout;
    expect(parseXml(junit).name).toBe('testsuites');
    expect(junit).toContain('<testsuite name="OpenAPI coverage" tests="1"');
    expect(junit).toContain('4 of 19 operations seen');
  });

  it('--openapi-base-url scopes the description to another host', async () => {
    const dir = scratch();
    const har = JSON.parse((await import('node:fs')).readFileSync(HAR, 'utf8'));
    for (const e of har.log.entries)
      e.request.url = e.request.url.replace('https://petstore3.swagger.io/api/v3', 'http://127.0.0.1:4010');
    writeFileSync(join(dir, 'local.har'), JSON.stringify(har));
    const off = await cli(['lint', join(dir, 'local.har'), '--openapi', SPEC, '--format', 'json']);
    expect(JSON.parse(off.stdout).coverage.documents[0].seen).toBe(0);
    const on = await cli([
      'lint',
      join(dir, 'local.har'),
      '--openapi',
      SPEC,
      '--openapi-base-url',
      'http://127.0.0.1:4010',
      '--format',
      'json',
    ]);
    expect(JSON.parse(on.stdout).coverage.documents[0].seen).toBe(4);
  });

  it('reads `openapi` from the settings file, relative to it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'status-lens-openapi-'));
    copyFileSync(SPEC, join(dir, 'petstore.yaml'));
    writeFileSync(
      join(dir, 'status-lens.json'),
      JSON.stringify({ version: 1, openapi: [{ file: 'petstore.yaml' }] }),
    );
    const r = await cli(['lint', HAR, '--config', join(dir, 'status-lens.json'), '--format', 'json']);
    // Named by the way to it from the working directory: the settings file's path, then the entry.
    expect(JSON.parse(r.stdout).coverage.documents[0]).toMatchObject({
      name: join(dir, 'petstore.yaml'),
      seen: 4,
    });
  });

  it('a settings file with a malformed openapi entry is refused (exit 2)', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 's.json'), JSON.stringify({ openapi: [{ file: 'x.yaml', base: 'http://x' }] }));
    const r = await cli(['lint', HAR, '--config', join(dir, 's.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('openapi[0].base: unknown setting (expected file, baseUrl or off)');
    writeFileSync(join(dir, 's.json'), JSON.stringify({ openapi: [{ file: 'x.yaml', offf: true }] }));
    const typo = await cli(['lint', HAR, '--config', join(dir, 's.json')]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('openapi[0].offf: unknown setting (did you mean "off"?)');
  });

  it('an entry switched off ("off": true) is not loaded, even when its file is gone, and a note says so', async () => {
    const dir = scratch();
    copyFileSync(SPEC, join(dir, 'petstore.yaml'));
    const config = join(dir, 'status-lens.json');
    writeFileSync(
      config,
      JSON.stringify({
        version: 1,
        openapi: ['petstore.yaml', { file: 'gone.yaml', baseUrl: 'http://localhost:8080', off: true }],
      }),
    );
    const r = await cli(['lint', HAR, '--config', config, '--format', 'json']);
    const alone = await cli(['lint', HAR, '--openapi', SPEC, '--format', 'json']);
    expect(r.code).toBe(alone.code);
    expect(JSON.parse(r.stdout).coverage.documents).toEqual([
      expect.objectContaining({ name: join(dir, 'petstore.yaml'), seen: 4 }),
    ]);
    expect(r.stderr).toBe(
      `${config}: note: openapi[1]: gone.yaml is switched off ("off": true): not loaded, so no contract findings or coverage from it\n`,
    );
  });

  it('with every entry switched off, no contract finding and no coverage: as without them', async () => {
    const dir = scratch();
    copyFileSync(SPEC, join(dir, 'petstore.yaml'));
    const config = join(dir, 'status-lens.json');
    writeFileSync(config, JSON.stringify({ version: 1, openapi: [{ file: 'petstore.yaml', off: true }] }));
    const r = await cli(['lint', HAR, '--config', config]);
    const without = await cli(['lint', HAR]);
    expect(r.stdout).not.toContain('contract/');
    expect(r.stdout).not.toContain('OpenAPI coverage');
    expect(r.code).toBe(without.code);
    const note = `${config}: note: openapi[0]: petstore.yaml is switched off ("off": true): not loaded, so no contract findings or coverage from it`;
    expect(r.stderr.split('\n').filter((l) => l.includes('switched off'))).toEqual([note]);
    // diff reads the same settings, and says it once too.
    const d = await cli(['diff', HAR, HAR, '--config', config]);
    expect(d.stderr.split('\n').filter((l) => l.includes('switched off'))).toEqual([note]);
    expect(d.stdout).not.toContain('contract/');
  });

  it.each([
    [
      'test/fixtures/openapi/bad/invalid.yaml',
      /^test\/fixtures\/openapi\/bad\/invalid\.yaml:\d+:\d+: error: not valid YAML: .*[^)]$/m,
    ],
    [
      'test/fixtures/openapi/bad/swagger2.json',
      /^test\/fixtures\/openapi\/bad\/swagger2\.json: error: \/swagger: Swagger 2\.0 is not supported: convert it to OpenAPI 3\.x first/,
    ],
    [
      'test/fixtures/openapi/bad/not-openapi.yaml',
      /^test\/fixtures\/openapi\/bad\/not-openapi\.yaml: error: not an OpenAPI document/m,
    ],
    [
      // A recording where the description goes: the two arguments swapped.
      'test/fixtures/har/sample.har',
      /^test\/fixtures\/har\/sample\.har: error: not an OpenAPI document: this is a HAR file \(it has log\.entries\), a recording of traffic; give it to lint as an input, and the API description to --openapi$/m,
    ],
    [
      'test/fixtures/openapi/nope.yaml',
      /^test\/fixtures\/openapi\/nope\.yaml: error: cannot read the OpenAPI document/m,
    ],
    [
      // A path item written twice: read as last-one-wins, its GET vanished without a word.
      'test/fixtures/openapi/bad/duplicate-key.yaml',
      /^test\/fixtures\/openapi\/bad\/duplicate-key\.yaml:11:3: error: not valid YAML: the key "\/pet\/\{petId\}" is written twice in the same mapping \(also on line 6\), and only one of them could be read: merge them$/m,
    ],
  ])('a bad document (%s) stops the run with exit 2 and says where', async (spec, message) => {
    const r = await cli(['lint', HAR, '--openapi', spec]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('an operation whose schema cannot be compiled is a warning; the rest is checked', async () => {
    const r = await cli([
      'lint',
      HAR,
      '--openapi',
      'test/fixtures/openapi/bad/partly-broken.yaml',
      '--openapi',
      SPEC,
    ]);
    expect(r.stderr).toMatch(
      /^test\/fixtures\/openapi\/bad\/partly-broken\.yaml: warning: \/paths\/~1bad-pattern\/get: GET \/bad-pattern is not checked/m,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('contract/response-schema');
  });

  it('relative $refs are read from files beside the document', async () => {
    const dir = scratch();
    const har = {
      log: {
        version: '1.2',
        creator: { name: 't', version: '1' },
        entries: [
          {
            startedDateTime: '2026-12-06T02:00:00.000Z',
            time: 1,
            request: {
              method: 'GET',
              url: 'https://split.example.com/v1/orders/1',
              httpVersion: 'HTTP/1.1',
              headers: [],
              queryString: [],
              cookies: [],
              headersSize: -1,
              bodySize: 0,
            },
            response: {
              status: 200,
              statusText: 'OK',
              httpVersion: 'HTTP/1.1',
              headers: [{ name: 'Content-Type', value: 'application/json' }],
              cookies: [],
              content: { size: 20, mimeType: 'application/json', text: '{"id":"x","total":1}' },
              redirectURL: '',
              headersSize: -1,
              bodySize: 20,
            },
            cache: {},
            timings: { send: 0, wait: 1, receive: 0 },
          },
        ],
      },
    };
    writeFileSync(join(dir, 'split.har'), JSON.stringify(har));
    const r = await cli([
      'lint',
      join(dir, 'split.har'),
      '--openapi',
      'test/fixtures/openapi/split/api.yaml',
    ]);
    // The part is named by the way to it from the working directory, as the description is.
    expect(r.stdout).toContain(
      'GET /orders/{id} (getOrder) 200: not a valid uuid (format "uuid"); schema test/fixtures/openapi/split/schemas/order.yaml#/Order/properties/id/format (at /id)',
    );
  });

  it('names every description and part by a path that opens from the working directory', async () => {
    // Before: a settings file's entries were named relative to the settings file, and a part a
    // $ref leads to relative to its description: neither opened from where the run was made.
    const root = scratch();
    const deep = join(root, 'sub', 'deep');
    mkdirSync(join(deep, 'specs', 'split'), { recursive: true });
    mkdirSync(join(root, 'specs'));
    copyFileSync(SPEC, join(root, 'specs', 'petstore.yaml'));
    cpSync('test/fixtures/openapi/split', join(deep, 'specs', 'split'), { recursive: true });
    writeFileSync(join(deep, 'specs', 'split', 'schemas', 'order.yaml'), 'Order:\n  type: object\n  id: [\n');
    copyFileSync(HAR, join(root, 'traffic.har'));
    const settings = (openapi: string[]) => {
      writeFileSync(join(deep, 'settings.json'), JSON.stringify({ version: 1, openapi }));
      return cli(['lint', 'traffic.har', '--config', 'sub/deep/settings.json'], { cwd: root });
    };

    const missing = await settings(['specs/api.yaml']);
    expect(missing.code).toBe(2);
    // Named from the settings file, the entry as written and the path it led to (finding 11 of
    // the CLI review: "sub/api/openapi.yaml: error: …" alone did not say where it came from).
    expect(missing.stderr).toBe(
      'sub/deep/settings.json: error: openapi[0]: specs/api.yaml (sub/deep/specs/api.yaml: paths in a settings file are relative to it): cannot read the OpenAPI document: no such file\n',
    );

    const found = await settings(['../../specs/petstore.yaml']);
    expect(found.stdout).toContain('GET /pets is not an operation of specs/petstore.yaml');
    expect(found.stdout).toContain(
      'specs/petstore.yaml (Swagger Petstore - OpenAPI 3.0 1.0.27-SNAPSHOT): 4 of 19 operations seen',
    );
    expect(found.stdout).not.toContain('../');

    const split = await settings(['specs/split/api.yaml']);
    const lines = split.stderr.split('\n');
    expect(lines[0]).toMatch(
      /^sub\/deep\/specs\/split\/schemas\/order\.yaml:\d+:\d+: warning: not valid YAML: /,
    );
    expect(lines[1]).toMatch(
      /^sub\/deep\/specs\/split\/api\.yaml: warning: \/paths\/~1orders~1\{id\}\/get: .* points into sub\/deep\/specs\/split\/schemas\/order\.yaml, which could not be read \(not valid YAML: [^()]* at line \d+, column \d+\) \(at sub\/deep\/specs\/split\/paths\/order\.yaml#\/get\//,
    );

    // A path given on the command line is named as it was typed, absolute included.
    const abs = join(root, 'specs', 'petstore.yaml');
    const typed = await cli(['lint', 'traffic.har', '--openapi', abs, '--openapi', './specs/petstore.yaml'], {
      cwd: root,
    });
    expect(typed.stdout).toContain(`GET /pets is not an operation of ${abs}`);
  });

  it('the same file given twice is loaded once, with a note; another file declaring the same operations is not', async () => {
    // Before: counted twice in the coverage ("4 of 19" on two lines) though only the first matched.
    const dir = scratch();
    const config = join(dir, 'settings.json');
    writeFileSync(config, JSON.stringify({ version: 1, openapi: [join(ROOT, SPEC)] }));
    const r = await cli(['lint', HAR, '--openapi', SPEC, '--openapi', `./${SPEC}`, '--config', config]);
    const alone = await cli(['lint', HAR, '--openapi', SPEC]);
    expect(r.stdout).toBe(alone.stdout);
    expect(r.stderr).toBe(
      `./${SPEC}: note: the same file as ${SPEC}, given again: loaded once\n` +
        `${join(ROOT, SPEC)}: note: the same file as ${SPEC}, given again: loaded once\n`,
    );
    // A copy is another description: each exchange is matched to the first, the copy's
    // operations are counted as not seen.
    const copy = join(dir, 'copy.yaml');
    copyFileSync(SPEC, copy);
    const both = await cli(['lint', HAR, '--openapi', SPEC, '--openapi', copy, '--format', 'json']);
    expect(both.stderr).toBe('');
    expect(JSON.parse(both.stdout).coverage.documents).toEqual([
      expect.objectContaining({ name: SPEC, seen: 4 }),
      expect.objectContaining({ name: copy, seen: 0 }),
    ]);
    // The same file served at two base URLs is two scopes, loaded twice on purpose.
    const hosts = await cli([
      'lint',
      HAR,
      '--openapi',
      SPEC,
      '--openapi-base-url',
      'http://a.test',
      '--openapi',
      SPEC,
      '--openapi-base-url',
      'http://b.test',
      '--format',
      'json',
    ]);
    // Neither host is the one the traffic went to: each scope is named, as a profile's would be.
    expect(hosts.stderr).toBe(
      ['a', 'b']
        .map(
          (h) =>
            `${HAR}: warning: OpenAPI description ${SPEC} matched none of the 9 entries (scope: http://${h}.test/*, from its servers or the base URL given for it)\n`,
        )
        .join(''),
    );
    expect(JSON.parse(hosts.stdout).coverage.documents).toHaveLength(2);
  });

  it('--openapi-base-url counts must pair with --openapi', async () => {
    const r = await cli([
      'lint',
      HAR,
      '--openapi',
      SPEC,
      '--openapi-base-url',
      'http://a',
      '--openapi-base-url',
      'http://b',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--openapi-base-url');
    const bad = await cli(['lint', HAR, '--openapi', SPEC, '--openapi-base-url', 'ftp://x']);
    expect(bad.code).toBe(2);
  });

  it('refuses a base URL without its scheme instead of reading it as a path that matches nothing', async () => {
    // Before: accepted as the path /petstore3.swagger.io/api/v3, so no exchange was checked
    // ("0 of 19 operations seen") and the run passed.
    const r = await cli([
      'lint',
      HAR,
      '--openapi',
      SPEC,
      '--openapi-base-url',
      'petstore3.swagger.io/api/v3',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--openapi-base-url: "petstore3.swagger.io/api/v3" is neither an http(s) URL nor a path starting with / (did you mean https://petstore3.swagger.io/api/v3?)',
    );
    // A path from the root stays a way to say "any host, this base path".
    const path = await cli(['lint', HAR, '--openapi', SPEC, '--openapi-base-url', '/api/v3']);
    expect(path.code).not.toBe(2);
  });

  it('refuses --openapi-base-url without an --openapi document to apply to', async () => {
    const r = await cli(['lint', HAR, '--openapi-base-url', 'https://petstore3.swagger.io/api/v3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--openapi-base-url applies to the --openapi documents, and none is given');
  });
});
