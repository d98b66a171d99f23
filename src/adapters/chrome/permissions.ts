import type { PermissionsPort } from '../ports';

/** Monitoring without DevTools needs webRequest and access to every site it should see. */
const MONITORING: chrome.permissions.Permissions = { permissions: ['webRequest'], origins: ['<all_urls>'] };

export function chromePermissions(): PermissionsPort {
  return {
    // No await before the call: Chrome only shows its prompt while the click's user gesture lasts.
    requestMonitoring: () => chrome.permissions.request(MONITORING).catch(() => false),
    async removeMonitoring() {
      await chrome.permissions.remove(MONITORING).catch(() => false);
    },
    hasMonitoring: () => chrome.permissions.contains(MONITORING).catch(() => false),
    onChanged(listener) {
      // Either half (the API or the host access) can change on its own, e.g. from chrome://extensions,
      // so every change is answered with whether both are held now.
      const handler = () => {
        void chrome.permissions
          .contains(MONITORING)
          .catch(() => false)
          .then(listener);
      };
      chrome.permissions.onAdded.addListener(handler);
      chrome.permissions.onRemoved.addListener(handler);
      return () => {
        chrome.permissions.onAdded.removeListener(handler);
        chrome.permissions.onRemoved.removeListener(handler);
      };
    },
  };
}
