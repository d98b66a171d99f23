import { registerPanel } from '../../adapters/chrome/devtools';

// The devtools page lives as long as DevTools is open and does nothing but add our panel;
// the panel page itself loads only when the user first opens it.
registerPanel('Status Lens', 'icons/icon-32.png', 'src/surfaces/panel/panel.html');
