#!/usr/bin/env node
// `npm run schema:settings`: writes schemas/settings.schema.json from the code that validates
// settings (scripts/settings-schema.ts). test/unit/settings/settings-schema.test.ts fails while the
// file differs from what it builds, so run this after changing a rule, a rule option, a profile,
// a setting or schemas/profile.schema.json, and commit the result.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { importTs } from './import-ts.mjs';

const root = resolve(import.meta.dirname, '..');
const target = resolve(root, 'schemas/settings.schema.json');
const { settingsSchema } = await importTs('scripts/settings-schema.ts', {
  __STATUS_LENS_VERSION__: JSON.stringify('0.0.0-schema'),
});
const profile = JSON.parse(readFileSync(resolve(root, 'schemas/profile.schema.json'), 'utf8'));
const text = JSON.stringify(settingsSchema(profile), null, 2);
// Formatted as `npm run lint` checks every file (prettier), so the written file passes it as is.
const options = { ...(await resolveConfig(target)), filepath: target };
writeFileSync(target, await format(text, options));
console.log('wrote schemas/settings.schema.json');
