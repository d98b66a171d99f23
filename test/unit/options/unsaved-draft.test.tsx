// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderOptions } from '../../helpers/options';

afterEach(cleanup);

/** The page's save status, beside its heading. */
const status = () => document.querySelector('.save-status')?.textContent ?? '';
/** What typing leaves in a field, at once (user-event's key by key takes seconds on a busy machine). */
const typeIn = (field: HTMLElement, text: string) => fireEvent.change(field, { target: { value: text } });

describe('the save status while a field holds an unsaved draft', { timeout: 20_000 }, () => {
  it('says which field is unsaved, not "Saved", until the field is left', async () => {
    const { settingsStore } = renderOptions();
    // Something saved first: the status says "Saved".
    fireEvent.click(await screen.findByRole('checkbox', { name: /Preserve log/ }));
    await waitFor(() => expect(status()).toBe('Saved'));

    const kept = screen.getByLabelText('Requests kept in the panel');
    typeIn(kept, '300');
    expect(status()).toBe(
      'Unsaved change in Requests kept in the panel — press Enter or leave the field to save',
    );
    expect(settingsStore.saved.at(-1)?.capture.retentionCap).toBe(20_000);

    // Not valid as typed: leaving it saves nothing, and the status still says so.
    typeIn(kept, '300000000000');
    fireEvent.blur(kept);
    expect(status()).toBe('Unsaved change in Requests kept in the panel — not valid as typed');

    // A valid number again, and Enter: saved, and "Saved" again.
    typeIn(kept, '300');
    fireEvent.keyDown(kept, { key: 'Enter' });
    await waitFor(() => expect(status()).toBe('Saved'));
    expect(settingsStore.saved.at(-1)?.capture.retentionCap).toBe(300);
  });

  it('a list saves when left: says so, and names both fields when two hold drafts', async () => {
    const { settingsStore } = renderOptions();
    const headers = await screen.findByLabelText('Header names');
    typeIn(headers, 'x-api-key');
    expect(status()).toBe('Unsaved change in Redaction: Header names — leave the field to save');

    const rule = screen.getByLabelText('minCalls of session/n-plus-one');
    typeIn(rule, '1');
    expect(status()).toBe('Unsaved changes in Redaction: Header names and minCalls of session/n-plus-one');
    // Esc gives the threshold's draft up; leaving the list saves it: "Saved".
    fireEvent.keyDown(rule, { key: 'Escape' });
    expect(status()).toBe('Unsaved change in Redaction: Header names — leave the field to save');
    fireEvent.blur(headers);
    await waitFor(() => expect(status()).toBe('Saved'));
    expect(settingsStore.saved.at(-1)?.redaction.headers).toContain('x-api-key');
  });
});
