import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { devtoolsEnvironment } from '../../adapters/chrome/devtools';
import { chromeNetworkSource } from '../../adapters/chrome/network-source';
import { chromeSettingsStore } from '../../adapters/chrome/settings-store';
import { chromeSummarySink } from '../../adapters/chrome/summary';
import { createPanelStore } from '../../state/panel-store';
import '../../ui/theme.css';
import './panel.css';
import { App } from './App';
import { startCapture } from './capture';
import { PanelProvider } from './panel-context';
import { createWorkerAnalyzer } from './worker-analyzer';

async function main() {
  const env = devtoolsEnvironment();
  document.documentElement.dataset.theme = env.theme;
  const settingsStore = chromeSettingsStore();
  const settings = await settingsStore.load();
  const store = createPanelStore({ settings });
  startCapture({
    source: chromeNetworkSource(),
    store,
    analyzer: createWorkerAnalyzer(),
    settings: settingsStore,
    summary: chromeSummarySink(),
    tabId: env.inspectedTabId,
  });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PanelProvider value={store}>
        <App />
      </PanelProvider>
    </StrictMode>,
  );
}

void main();
