import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chromePermissions } from '../../adapters/chrome/permissions';
import { chromeProfileStore } from '../../adapters/chrome/profile-store';
import { chromeSettingsStore } from '../../adapters/chrome/settings-store';
import { chromeContractStore } from '../../adapters/chrome/contract-store';
import { ContractStoreContext } from './contract-context';
import { createOptionsStore } from '../../state/options-store';
import '../../ui/theme.css';
import './options.css';
import { followSystemTheme } from '../../ui/system-theme';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { App } from './App';
import { downloadText } from '../../ui/download';
import { OptionsProvider } from './options-context';

followSystemTheme(document.documentElement, window.matchMedia('(prefers-color-scheme: dark)'));
const store = createOptionsStore({
  settings: chromeSettingsStore(),
  profiles: chromeProfileStore(),
  permissions: chromePermissions(),
  download: (fileName, text) => downloadText(fileName, 'application/json', text),
});
// A debounced edit still waiting when the tab closes is written at once.
window.addEventListener('pagehide', () => void store.getState().flush());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsProvider value={store}>
      <ContractStoreContext.Provider value={chromeContractStore()}>
        <ErrorBoundary what="the options">
          <App />
        </ErrorBoundary>
      </ContractStoreContext.Provider>
    </OptionsProvider>
  </StrictMode>,
);
