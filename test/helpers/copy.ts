import { createEvent, fireEvent } from '@testing-library/react';

/**
 * Selects what `node` holds (or its characters `from` to `to`) and fires a copy at `target`:
 * what the clipboard gets, and whether the page took the copy over from the browser's own.
 */
export function copySelection(target: Element, node: Node, from?: number, to?: number) {
  const range = document.createRange();
  if (from === undefined) range.selectNode(node);
  else {
    range.setStart(node, from);
    range.setEnd(node, to!);
  }
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  const data = new Map<string, string>();
  const event = createEvent.copy(target, {
    clipboardData: { setData: (type: string, text: string) => data.set(type, text) },
  });
  fireEvent(target, event);
  return { text: data.get('text/plain'), prevented: event.defaultPrevented };
}
