// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MemorySummarySource, MemoryTabs } from '../../../src/adapters/memory';
import type { Analysis, Finding } from '../../../src/core/rules/types';
import { addToSummary, emptySummary } from '../../../src/core/summary/summary';
import { createPopupStore } from '../../../src/state/popup-store';
import { App as PopupApp } from '../../../src/surfaces/popup/App';
import { PopupProvider } from '../../../src/surfaces/popup/popup-context';
import { makeExchange } from '../../helpers/exchange';
import { renderDetail } from '../panel-detail/render';

describe('focus after a finding opens the Body tab', () => {
  it('lands on the body tree, with the revealed member as its active item', async () => {
    const user = userEvent.setup();
    const finding: Finding = {
      rule: 'body/soft-error',
      severity: 'error',
      message: 'error member in a 200',
      pointer: '/data/items/1/error',
      source: { label: 'Status Lens', url: 'https://example.com/rule' },
    } as Finding;
    const analysis: Analysis = { findings: [finding], problems: [] };
    const body = { data: { items: [{ id: 1 }, { id: 2, error: 'boom' }] }, meta: 1 };
    renderDetail(makeExchange({ headers: { 'Content-Type': 'application/json' }, body }), { analysis });
    const button = screen.getByRole('button', { name: /error member in a 200/ });
    button.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('tab', { name: 'Body' })).toHaveAttribute('aria-selected', 'true');
    const tree = screen.getByRole('tree');
    expect(document.activeElement).toBe(tree);
    const active = document.getElementById(tree.getAttribute('aria-activedescendant')!);
    expect(active).toHaveAttribute('data-pointer', '/data/items/1/error');
  });

  it('falls back to the Body panel when the body is not a JSON tree', async () => {
    const user = userEvent.setup();
    const finding = {
      rule: 'body/x',
      severity: 'warning',
      message: 'about the whole body',
      pointer: '',
      source: { label: 'Status Lens', url: 'https://example.com/rule' },
    } as Finding;
    renderDetail(makeExchange({ headers: { 'Content-Type': 'text/plain' }, body: 'plain' }), {
      analysis: { findings: [finding], problems: [] },
    });
    await user.click(screen.getByRole('button', { name: /about the whole body/ }));
    expect(document.activeElement).toBe(screen.getByRole('tabpanel'));
    expect(document.activeElement).toHaveAttribute(
      'aria-labelledby',
      screen.getByRole('tab', { name: 'Body' }).id,
    );
  });
});

describe('focus after "Clear this tab" in the popup', () => {
  it('moves to the "Nothing recorded" message instead of staying on the now-disabled button', async () => {
    const user = userEvent.setup();
    const source = new MemorySummarySource();
    source.set(
      1,
      addToSummary(
        emptySummary(1),
        [{ method: 'GET', url: 'https://api.test/x', status: 500, findings: [] }],
        1,
      ),
    );
    const store = createPopupStore({ source, tabs: new MemoryTabs() });
    render(
      <PopupProvider value={store}>
        <PopupApp />
      </PopupProvider>,
    );
    const clear = await screen.findByRole('button', { name: 'Clear this tab' });
    await screen.findByRole('list', { name: 'Requests by status family' });
    clear.focus();
    await user.keyboard('{Enter}');
    const message = await screen.findByText(/Nothing recorded for this tab yet/);
    expect(clear).toBeDisabled();
    expect(document.activeElement).toBe(message.closest('[role="status"]'));
    expect(document.activeElement).toHaveAttribute('tabindex', '-1');
  });

  it('does not take focus when the tab simply has no data', async () => {
    const store = createPopupStore({ source: new MemorySummarySource(), tabs: new MemoryTabs() });
    render(
      <PopupProvider value={store}>
        <PopupApp />
      </PopupProvider>,
    );
    await screen.findByText(/Nothing recorded for this tab yet/);
    expect(document.activeElement).toBe(document.body);
  });
});
