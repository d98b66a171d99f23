// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JsonValue } from '../../../src/core/json/walk';
import { JsonTree } from '../../../src/ui/json-tree/JsonTree';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const doc = JSON.parse(
  '{"user":{"name":"Ada","roles":["admin","ops"],"address":{"city":"London","zip":{"code":"N1","extra":{"deep":"needle"}}}},"count":2}',
) as JsonValue;

const rowOf = (pointer: string) => document.querySelector(`[role="treeitem"][data-pointer="${pointer}"]`);
const pointers = () => screen.getAllByRole('treeitem').map((r) => r.getAttribute('data-pointer'));

describe('JsonTree', () => {
  it('starts with small levels open and shows the path on hover', () => {
    render(<JsonTree value={doc} />);
    expect(pointers()).toEqual([
      '',
      '/user',
      '/user/name',
      '/user/roles',
      '/user/roles/0',
      '/user/roles/1',
      '/user/address',
      '/user/address/city',
      '/user/address/zip',
      '/count',
    ]);
    expect(rowOf('/user/address/city')).toHaveAttribute('title', '/user/address/city');
    expect(rowOf('')).toHaveAttribute('title', '(whole document)');
    expect(rowOf('/user/address/zip')).toHaveAttribute('aria-expanded', 'false');
    expect(rowOf('/user/address/zip')).toHaveTextContent('{code: "N1", extra: {…}}');
  });

  it('expands and collapses with the toggle', () => {
    render(<JsonTree value={doc} />);
    fireEvent.click(
      within(rowOf('/user/address/zip') as HTMLElement).getByRole('button', { name: 'Expand' }),
    );
    expect(rowOf('/user/address/zip/code')).not.toBeNull();
    expect(rowOf('/user/address/zip')).toHaveAttribute('aria-expanded', 'true');
    fireEvent.click(within(rowOf('/user') as HTMLElement).getByRole('button', { name: 'Collapse' }));
    expect(pointers()).toEqual(['', '/user', '/count']);
    fireEvent.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(rowOf('/user/address/zip/extra/deep')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(pointers()).toEqual(['', '/user', '/count']);
  });

  it('supports the keyboard: arrows move, right opens, left closes or goes to the parent', () => {
    render(<JsonTree value={doc} />);
    const tree = screen.getByRole('tree');
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    expect(tree.getAttribute('aria-activedescendant')).toBe(rowOf('/user')!.id);
    fireEvent.keyDown(tree, { key: 'ArrowLeft' });
    expect(pointers()).toEqual(['', '/user', '/count']);
    fireEvent.keyDown(tree, { key: 'ArrowRight' });
    expect(rowOf('/user/name')).not.toBeNull();
    fireEvent.keyDown(tree, { key: 'ArrowRight' });
    expect(tree.getAttribute('aria-activedescendant')).toBe(rowOf('/user/name')!.id);
    fireEvent.keyDown(tree, { key: 'ArrowLeft' });
    expect(tree.getAttribute('aria-activedescendant')).toBe(rowOf('/user')!.id);
  });

  it('never names an active row that scrolled out of the rendered window', () => {
    render(<JsonTree value={Array.from({ length: 5000 }, (_, i) => ({ i })) as JsonValue} />);
    const tree = screen.getByRole('tree');
    const named = () => tree.getAttribute('aria-activedescendant');
    expect(named()).not.toBeNull();
    expect(document.getElementById(named()!)).not.toBeNull();
    act(() => {
      tree.scrollTop = 50_000;
      fireEvent.scroll(tree);
    });
    expect(rowOf('')).toBeNull();
    expect(named()).toBeNull();
    // The keys bring it back into view, and into the name.
    fireEvent.keyDown(tree, { key: 'Home' });
    expect(document.getElementById(named()!)).toBe(rowOf(''));
  });

  it('searches keys and values and opens the way to the matches', () => {
    vi.useFakeTimers();
    render(<JsonTree value={doc} />);
    expect(rowOf('/user/address/zip/extra/deep')).toBeNull();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search keys and values' }), {
      target: { value: 'NEEDLE' },
    });
    act(() => vi.advanceTimersByTime(200));
    const hit = rowOf('/user/address/zip/extra/deep');
    expect(hit).not.toBeNull();
    expect(hit).toHaveClass('jt-match');
    expect(hit).toHaveClass('jt-current');
    expect(screen.getByRole('status')).toHaveTextContent(/^1 of 1 match$/);
  });

  it('steps through several matches with Enter and the arrows', () => {
    render(<JsonTree value={doc} />);
    const box = screen.getByRole('searchbox');
    fireEvent.change(box, { target: { value: 'o' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    const status = screen.getByRole('status');
    expect(status.textContent).toMatch(/^1 of \d+ matches$/);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(status.textContent).toMatch(/^2 of/);
    fireEvent.click(screen.getByRole('button', { name: 'Previous match' }));
    expect(status.textContent).toMatch(/^1 of/);
    fireEvent.change(box, { target: { value: 'zzz' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(status).toHaveTextContent('No matches');
  });

  it('copies a value and a path', () => {
    const onCopy = vi.fn();
    render(<JsonTree value={doc} onCopy={onCopy} />);
    const roles = rowOf('/user/roles') as HTMLElement;
    fireEvent.click(within(roles).getByRole('button', { name: 'Copy path' }));
    expect(onCopy).toHaveBeenLastCalledWith('/user/roles', 'path', '/user/roles');
    fireEvent.click(within(roles).getByRole('button', { name: 'Copy value' }));
    expect(onCopy).toHaveBeenLastCalledWith('[\n  "admin",\n  "ops"\n]', 'value', '/user/roles');
    fireEvent.click(within(rowOf('/user/name') as HTMLElement).getByRole('button', { name: 'Copy value' }));
    expect(onCopy).toHaveBeenLastCalledWith('Ada', 'value', '/user/name');
  });

  it('reveals a member given by pointer', () => {
    render(<JsonTree value={doc} reveal="/user/address/zip/extra/deep" />);
    const row = rowOf('/user/address/zip/extra/deep');
    expect(row).toHaveAttribute('aria-current', 'location');
    expect(row).toHaveClass('jt-revealed');
  });

  it('ignores a pointer that names nothing', () => {
    render(<JsonTree value={doc} reveal="/nope/1" />);
    expect(document.querySelector('[aria-current]')).toBeNull();
  });

  it('renders primitives at the root and empty containers', () => {
    render(<JsonTree value={'just a string'} />);
    expect(screen.getByText('"just a string"')).toBeInTheDocument();
    cleanup();
    render(<JsonTree value={{ a: [], b: {} }} />);
    expect(rowOf('/a')).toHaveTextContent('a: [] (0 items)');
    expect(rowOf('/b')).toHaveTextContent('b: {} (0 keys)');
  });

  it('cuts very long strings in the row but copies them whole', () => {
    const onCopy = vi.fn();
    const long = 'x'.repeat(100_000);
    render(<JsonTree value={{ long }} onCopy={onCopy} />);
    const row = rowOf('/long') as HTMLElement;
    expect(row.textContent!.length).toBeLessThan(1000);
    fireEvent.click(within(row).getByRole('button', { name: 'Copy value' }));
    expect(onCopy).toHaveBeenLastCalledWith(long, 'value', '/long');
  });
});
