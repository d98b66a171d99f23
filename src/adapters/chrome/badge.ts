import type { BadgePort } from '../ports';

export function chromeBadge(): BadgePort {
  return {
    show(tabId, text, color, textColor) {
      // A closed tab makes these reject; nothing to show there anyway.
      chrome.action.setBadgeText({ tabId, text }).catch(() => {});
      chrome.action.setBadgeBackgroundColor({ tabId, color }).catch(() => {});
      chrome.action.setBadgeTextColor({ tabId, color: textColor }).catch(() => {});
    },
    clear(tabId) {
      chrome.action.setBadgeText({ tabId, text: '' }).catch(() => {});
    },
  };
}
