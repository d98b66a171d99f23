import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';

const LINE_HEIGHT = 18;

export interface DisplayLine {
  text: string;
  /** 1-based source line number; null for the continuation of a long line. */
  line: number | null;
}

/**
 * Splits text into display rows: one per source line, long lines cut every `width` characters
 * so that no single DOM node holds a megabyte of minified text.
 */
export function displayLines(text: string, width: number): DisplayLine[] {
  const out: DisplayLine[] = [];
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let s = start;
    const stop = end > start && text[end - 1] === '\r' ? end - 1 : end;
    out.push({ text: text.slice(s, Math.min(stop, s + width)), line });
    for (s += width; s < stop; s += width)
      out.push({ text: text.slice(s, Math.min(stop, s + width)), line: null });
    line++;
    start = end + 1;
  }
  return out;
}

/** Read-only text, virtualised by line; always rendered as React text, never as markup. */
export function TextView({ text, wrap = false, label }: { text: string; wrap?: boolean; label: string }) {
  const lines = useMemo(() => displayLines(text, wrap ? 160 : 5_000), [text, wrap]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual keeps its own state; this component is simply not auto-memoised.
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 20,
    initialRect: { width: 600, height: 400 },
  });
  const gutter = `${String(lines[lines.length - 1]?.line ?? lines.length).length + 1}ch`;
  return (
    <div
      className={`text-view${wrap ? ' wrapped' : ''}`}
      ref={scrollRef}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const l = lines[item.index]!;
          return (
            <div key={item.key} className="text-line" style={{ transform: `translateY(${item.start}px)` }}>
              <span className="line-no" style={{ width: gutter }} aria-hidden="true">
                {l.line ?? '↪'}
              </span>
              <span className="line-text">{l.text}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
