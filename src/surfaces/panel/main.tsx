import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { devtoolsEnvironment } from '../../adapters/chrome/devtools';
import { chromeNetworkSource } from '../../adapters/chrome/network-source';
import { chromePanelPresence } from '../../adapters/chrome/panel-presence';
import { chromeSettingsStore } from '../../adapters/chrome/settings-store';
import { chromeContractStore } from '../../adapters/chrome/contract-store';
import { followContracts } from './contracts';
import { chromeSummarySink } from '../../adapters/chrome/summary';
import { createPanelStore } from '../../state/panel-store';
import '../../ui/theme.css';
import './panel.css';
import { downloadText } from '../../ui/download';
import { PanelActionsContext, type PanelActions } from './actions';
import { App } from './App';
import { startCapture } from './capture';
import { createImporter } from './importer';
import { createBodyHandles } from './body-handles';
import { PanelProvider } from './panel-context';
import { createWorkerAnalyzer } from './worker-analyzer';

async function main() {
  const env = devtoolsEnvironment();
  document.documentElement.dataset.theme = env.theme;
  env.onThemeChanged((theme) => {
    document.documentElement.dataset.theme = theme;
  });
  const settingsStore = chromeSettingsStore();
  const settings = await settingsStore.load();
  const store = createPanelStore({ settings });
  const analyzer = createWorkerAnalyzer();
  const importer = createImporter(analyzer, store);
  const bodies = createBodyHandles();
  const actions: PanelActions = {
    loadBody: (id) => bodies.load(id),
    importFiles: (files) => void importer.importFiles(files),
    download: downloadText,
    loadContract: (doc) => contractStore.put(doc),
  };
  startCapture({
    source: chromeNetworkSource(),
    store,
    analyzer,
    keepBody: bodies.keep,
    settings: settingsStore,
    summary: chromeSummarySink(),
    tabId: env.inspectedTabId,
  });
  const contractStore = chromeContractStore();
  followContracts(contractStore, analyzer, store);
  // Lives as long as the page: its port closing is how the background learns DevTools closed.
  chromePanelPresence().attach(env.inspectedTabId, () => store.getState().clear());
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PanelProvider value={store}>
        <PanelActionsContext.Provider value={actions}>
          <App />
        </PanelActionsContext.Provider>
      </PanelProvider>
    </StrictMode>,
  );
}

void main();
