#!/usr/bin/env node
// `npm run schema:settings`: writes schemas/settings.schema.json from the code that validates
// settings (scripts/settings-schema.ts). test/unit/settings/settings-schema.test.ts fails while the
// file differs from what it builds, so run this after changing a rule, a rule option, a profile,
// a setting or schemas/profile.schema.json, and commit the result.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { format, resolveConfig } from 'prettier';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, '.tmp/settings-schema.mjs');
const target = resolve(root, 'schemas/settings.schema.json');
mkdirSync(resolve(root, '.tmp'), { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: ['scripts/settings-schema.ts'],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  define: { __STATUS_LENS_VERSION__: JSON.stringify('0.0.0-schema') },
  logLevel: 'warning',
});
const { settingsSchema } = await import(pathToFileURL(out).href);
const profile = JSON.parse(readFileSync(resolve(root, 'schemas/profile.schema.json'), 'utf8'));
const text = JSON.stringify(settingsSchema(profile), null, 2);
// Formatted as `npm run lint` checks every file (prettier), so the written file passes it as is.
const options = { ...(await resolveConfig(target)), filepath: target };
writeFileSync(target, await format(text, options));
console.log('wrote schemas/settings.schema.json');
