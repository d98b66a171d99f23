// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { SHORTCUTS } from '../../../src/surfaces/panel/shortcut-keys';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

afterEach(cleanup);

/** The README's shortcut table: its rows as [keys, what], the keys without their backticks. */
function readmeShortcuts(): [string, string][] {
  const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
  const at = readme.indexOf('#### Keyboard shortcuts');
  expect(at).toBeGreaterThan(-1);
  const lines = readme.slice(at).split('\n').slice(2);
  const table = lines.slice(
    0,
    lines.findIndex((l) => !l.startsWith('|')),
  );
  return table.slice(2).map((l) => {
    const [keys, what] = l
      .slice(1, -1)
      .split('|')
      .map((c) => c.trim());
    return [keys!.replace(/^`|`$/g, ''), what!];
  });
}

describe('the shortcut sheet, the keys and the README say the same (review finding 10)', () => {
  it('the ? sheet lists every shortcut the panel handles, Resend and Edit and resend included', async () => {
    const user = userEvent.setup();
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    act(() => {
      source.emit(harEntry({ url: 'https://api.example.com/users', method: 'POST', status: 201 }), {
        text: '{}',
      });
    });
    await waitFor(() => expect(screen.getAllByRole('row').filter((r) => r.dataset.id)).toHaveLength(1));
    screen.getByRole('grid').focus();
    await user.keyboard('?');
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const shown = within(sheet)
      .getAllByRole('definition')
      .map((dd) => [dd.previousElementSibling!.textContent, dd.textContent]);
    expect(shown).toContainEqual(['R', 'Resend the selected request (list focused)']);
    expect(shown).toContainEqual(['Shift+R', 'Edit and resend the selected request (list focused)']);
    expect(shown).toHaveLength(Object.keys(SHORTCUTS).length);
  });

  it("the README's shortcut table is the sheet's list, row for row", () => {
    expect(readmeShortcuts()).toEqual(Object.values(SHORTCUTS).map((s) => [s.keys('Ctrl/⌘+'), s.what]));
  });
});
