// @vitest-environment jsdom
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/core/settings/schema';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

const WAIT = { timeout: 10_000 };

/** A 429 asking for 5 s, retried at once: `session/retry-too-soon` unless its tolerance covers 5 s. */
function retryAtOnce(source: ReturnType<typeof setupPanel>['source'], path: string) {
  const url = `https://api.example.com/v1/${path}`;
  act(() => {
    source.emit(harEntry({ url, status: 429, headers: { 'Retry-After': '5' }, resourceType: 'fetch' }));
  });
  act(() => {
    source.emit(harEntry({ url, status: 200, resourceType: 'fetch' }));
  });
}

describe('rule options reach the panel’s session analysis (#18)', () => {
  it('new rows are judged by thresholds saved after the panel opened', { timeout: 30_000 }, async () => {
    const { source, store, settingsStore } = setupPanel();
    const rulesOf = (i: number) => store.getState().rows[i]?.analysis?.findings.map((f) => f.rule);
    retryAtOnce(source, 'a');
    await waitFor(() => expect(rulesOf(1)).toContain('session/retry-too-soon'), WAIT);

    // The options page saves a tolerance that covers the 5 s.
    const tuned = defaultSettings();
    tuned.ruleOptions = { 'session/retry-too-soon': { toleranceMs: 10_000 } };
    await settingsStore.save(tuned);
    retryAtOnce(source, 'b');
    await waitFor(() => expect(rulesOf(3)).toBeDefined(), WAIT);
    expect(rulesOf(3)).not.toContain('session/retry-too-soon');

    // And back to the default: the same pattern is a finding again.
    await settingsStore.save(defaultSettings());
    retryAtOnce(source, 'c');
    await waitFor(() => expect(rulesOf(5)).toContain('session/retry-too-soon'), WAIT);
  });
});
