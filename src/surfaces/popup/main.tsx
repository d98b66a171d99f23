import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chromeProfileStore } from '../../adapters/chrome/profile-store';
import { chromeSummarySource } from '../../adapters/chrome/summary';
import { chromeTabs } from '../../adapters/chrome/tabs';
import { createPopupStore, tabIdFromQuery } from '../../state/popup-store';
import '../../ui/theme.css';
import './popup.css';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { App } from './App';
import { PopupProvider } from './popup-context';
import { followSystemTheme } from '../../ui/system-theme';

followSystemTheme(document.documentElement, window.matchMedia('(prefers-color-scheme: dark)'));
const tabId = tabIdFromQuery(location.search);
const store = createPopupStore({
  source: chromeSummarySource(),
  tabs: chromeTabs(),
  profiles: chromeProfileStore(),
  ...(tabId !== undefined ? { tabId } : {}),
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PopupProvider value={store}>
      <ErrorBoundary what="the tab summary">
        <App />
      </ErrorBoundary>
    </PopupProvider>
  </StrictMode>,
);
