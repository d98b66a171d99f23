import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { devtoolsEnvironment } from '../../adapters/chrome/devtools';
import { chromeNetworkSource } from '../../adapters/chrome/network-source';
import { chromePanelPresence } from '../../adapters/chrome/panel-presence';
import { chromeProfileStore } from '../../adapters/chrome/profile-store';
import { chromeSettingsStore } from '../../adapters/chrome/settings-store';
import { chromeContractStore } from '../../adapters/chrome/contract-store';
import { followContracts } from './contracts';
import { storeLoadedDescription } from '../../state/contract-load';
import { followSearch } from './search-feed';
import { panelSearchInbox } from '../../adapters/chrome/devtools-search';
import { followDevtoolsSearch } from './devtools-search';
import { mergedSettingsStore } from '../../state/merged-settings';
import { settingsEditor } from '../../state/settings-edits';
import { openingSettings } from '../../state/settings-start';
import { chromeSummarySink } from '../../adapters/chrome/summary';
import { chromeSessionArea } from '../../adapters/chrome/session-area';
import { followDismissals } from './suggestion-dismissals';
import { createPanelStore } from '../../state/panel-store';
import '../../ui/theme.css';
import './panel.css';
import { downloadText } from '../../ui/download';
import { PanelActionsContext, type PanelActions } from './actions';
import { App } from './App';
import { startCapture } from './capture';
import { createImporter } from './importer';
import { createBodyHandles } from './body-handles';
import { createEndpointsFeed, EndpointsFeedContext } from './endpoints-feed';
import { PanelProvider } from './panel-context';
import { createWorkerAnalyzer } from './worker-analyzer';
import { COMPARE_NEEDS_WORKER } from './worker-fallback';
import { chromePageRequester } from '../../adapters/chrome/page-requester';
import { createResendStore } from '../../state/resend-store';
import { createResendService } from './resend/resend-service';
import { ResendContext, type ResendWiring } from './resend/resend-context';

async function main() {
  const env = devtoolsEnvironment();
  document.documentElement.dataset.theme = env.theme;
  env.onThemeChanged((theme) => {
    document.documentElement.dataset.theme = theme;
  });
  // Synced settings plus the user's own profiles (chrome.storage.local), read and written as one.
  const settingsStore = mergedSettingsStore(chromeSettingsStore(), chromeProfileStore());
  // Followed from before the first read, so a save made meanwhile is not missed.
  const { settings, problem, changes } = await openingSettings(settingsStore);
  const store = createPanelStore({ settings });
  if (problem) store.getState().setNotice(problem);
  followDismissals(chromeSessionArea(), store);
  const editSettings = settingsEditor(settingsStore);
  const analyzer = createWorkerAnalyzer();
  const importer = createImporter(analyzer, store);
  const bodies = createBodyHandles();
  const endpoints = createEndpointsFeed(analyzer, store);
  // Resend from the inspected page and compare (issue #19).
  const resendStore = createResendStore();
  const resend: ResendWiring = {
    store: resendStore,
    service: createResendService({ requester: chromePageRequester(), panel: store, resend: resendStore }),
    compare: (job) => analyzer.compare(job),
  };
  const actions: PanelActions = {
    loadBody: (id) => bodies.load(id),
    importFiles: (files) => void importer.importFiles(files),
    download: downloadText,
    loadContract: async (doc) =>
      storeLoadedDescription(contractStore, doc, await contractStore.list(), (l, p) =>
        analyzer.checkDescription(l, p),
      ),
    exportText: (job) => analyzer.exportText(job),
    editSettings: (recipe) => void editSettings(recipe).catch(() => undefined),
    compareHar: async (file, { ignoreHost }) => {
      if (!analyzer.compareHar) throw new Error(COMPARE_NEEDS_WORKER);
      return analyzer.compareHar(await file.arrayBuffer(), file.name, {
        bodyCap: store.getState().settings.capture.bodySizeCap,
        ignoreHost,
      });
    },
  };
  startCapture({
    source: chromeNetworkSource(),
    store,
    analyzer,
    keepBody: bodies.keep,
    settings: changes,
    summary: chromeSummarySink(),
    tabId: env.inspectedTabId,
  });
  const contractStore = chromeContractStore();
  followContracts(contractStore, analyzer, store);
  followSearch(analyzer, store);
  // DevTools' search bar (Ctrl/⌘+F over the panel), relayed by the devtools page.
  followDevtoolsSearch(panelSearchInbox(), store);
  // Lives as long as the page: its port closing is how the background learns DevTools closed.
  chromePanelPresence().attach(env.inspectedTabId, () => store.getState().clear());
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PanelProvider value={store}>
        <PanelActionsContext.Provider value={actions}>
          <EndpointsFeedContext.Provider value={endpoints}>
            <ResendContext.Provider value={resend}>
              <App />
            </ResendContext.Provider>
          </EndpointsFeedContext.Provider>
        </PanelActionsContext.Provider>
      </PanelProvider>
    </StrictMode>,
  );
}

void main();
