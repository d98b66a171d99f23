import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

/** Two panes with a draggable (and keyboard-movable) divider, like DevTools' own split views. */
export function SplitPane({
  left,
  right,
  initial = 0.55,
}: {
  left: ReactNode;
  right: ReactNode;
  initial?: number;
}) {
  const [ratio, setRatio] = useState(initial);
  const box = useRef<HTMLDivElement>(null);
  const clamp = (r: number) => Math.min(0.85, Math.max(0.15, r));
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const el = box.current;
    if (!el) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const rect = el.getBoundingClientRect();
    const move = (ev: globalThis.PointerEvent) => setRatio(clamp((ev.clientX - rect.left) / rect.width));
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'ArrowLeft') setRatio((r) => clamp(r - 0.05));
    else if (e.key === 'ArrowRight') setRatio((r) => clamp(r + 0.05));
  };
  return (
    <div className="split" ref={box}>
      <div className="split-left" style={{ flexBasis: `${ratio * 100}%` }}>
        {left}
      </div>
      <div
        className="split-divider"
        role="separator"
        aria-orientation="vertical"
        aria-valuenow={Math.round(ratio * 100)}
        aria-valuemin={15}
        aria-valuemax={85}
        aria-label="Resize the detail view"
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
      <div className="split-right">{right}</div>
    </div>
  );
}
