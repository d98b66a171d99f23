// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

async function panelWithTraffic() {
  const user = userEvent.setup();
  const panel = setupPanel();
  panel.renderIn(<App />);
  act(() =>
    panel.source.emit(
      harEntry({
        url: 'https://api.example.com/me',
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        requestHeaders: { Authorization: 'Bearer SECRET-BEARER' },
      }),
      { text: '{}' },
    ),
  );
  await waitFor(() => expect(screen.getAllByRole('row').some((r) => r.hasAttribute('data-id'))).toBe(true));
  const trigger = screen.getByRole('button', { name: /Export/ });
  return { user, trigger, ...panel };
}

const items = () => [...screen.getAllByRole('menuitem'), ...screen.getAllByRole('menuitemcheckbox')];

describe('the Export menu', () => {
  it('opens on ArrowDown with focus on the first item and moves with arrows, Home and End', async () => {
    const { user, trigger } = await panelWithTraffic();
    trigger.focus();
    await user.keyboard('{ArrowDown}');
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    const menu = screen.getByRole('menu', { name: 'Export' });
    expect(trigger).toHaveAttribute('aria-controls', menu.id);
    const all = items();
    expect(all.every((i) => i.getAttribute('tabindex') === '-1')).toBe(true);
    expect(document.activeElement).toBe(all[0]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(all[1]);
    await user.keyboard('{End}');
    expect(document.activeElement).toHaveAccessibleName(/Include secrets/);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(all[0]);
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toHaveAccessibleName(/Include secrets/);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(all[0]);
  });

  it('closes on Escape and returns focus to the button', async () => {
    const { user, trigger } = await panelWithTraffic();
    await user.click(trigger);
    expect(screen.getByRole('menu')).toBeInTheDocument();
    expect(document.activeElement).toHaveAttribute('role', 'menuitem');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    expect(document.activeElement).toBe(trigger);
  });

  it('closes on a click outside and on Tab', async () => {
    const { user, trigger } = await panelWithTraffic();
    await user.click(trigger);
    await user.click(document.querySelector<HTMLElement>('.status-bar')!);
    expect(screen.queryByRole('menu')).toBeNull();
    await user.click(trigger);
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await user.tab();
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('has "Include secrets" as a menuitemcheckbox that Space toggles without closing', async () => {
    const { user, trigger, downloads } = await panelWithTraffic();
    trigger.focus();
    await user.keyboard('{ArrowUp}');
    const box = screen.getByRole('menuitemcheckbox', { name: /Include secrets/ });
    expect(document.activeElement).toBe(box);
    expect(box).toHaveAttribute('aria-checked', 'false');
    await user.keyboard(' ');
    expect(box).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await user.keyboard('{Home}{Enter}');
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.text).toContain('SECRET-BEARER');
  });

  it('returns focus to the button after an export closes the menu', async () => {
    const { user, trigger, downloads } = await panelWithTraffic();
    trigger.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.fileName).toMatch(/^status-lens-report-/);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });
});
