import { onMessage, onPanelConnected, onTabRemoved } from '../../adapters/chrome/background-events';
import { chromeBadge } from '../../adapters/chrome/badge';
import { chromePermissions } from '../../adapters/chrome/permissions';
import { chromeSessionArea } from '../../adapters/chrome/session-area';
import { chromeProfileStore } from '../../adapters/chrome/profile-store';
import { chromeSettingsStore } from '../../adapters/chrome/settings-store';
import { mergedSettingsStore } from '../../state/merged-settings';
import { chromeWebRequestSource } from '../../adapters/chrome/web-request';
import { startBackground } from './start';

startBackground({
  area: chromeSessionArea(),
  badge: chromeBadge(),
  // User profiles (chrome.storage.local) judge monitored traffic too, inside their scopes.
  settingsStore: mergedSettingsStore(chromeSettingsStore(), chromeProfileStore()),
  permissions: chromePermissions(),
  webRequest: chromeWebRequestSource(),
  onMessage,
  onTabRemoved,
  onPanelConnected,
});
