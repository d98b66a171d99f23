// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { setupPanel } from '../../helpers/panel';

describe('the Requests / Endpoints / Codes tabs', () => {
  it('are ARIA tabs wired to their panels, with only the selected tab in the Tab order', () => {
    const { renderIn } = setupPanel();
    renderIn(<App />);
    const tablist = screen.getByRole('tablist', { name: 'Views' });
    const tabs = within(tablist).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Requests', 'Endpoints', 'Codes']);
    // Nothing but tabs inside the tab list: Import / Export sit beside it.
    expect(within(tablist).queryByRole('button')).toBeNull();
    expect([...tablist.children].every((c) => c.getAttribute('role') === 'tab')).toBe(true);
    expect(screen.getByRole('button', { name: 'Import HAR' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Export/ })).toBeInTheDocument();

    expect(tabs.map((t) => t.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
    for (const tab of tabs) {
      const panel = document.getElementById(tab.getAttribute('aria-controls')!);
      expect(panel).toHaveAttribute('role', 'tabpanel');
      expect(panel).toHaveAttribute('aria-labelledby', tab.id);
    }
    const shown = screen
      .getAllByRole('tabpanel')
      .filter((p) => p.getAttribute('aria-labelledby') === tabs[0]!.id);
    expect(shown).toHaveLength(1);
    expect(within(shown[0]!).getByRole('grid', { name: 'Requests' })).toBeInTheDocument();
  });

  it('move selection and focus with ArrowRight / ArrowLeft (wrapping), Home and End', async () => {
    const user = userEvent.setup();
    const { renderIn, store } = setupPanel();
    renderIn(<App />);
    const tab = (name: string) => screen.getByRole('tab', { name });
    await user.click(tab('Requests'));
    expect(document.activeElement).toBe(tab('Requests'));

    await user.keyboard('{ArrowRight}');
    expect(store.getState().view).toBe('endpoints');
    expect(document.activeElement).toBe(tab('Endpoints'));
    expect(tab('Endpoints')).toHaveAttribute('aria-selected', 'true');
    expect(tab('Endpoints')).toHaveAttribute('tabindex', '0');
    expect(tab('Requests')).toHaveAttribute('tabindex', '-1');

    await user.keyboard('{End}');
    expect(store.getState().view).toBe('codes');
    expect(document.activeElement).toBe(tab('Codes'));
    await user.keyboard('{ArrowRight}');
    expect(store.getState().view).toBe('requests');
    expect(document.activeElement).toBe(tab('Requests'));
    await user.keyboard('{ArrowLeft}');
    expect(store.getState().view).toBe('codes');
    await user.keyboard('{Home}');
    expect(store.getState().view).toBe('requests');
    expect(document.activeElement).toBe(tab('Requests'));

    // Tab leaves the tab list (one stop) for the buttons beside it.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Import HAR' }));
  });
});
