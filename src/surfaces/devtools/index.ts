import { registerPanel } from '../../adapters/chrome/devtools';
import { relaySearch } from './search-relay';

// The devtools page lives as long as DevTools is open and does nothing but add our panel and
// relay DevTools' search bar to it; the panel page itself loads only when the user first opens it.
registerPanel(
  'Status Lens',
  'icons/icon-32.png',
  'src/surfaces/panel/panel.html',
  ({ search, panelWindow }) => relaySearch(search, panelWindow),
);
