import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const BIN = resolve(ROOT, 'dist-cli/status-lens.mjs');
const OPENAPI = resolve(ROOT, 'test/fixtures/openapi');

/*
 * The built CLI run from a project folder as CI runs it: the files its problems name must open
 * from there (what problem matchers and editors follow), a description that loses operations must
 * say so, and a profile file must win over the settings file's profile of the same id.
 */

let dir: string;

function statusLens(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" first`);
  dir = mkdtempSync(join(tmpdir(), 'status-lens-contract-files-'));
  copyFileSync(join(OPENAPI, 'petstore-traffic.har'), join(dir, 'traffic.har'));
  copyFileSync(join(OPENAPI, 'bad', 'duplicate-key.yaml'), join(dir, 'duplicate-key.yaml'));
  mkdirSync(join(dir, 'ci', 'config', 'specs'), { recursive: true });
  cpSync(join(OPENAPI, 'split'), join(dir, 'ci', 'config', 'specs', 'split'), { recursive: true });
  writeFileSync(join(dir, 'ci', 'config', 'specs', 'split', 'schemas', 'order.yaml'), 'Order:\n  id: [\n');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the built CLI names OpenAPI files and profiles as a user can follow them', () => {
  it('a YAML key written twice stops the run at its line, not with every call "undocumented"', () => {
    const r = statusLens(['lint', 'traffic.har', '--openapi', 'duplicate-key.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'duplicate-key.yaml:11:3: error: not valid YAML: the key "/pet/{petId}" is written twice in the same mapping (also on line 6), and only one of them could be read: merge them\n',
    );
  });

  it("a settings file's descriptions, and the files their $refs read, are named from the working directory", () => {
    writeFileSync(
      join(dir, 'ci', 'config', 'settings.json'),
      JSON.stringify({ openapi: ['specs/api.yaml'] }),
    );
    const missing = statusLens(['lint', 'traffic.har', '--config', 'ci/config/settings.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'ci/config/settings.json: error: openapi[0]: specs/api.yaml (ci/config/specs/api.yaml: paths in a settings file are relative to it): cannot read the OpenAPI document: no such file\n',
    );

    writeFileSync(
      join(dir, 'ci', 'config', 'settings.json'),
      JSON.stringify({ openapi: ['specs/split/api.yaml'] }),
    );
    const split = statusLens(['lint', 'traffic.har', '--config', 'ci/config/settings.json']);
    const [part, description] = split.stderr.split('\n');
    expect(part).toMatch(
      /^ci\/config\/specs\/split\/schemas\/order\.yaml:\d+:\d+: warning: not valid YAML: /,
    );
    expect(description).toMatch(
      /^ci\/config\/specs\/split\/api\.yaml: warning: \/paths\/~1orders~1\{id\}\/get: /,
    );
    // Every name it prints opens from here.
    for (const name of [part, description].map((l) => l!.split(':')[0]!))
      expect(existsSync(join(dir, name)), name).toBe(true);
    expect(split.stdout).toContain(
      'ci/config/specs/split/api.yaml (split across files 1): 0 of 1 operation seen',
    );
  });

  it("a --profile-file replaces the settings file's profile of its id, with a note", () => {
    const gh = {
      id: 'gh',
      name: 'GitHub',
      summary: 'Errors carry a documentation_url.',
      source: 'https://docs.github.com/rest',
      scope: { urls: ['https://petstore3.swagger.io/*'] },
      body: { error: { required: ['documentation_url'] } },
    };
    writeFileSync(join(dir, 'gh.json'), JSON.stringify(gh));
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ userProfiles: [{ ...gh, scope: { urls: ['https://api.github.com/*'] } }] }),
    );
    const r = statusLens([
      'lint',
      'traffic.har',
      '--profile-file',
      'gh.json',
      '--config',
      'settings.json',
      '--format',
      'json',
    ]);
    expect(r.stderr).toBe(
      'settings.json: note: userProfiles: the profile "gh" is replaced by --profile-file gh.json (the command line wins)\n',
    );
    expect(r.code).not.toBe(2);
    const report = JSON.parse(r.stdout) as {
      profiles: string[];
      exchanges: { findings: { rule: string }[] }[];
    };
    expect(report.profiles).toContain('gh');
    // The file's scope (the petstore host), not the settings file's, is what judges.
    expect(report.exchanges.flatMap((e) => e.findings.map((f) => f.rule))).toContain('gh/body-shape');
  });
});
