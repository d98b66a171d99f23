import type { ClipboardEvent } from 'react';

/**
 * A copy of the table's text gives each route it covers whole as recorded (`/Another%20Test`),
 * not as shown decoded: pasted into a URL, a cURL command or the search box, it names the same
 * requests. A part of a route is copied as shown.
 */
export function copyRecordedPaths(e: ClipboardEvent<HTMLElement>) {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed) return;
  let text = selection.toString();
  // Routes come in the text's order: each is looked for after the one before.
  let from = 0;
  let changed = false;
  for (const route of e.currentTarget.querySelectorAll<HTMLElement>('.route[data-path]')) {
    if (!selection.containsNode(route, false)) continue;
    const shown = route.textContent ?? '';
    const recorded = route.dataset.path ?? shown;
    const at = text.indexOf(shown, from);
    if (at < 0) continue;
    text = text.slice(0, at) + recorded + text.slice(at + shown.length);
    from = at + recorded.length;
    changed ||= shown !== recorded;
  }
  if (!changed) return;
  e.preventDefault();
  e.clipboardData.setData('text/plain', text);
}
