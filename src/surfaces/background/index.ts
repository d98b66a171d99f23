import { onMessage, onPanelConnected, onTabRemoved } from '../../adapters/chrome/background-events';
import { chromeBadge } from '../../adapters/chrome/badge';
import { chromePermissions } from '../../adapters/chrome/permissions';
import { chromeSessionArea } from '../../adapters/chrome/session-area';
import { chromeSettingsStore } from '../../adapters/chrome/settings-store';
import { chromeWebRequestSource } from '../../adapters/chrome/web-request';
import { startBackground } from './start';

startBackground({
  area: chromeSessionArea(),
  badge: chromeBadge(),
  settingsStore: chromeSettingsStore(),
  permissions: chromePermissions(),
  webRequest: chromeWebRequestSource(),
  onMessage,
  onTabRemoved,
  onPanelConnected,
});
