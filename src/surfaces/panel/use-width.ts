import { useEffect, useState, type RefObject } from 'react';

/**
 * An element's width, followed as the user resizes DevTools (docked at the bottom, to the side,
 * undocked) or a split. Infinity until measured (jsdom, a panel not shown yet): the wide layout.
 */
export function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(Number.POSITIVE_INFINITY);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry!.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
