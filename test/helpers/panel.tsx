import { vi } from 'vitest';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import {
  MemoryContractStore,
  MemoryNetworkSource,
  MemorySettingsStore,
  MemorySummarySink,
} from '../../src/adapters/memory';
import { followContracts } from '../../src/surfaces/panel/contracts';
import { followSearch } from '../../src/surfaces/panel/search-feed';
import { defaultSettings, type Settings } from '../../src/core/settings/schema';
import { createPanelStore } from '../../src/state/panel-store';
import { settingsEditor } from '../../src/state/settings-edits';
import { storeLoadedDescription } from '../../src/state/contract-load';
import { PanelActionsContext, type PanelActions } from '../../src/surfaces/panel/actions';
import { createInlineAnalyzer } from '../../src/surfaces/panel/analyzer';
import { startCapture } from '../../src/surfaces/panel/capture';
import { createImporter } from '../../src/surfaces/panel/importer';
import { createBodyHandles } from '../../src/surfaces/panel/body-handles';
import { createEndpointsFeed, EndpointsFeedContext } from '../../src/surfaces/panel/endpoints-feed';
import { PanelProvider } from '../../src/surfaces/panel/panel-context';

/** The panel wired to in-memory fakes of every port, with the engine running inline. */
export function setupPanel(settings: Settings = defaultSettings()) {
  const store = createPanelStore({ settings });
  const contracts = new MemoryContractStore();
  const source = new MemoryNetworkSource();
  const settingsStore = new MemorySettingsStore(settings);
  const summary = new MemorySummarySink();
  const analyzer = createInlineAnalyzer();
  const importer = createImporter(analyzer, store);
  const downloads: { fileName: string; mimeType: string; text: string }[] = [];
  const bodies = createBodyHandles();
  const endpoints = createEndpointsFeed(analyzer, store);
  const editSettings = settingsEditor(settingsStore);
  const actions: PanelActions = {
    loadBody: (id) => bodies.load(id),
    importFiles: (files) => void importer.importFiles(files),
    download: (fileName, mimeType, text) => downloads.push({ fileName, mimeType, text }),
    loadContract: async (doc) =>
      storeLoadedDescription(contracts, doc, await contracts.list(), (l, p) =>
        analyzer.checkDescription(l, p),
      ),
    exportText: (job) => analyzer.exportText(job),
    editSettings: (recipe) => void editSettings(recipe),
  };
  const stop = startCapture({
    source,
    store,
    analyzer,
    keepBody: bodies.keep,
    settings: settingsStore,
    summary,
    tabId: 7,
    flushMs: 0,
    summaryMs: 0,
  });
  followContracts(contracts, analyzer, store);
  followSearch(analyzer, store);
  const renderIn = (ui: ReactElement) =>
    render(
      <PanelProvider value={store}>
        <PanelActionsContext.Provider value={actions}>
          <EndpointsFeedContext.Provider value={endpoints}>{ui}</EndpointsFeedContext.Provider>
        </PanelActionsContext.Provider>
      </PanelProvider>,
    );
  return { store, source, settingsStore, summary, analyzer, importer, downloads, stop, renderIn, contracts };
}

/**
 * Every element a ResizeObserver watches measures `width` px wide (DevTools docked to the side,
 * say); undo with vi.unstubAllGlobals().
 */
export function dockedAt(width: number) {
  class FixedObserver {
    constructor(private readonly cb: ResizeObserverCallback) {}
    observe(target: Element) {
      this.cb([{ target, contentRect: { width } } as unknown as ResizeObserverEntry], this as never);
    }
    unobserve() {}
    disconnect() {}
  }
  vi.stubGlobal('ResizeObserver', FixedObserver);
}
