// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { explainStatus } from '../../../src/core/catalogue';
import { ENTRY_HEADINGS, entryView, type EntryView } from '../../../src/core/catalogue/entry-view';
import { BUILTIN_PROFILE_IDS as PROFILE_IDS } from '../../../src/core/profiles/builtins';
import { defaultSettings } from '../../../src/core/settings/schema';
import { App } from '../../../src/surfaces/panel/App';
import { cli } from '../cli/cli-harness';
import { makeExchange } from '../../helpers/exchange';
import { setupPanel } from '../../helpers/panel';
import { renderDetail } from './render';

afterEach(cleanup);

/**
 * One catalogue entry, three renderings (the Overview tab, the Codes view, `status-lens explain`):
 * each says everything the shared entry model says, with the same headings and wording.
 * 413 has former names, causes, headers and a profile note, so every part is exercised.
 */
const entry = explainStatus(413);

function phrases(v: EntryView, opts: { title: boolean }): string[] {
  return [
    ...(opts.title ? [v.title, v.summary, ...(v.formerly ? [v.formerly] : [])] : []),
    ENTRY_HEADINGS.standing,
    v.standing,
    ENTRY_HEADINGS.definedBy,
    v.definedBy.label,
    v.meaning,
    ...(v.causes.length > 0 ? [ENTRY_HEADINGS.causes, ...v.causes] : []),
    ENTRY_HEADINGS.action,
    v.action,
    ENTRY_HEADINGS.retry,
    v.retry.note,
    ...(v.headers.length > 0 ? [ENTRY_HEADINGS.headers, ...v.headers] : []),
    ...(v.profileNotes.length > 0 ? [ENTRY_HEADINGS.profiles] : []),
    ...v.profileNotes.flatMap((n) => [n.name, n.note]),
  ];
}

describe('a catalogue entry reads the same wherever it is shown', () => {
  it('the model has every part for the test entry', () => {
    const v = entryView(entry);
    expect(v.formerly).toMatch(/^Formerly: /);
    expect(v.causes.length).toBeGreaterThan(0);
    expect(v.headers.length).toBeGreaterThan(0);
    expect(v.profileNotes.length).toBeGreaterThan(0);
  });

  it('status-lens explain', async () => {
    const r = await cli(['explain', '413']);
    expect(r.code).toBe(0);
    for (const p of phrases(entryView(entry), { title: true }).filter((p) => p !== ENTRY_HEADINGS.standing)) {
      expect(r.stdout, p).toContain(p);
    }
  });

  it('the Overview tab, with notes for the profiles the user has on', () => {
    const settings = defaultSettings();
    settings.profiles = [...PROFILE_IDS];
    renderDetail(makeExchange({ status: 413 }), { settings, analysis: { findings: [], problems: [] } });
    const text = screen.getByRole('region', { name: 'Status explanation' }).textContent ?? '';
    for (const p of phrases(entryView(entry, PROFILE_IDS), { title: true })) expect(text, p).toContain(p);
  });

  it('the Codes view', () => {
    const { renderIn } = setupPanel();
    renderIn(<App />);
    fireEvent.click(screen.getByRole('tab', { name: 'Codes' }));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search status codes' }), {
      target: { value: '413' },
    });
    const region = screen.getByRole('region', { name: 'Status codes' });
    const text = region.textContent ?? '';
    expect(within(region).getByText(/Formerly: Payload Too Large/)).toBeInTheDocument();
    for (const p of phrases(entryView(entry), { title: false })) expect(text, p).toContain(p);
  });
});
