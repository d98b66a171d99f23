import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Validator } from '@cfworker/json-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relativeTargets, resolveTarget } from '../helpers/markdown-links';

const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
};
const TARBALL = `status-lens-${pkg.version}.tgz`;

/**
 * The most an image in the package may weigh: README's screenshot is what the registry page and
 * node_modules show first, and a screenshot straight from Chromium is three times this (make it
 * a palette PNG with scripts/palette-png.mjs).
 */
const MAX_IMAGE_BYTES = 64 * 1024;

/** The README's install steps and CI recipe, read from the README itself so they are tested as written. */
function readmeCommands(): { install: string; recipe: string[] } {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const install = /^npm install --save-dev \.\/vendor\/status-lens-[^\s]+\.tgz$/m.exec(readme)?.[0];
  const yaml = /```yaml\n# \.github\/workflows\/api-conventions\.yml\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!install || !yaml) throw new Error('README: the install steps or the CI recipe moved');
  const recipe = [...yaml.matchAll(/^\s+- run: (npx status-lens .*)$/gm)].map((m) => m[1]!);
  return { install, recipe };
}

/**
 * `npm pack` makes a package that works in a project with nothing else in it: installed offline
 * (so it needs no dependency from the registry), its bin runs the README's CI recipe.
 */
describe('the packed status-lens package', () => {
  let work: string;
  let project: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'status-lens-pack-'));
    const before = readFileSync(resolve(ROOT, 'package.json'), 'utf8');
    // prepack builds the CLI and strips the dependencies from the packed manifest; postpack restores it.
    execFileSync('npm', ['pack', '--pack-destination', work], {
      cwd: ROOT,
      stdio: 'pipe',
      timeout: 180_000,
    });
    expect(readFileSync(resolve(ROOT, 'package.json'), 'utf8')).toBe(before);
    project = join(work, 'project');
    mkdirSync(join(project, 'vendor'), { recursive: true });
    copyFileSync(join(work, TARBALL), join(project, 'vendor', TARBALL));
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'my-api', version: '1.0.0', private: true }),
    );
  }, 240_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds the CLI, its docs and schemas, and a manifest without dependencies', () => {
    const files = execFileSync('tar', ['-tzf', join(work, TARBALL)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .sort();
    expect(files).toContain('package/dist-cli/status-lens.mjs');
    expect(files).toContain('package/docs/cli.md');
    expect(files).toContain('package/schemas/profile.schema.json');
    expect(files).toContain('package/schemas/report-v1.schema.json');
    expect(files).toContain('package/schemas/settings.schema.json');
    expect(files).toContain('package/README.md');
    // docs/profiles.md tells package users to copy one of these.
    expect(files).toContain('package/examples/profiles/hal-problem.json');
    // docs/cli.md names it as a settings file to start from; its $schema reaches ../../schemas.
    expect(files).toContain('package/examples/settings/status-lens-settings.json');
    expect(files.filter((f) => /^package\/(src|test|scripts|node_modules)\//.test(f))).toEqual([]);
    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', join(work, TARBALL), 'package/package.json'], { encoding: 'utf8' }),
    ) as Record<string, unknown>;
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.private).toBeUndefined();
    expect(manifest.bin).toEqual({ 'status-lens': 'dist-cli/status-lens.mjs' });
  });

  it('resolves every relative link and image of its README and docs to a file it holds, each image small', () => {
    const tarball = join(work, TARBALL);
    const listed = execFileSync('tar', ['-tzvf', tarball], { encoding: 'utf8' }).trim().split('\n');
    // `-v` lines end in size, date, time, path; paths hold no spaces here.
    const sizes = new Map(
      listed.map((line) => {
        const fields = line.trim().split(/\s+/);
        return [fields.at(-1)!.replace(/^package\//, ''), Number(fields[2])] as const;
      }),
    );
    const held = (path: string) => sizes.has(path) || [...sizes.keys()].some((f) => f.startsWith(`${path}/`));
    const pages = [...sizes.keys()].filter((f) => f.endsWith('.md'));
    expect(pages).toContain('README.md');
    expect(pages).toContain('docs/cli.md');
    const broken: string[] = [];
    const images = new Set<string>();
    let checked = 0;
    for (const page of pages) {
      const text = execFileSync('tar', ['-xzOf', tarball, `package/${page}`], { encoding: 'utf8' });
      for (const target of relativeTargets(text)) {
        checked++;
        const path = resolveTarget(page, target);
        if (path === undefined || !held(path)) broken.push(`${page}: ${target}`);
        else if (/\.(png|jpe?g|gif|svg|webp)$/i.test(path)) images.add(path);
      }
    }
    expect(broken).toEqual([]);
    // Not a vacuous pass: the README's screenshot and the links between docs pages were read.
    expect(images).toContain('docs/screenshot.png');
    expect(checked).toBeGreaterThan(100);
    const heavy = [...images]
      .filter((f) => sizes.get(f)! > MAX_IMAGE_BYTES)
      .map((f) => `${f}: ${sizes.get(f)} bytes`);
    expect(heavy).toEqual([]);
  });

  it('installs offline into an empty project and runs the README CI recipe as written', () => {
    const { install, recipe } = readmeCommands();
    expect(recipe).toHaveLength(1);
    const sh = (command: string) =>
      spawnSync('sh', ['-c', command], {
        cwd: project,
        encoding: 'utf8',
        timeout: 120_000,
        env: {
          ...process.env,
          NO_COLOR: '1',
          npm_config_offline: 'true',
          npm_config_audit: 'false',
          npm_config_fund: 'false',
        },
      });
    const installed = sh(install);
    expect(installed.stderr).not.toMatch(/ERR!/);
    expect(installed.status).toBe(0);
    expect(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual([
      'status-lens',
    ]);
    // The path docs/profiles.md gives a profile's `$schema` (and docs/cli.md the report's and the
    // settings file's) is a file once installed: editors find the schemas there, as no website serves them.
    const shipped = (f: string) =>
      JSON.parse(readFileSync(join(project, 'node_modules/status-lens/schemas', f), 'utf8')) as {
        $id: string;
      };
    for (const f of ['profile.schema.json', 'report-v1.schema.json', 'settings.schema.json'])
      expect(shipped(f).$id).toMatch(/^urn:status-lens:schema:/);
    // What `npx playwright test` would have recorded, and the settings file the recipe names,
    // pointed at the installed schema as docs/cli.md says: the editor's schema takes it, and so
    // does the CLI (which reads `$schema` and ignores it).
    mkdirSync(join(project, 'recordings'));
    for (const f of ['sample.har', 'tricky.har']) {
      copyFileSync(resolve(ROOT, 'test/fixtures/har', f), join(project, 'recordings', f));
    }
    const settings = {
      $schema: './node_modules/status-lens/schemas/settings.schema.json',
      version: 1,
      rules: { 'http/date': 'warning' },
    };
    writeFileSync(join(project, 'status-lens-settings.json'), JSON.stringify(settings));
    const editor = new Validator(shipped('settings.schema.json') as never, '2020-12', false);
    expect(editor.validate(settings).errors).toEqual([]);
    expect(editor.validate({ ...settings, rules: { 'http/date': 'warn' } }).valid).toBe(false);

    const lint = sh(recipe[0]!);
    expect([0, 1]).toContain(lint.status);
    const text = readFileSync(join(project, 'results.sarif'), 'utf8');
    const sarif = JSON.parse(text) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
    // The quoted pattern reached both recordings.
    expect(text).toContain('recordings/sample.har');
    expect(text).toContain('recordings/tricky.har');
    const version = sh('npx status-lens --version');
    expect(version.stdout.trim()).toBe(pkg.version);
  });
});
