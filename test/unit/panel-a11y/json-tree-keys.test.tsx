// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { JsonValue } from '../../../src/core/json/walk';
import { JsonTree } from '../../../src/ui/json-tree/JsonTree';
import { makeExchange } from '../../helpers/exchange';
import { mockClipboard, renderDetail } from '../panel-detail/render';

const doc = JSON.parse('{"user":{"name":"Ada","roles":["admin"]},"count":2}') as JsonValue;

describe('JSON tree copy shortcuts', () => {
  it('copies the active item with C (value) and P (path)', async () => {
    const user = userEvent.setup();
    const onCopy = vi.fn();
    render(<JsonTree value={doc} onCopy={onCopy} />);
    const tree = screen.getByRole('tree');
    tree.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.getElementById(tree.getAttribute('aria-activedescendant')!)).toHaveAttribute(
      'data-pointer',
      '/user/name',
    );
    await user.keyboard('c');
    expect(onCopy).toHaveBeenLastCalledWith('Ada', 'value', '/user/name');
    await user.keyboard('p');
    expect(onCopy).toHaveBeenLastCalledWith('/user/name', 'path', '/user/name');
    await user.keyboard('{ArrowUp}C');
    expect(onCopy).toHaveBeenLastCalledWith(
      JSON.stringify({ name: 'Ada', roles: ['admin'] }, null, 2),
      'value',
      '/user',
    );
    // Ctrl+C stays the browser's.
    onCopy.mockClear();
    await user.keyboard('{Control>}c{/Control}');
    expect(onCopy).not.toHaveBeenCalled();
  });

  it('makes the shortcuts discoverable on the tree and the buttons', () => {
    render(<JsonTree value={doc} onCopy={() => {}} />);
    expect(screen.getByRole('tree')).toHaveAccessibleDescription(/C copies the value, P copies the path/);
    const [value] = screen.getAllByRole('button', { name: 'Copy value' });
    const [path] = screen.getAllByRole('button', { name: 'Copy path' });
    expect(value).toHaveAttribute('aria-keyshortcuts', 'C');
    expect(value).toHaveAttribute('title', expect.stringContaining('(C)'));
    expect(path).toHaveAttribute('aria-keyshortcuts', 'P');
  });

  it('has no copy shortcuts (and does not announce any) without a copy handler', async () => {
    const user = userEvent.setup();
    render(<JsonTree value={doc} />);
    const tree = screen.getByRole('tree');
    expect(tree).not.toHaveAccessibleDescription(/copies/);
    tree.focus();
    await user.keyboard('c');
    expect(screen.queryByRole('button', { name: 'Copy value' })).toBeNull();
  });

  it('copies to the clipboard from the Body tab and confirms it', async () => {
    const user = userEvent.setup();
    const clip = mockClipboard();
    try {
      renderDetail(
        makeExchange({ headers: { 'Content-Type': 'application/json' }, body: { token: 'abc', id: 7 } }),
        { tab: 'body' },
      );
      screen.getByRole('tree').focus();
      // The key copies what the button does: a member named as a credential is hidden by default.
      await user.keyboard('{ArrowDown}c');
      await waitFor(() => expect(clip.written).toEqual(['[REDACTED]']));
      expect(await screen.findByText('Copied value (secrets hidden)')).toBeInTheDocument();
      await user.keyboard('{ArrowDown}c');
      await waitFor(() => expect(clip.written).toEqual(['[REDACTED]', '7']));
      expect(await screen.findByText('Copied value')).toBeInTheDocument();
    } finally {
      clip.restore();
    }
  });
});
