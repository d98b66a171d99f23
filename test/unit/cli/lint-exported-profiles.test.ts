import { describe, expect, it } from 'vitest';
import { MemoryProfileStore, MemorySettingsStore } from '../../../src/adapters/memory';
import type { ProfileDocument } from '../../../src/core/profiles/types';
import { defaultSettings } from '../../../src/core/settings/schema';
import { mergedSettingsStore } from '../../../src/state/merged-settings';
import { exportText } from '../../../src/state/settings-file';
import { cli, harEntry, harText, writeScratch } from './cli-harness';

const acme: ProfileDocument = {
  id: 'acme',
  name: 'Acme API',
  summary: 'Acme errors are JSON objects with a code.',
  source: 'https://acme.example/guide',
  scope: { urls: ['https://api.acme.example/*'] },
  body: { error: { required: ['code'] } },
};
const JSON_CT = { 'Content-Type': 'application/json' };
const error = (url: string) =>
  harEntry({ url, status: 400, headers: JSON_CT, text: '{"message":"bad"}', mimeType: 'application/json' });

describe('the exported settings file carries user profiles to `status-lens --config`', () => {
  it('documents from local storage, with the references kept in sync (on, scope override, severity)', async () => {
    // As the extension stores them: the document in local storage; sync says it is on, where,
    // and at which severity its body-shape rule runs.
    const store = mergedSettingsStore(
      new MemorySettingsStore({
        ...defaultSettings(),
        profiles: ['acme'],
        profileScopes: { acme: { urls: ['https://eu.acme.example/*'] } },
        rules: { 'acme/body-shape': 'error' },
      }),
      new MemoryProfileStore({ profiles: [acme] }),
    );
    const config = writeScratch('exported-settings.json', JSON.parse(exportText(await store.load())));
    const traffic = writeScratch(
      'eu-traffic.har',
      harText([error('https://api.acme.example/orders'), error('https://eu.acme.example/orders')]),
    );
    const r = await cli(['lint', '-c', config, '--format', 'json', traffic]);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as {
      exchanges: { index: number; findings: { rule: string; severity: string; profile?: string }[] }[];
    };
    const found = report.exchanges.flatMap((ex) =>
      ex.findings.filter((f) => f.profile).map((f) => `#${ex.index} ${f.rule} ${f.severity}`),
    );
    // Only the overridden scope (the document's own host is left out), at the user's severity.
    expect(found).toEqual(['#1 acme/body-shape error']);
  });
});
