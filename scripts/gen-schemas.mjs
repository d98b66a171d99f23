#!/usr/bin/env node
// `npm run schemas`: writes what schemas/ takes from the code. schemas/profile.schema.json is
// written by hand but for its `id` member (scripts/profile-schema.ts: which ids are taken), and
// schemas/settings.schema.json is built whole (scripts/settings-schema.ts), with the profile
// schema copied in, so the profile one is written first. test/unit/profiles/schema.test.ts and
// test/unit/settings/settings-schema.test.ts fail while either file differs from what this builds:
// run it after changing a rule, a rule option, a profile, a setting or profile.schema.json, and
// commit the result.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { importTs } from './import-ts.mjs';

const root = resolve(import.meta.dirname, '..');
const define = { __STATUS_LENS_VERSION__: JSON.stringify('0.0.0-schema') };

/** Formatted as `npm run lint` checks every file (prettier), so the written file passes it as is. */
async function write(file, schema) {
  const target = resolve(root, file);
  const options = { ...(await resolveConfig(target)), filepath: target };
  writeFileSync(target, await format(JSON.stringify(schema, null, 2), options));
  console.log(`wrote ${file}`);
}

const { profileSchema } = await importTs('scripts/profile-schema.ts', define);
const written = JSON.parse(readFileSync(resolve(root, 'schemas/profile.schema.json'), 'utf8'));
const profile = profileSchema(written);
await write('schemas/profile.schema.json', profile);
const { settingsSchema } = await importTs('scripts/settings-schema.ts', define);
await write('schemas/settings.schema.json', settingsSchema(profile));
