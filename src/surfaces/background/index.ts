import { onMessage, onTabRemoved } from '../../adapters/chrome/background-events';
import { chromeBadge } from '../../adapters/chrome/badge';
import { chromeSessionArea } from '../../adapters/chrome/session-area';
import { chromeSettingsStore } from '../../adapters/chrome/settings-store';
import type { BadgeMode } from '../../core/settings/schema';
import { createSummaryService } from './summary-service';

let badgeMode: BadgeMode = 'errors';
const settings = chromeSettingsStore();
const service = createSummaryService(chromeSessionArea(), chromeBadge(), () => badgeMode);

// Listeners are registered synchronously at start-up: a worker woken by an event only
// delivers it to listeners that exist by the end of the first turn.
onMessage((message) => service.handle(message));
onTabRemoved((tabId) => void service.clear(tabId));
settings.subscribe((s) => {
  badgeMode = s.capture.badgeMode;
});
void settings.load().then((s) => {
  badgeMode = s.capture.badgeMode;
});
