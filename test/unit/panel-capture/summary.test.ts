import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../src/core/settings/schema';
import { summarizeRows } from '../../../src/surfaces/panel/summarize';
import { makeExchange } from '../../helpers/exchange';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';
import { harText, J, tick } from './fakes';

const importFile = (name: string, text: string) => new File([text], name, { type: 'application/json' });

describe('the tab summary counts the tab’s own traffic, not imported HAR files', () => {
  it('leaves imported rows out of what is sent to the background; live rows still count', async () => {
    const { store, source, summary, importer } = setupPanel();
    source.emit(harEntry({ url: 'https://live.io/a', status: 500, headers: J }), { text: '{}' });
    await vi.waitFor(() => expect(summary.replaced.length).toBeGreaterThan(0));
    await importer.importFiles([importFile('errors.har', harText(3, 'imp', 404))]);
    await vi.waitFor(() => expect(store.getState().rows).toHaveLength(4));
    expect(store.getState().rows.filter((r) => r.imported)).toHaveLength(3);
    source.emit(harEntry({ url: 'https://live.io/b', status: 200, headers: J }), { text: '{}' });
    await vi.waitFor(() => expect(store.getState().rows).toHaveLength(5));
    await vi.waitFor(() => expect(summary.replaced.at(-1)!.summary.families['2xx']).toBe(1));
    const last = summary.replaced.at(-1)!.summary;
    expect(last.families['4xx']).toBe(0);
    expect(last.families['5xx']).toBe(1);
    expect(last.recent.map((r) => r.path)).toEqual(['/a']);
    for (const { summary: s } of summary.replaced)
      expect(s.recent.some((r) => r.path.startsWith('/imp/'))).toBe(false);
  });

  it('says how many rows the panel’s API only hides, and nothing once it is off (the popup’s sentence)', async () => {
    const { store, source, summary } = setupPanel();
    source.emit(harEntry({ url: 'https://live.io/', status: 200, resourceType: 'document' }), {
      text: '<html></html>',
    });
    source.emit(harEntry({ url: 'https://live.io/api', status: 200, headers: J, resourceType: 'fetch' }), {
      text: '{}',
    });
    await vi.waitFor(() => expect(summary.replaced.at(-1)?.summary.families['2xx']).toBe(2));
    expect(store.getState().filter.apiOnly).toBe(true);
    expect(summary.replaced.at(-1)!.summary.apiOnlyHides).toBe(1);
    // Turned off in the panel: the summary is sent again, without it.
    store.getState().setFilter({ apiOnly: false });
    await vi.waitFor(() => expect(summary.replaced.at(-1)!.summary).not.toHaveProperty('apiOnlyHides'));
    store.getState().setFilter({ apiOnly: true });
    await vi.waitFor(() => expect(summary.replaced.at(-1)!.summary.apiOnlyHides).toBe(1));
  });

  it('with only imported rows, nothing is reported for the tab (a re-analysis does not sneak them in)', async () => {
    const { store, summary, importer, settingsStore } = setupPanel();
    await importer.importFiles([importFile('only.har', harText(2))]);
    await vi.waitFor(() => expect(store.getState().rows).toHaveLength(2));
    // A rules change re-runs the engine over every row, imported ones too.
    const next = defaultSettings();
    next.rules = { 'http/created-location': 'off' };
    await settingsStore.save(next);
    await tick(20);
    expect(summary.replaced).toEqual([]);
  });

  it('when the retention cap drops the last live rows, the tab summary is cleared as on Clear', async () => {
    const settings = defaultSettings();
    settings.capture.retentionCap = 2;
    const { store, source, summary, importer } = setupPanel(settings);
    source.emit(harEntry({ url: 'https://live.io/a', status: 500, headers: J }), { text: '{}' });
    await vi.waitFor(() => expect(summary.replaced).toHaveLength(1));
    await importer.importFiles([importFile('big.har', harText(2))]);
    await vi.waitFor(() => expect(store.getState().rows.every((r) => r.imported)).toBe(true));
    await vi.waitFor(() => expect(summary.cleared).toEqual([7]));
    expect(summary.replaced).toHaveLength(1);
  });

  it("hides what the user's redaction lists name (a header, a body member) in what it sends", async () => {
    const settings = defaultSettings();
    settings.redaction.headers.push('x-tenant-pass');
    settings.redaction.bodyMembers.push('tenantref');
    const { source, summary } = setupPanel(settings);
    const secret = 'Qz7mW2xPLk94';
    source.emit(
      harEntry({
        url: `https://live.io/t/${secret}?tenantRef=Wq8nR3yTLp52`,
        status: 500,
        headers: J,
        requestHeaders: { 'X-Tenant-Pass': secret },
      }),
      { text: '{}' },
    );
    await vi.waitFor(() => expect(summary.replaced.length).toBeGreaterThan(0));
    expect(summary.replaced.at(-1)!.summary.recent.map((r) => r.path)).toEqual([
      '/t/[REDACTED]?tenantRef=[REDACTED]',
    ]);
  });

  it('summarizeRows skips imported rows', () => {
    const { store } = setupPanel();
    const ex = (id: string, status: number) => ({
      exchange: { ...makeExchange({ url: `https://x.io/${id}`, status }), id },
    });
    store.getState().addRows([ex('live', 500), { ...ex('imp', 404), imported: true }]);
    const s = summarizeRows(store.getState().rows, 1);
    expect(s.families['5xx']).toBe(1);
    expect(s.families['4xx']).toBe(0);
  });
});
