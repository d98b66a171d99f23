import { render } from '@testing-library/react';
import type { Exchange } from '../../../src/core/exchange/types';
import type { Analysis } from '../../../src/core/rules/types';
import { defaultSettings, type Settings } from '../../../src/core/settings/schema';
import { createPanelStore, type DetailTab } from '../../../src/state/panel-store';
import { DetailView } from '../../../src/surfaces/panel/detail/DetailView';
import { PanelProvider } from '../../../src/surfaces/panel/panel-context';

export interface DetailSetup {
  analysis?: Analysis;
  bodyNote?: string;
  settings?: Settings;
  tab?: DetailTab;
}

/** Renders the detail view over a real panel store holding one selected row. */
export function renderDetail(exchange: Exchange, setup: DetailSetup = {}) {
  const store = createPanelStore({ settings: setup.settings ?? defaultSettings() });
  const s = store.getState();
  s.addRows([setup.bodyNote ? { exchange, bodyNote: setup.bodyNote } : { exchange }]);
  if (setup.analysis) s.applyAnalyses([{ id: exchange.id, analysis: setup.analysis }]);
  s.select(exchange.id);
  if (setup.tab) s.setDetailTab(setup.tab);
  const utils = render(
    <PanelProvider value={store}>
      <DetailView />
    </PanelProvider>,
  );
  return { store, ...utils };
}

/** Replaces navigator.clipboard with a recorder; returns what was written. */
export function mockClipboard(): { written: string[]; restore: () => void } {
  const written: string[] = [];
  const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: (t: string) => (written.push(t), Promise.resolve()) },
  });
  return {
    written,
    restore: () => {
      if (original) Object.defineProperty(navigator, 'clipboard', original);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    },
  };
}
