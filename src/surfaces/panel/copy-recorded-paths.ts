import type { ClipboardEvent } from 'react';

/**
 * A copy of a table's or list's text gives each path it covers whole as recorded
 * (`/Another%20Test`), not as shown decoded: pasted into a URL, a cURL command or the search box,
 * it names the same requests. A part of a path is copied as shown. The paths are the elements
 * marked `data-recorded` (the Endpoints routes, the request list's names, coverage's paths).
 */
export function copyRecordedPaths(e: ClipboardEvent<HTMLElement>) {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed) return;
  let text = selection.toString();
  // Paths come in the text's order: each is looked for after the one before.
  let from = 0;
  let changed = false;
  for (const path of e.currentTarget.querySelectorAll<HTMLElement>('[data-recorded]')) {
    if (!selection.containsNode(path, false)) continue;
    const shown = path.textContent ?? '';
    const recorded = path.dataset.recorded ?? shown;
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
