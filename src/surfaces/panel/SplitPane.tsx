import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { useWidth } from './use-width';

/**
 * Below this width the detail stacks under the list (DevTools docked to the side): side by
 * side, neither the list's columns nor the detail's text would fit.
 */
export const STACK_BELOW = 700;

/**
 * Two panes with a draggable (and keyboard-movable) divider, like DevTools' own split views:
 * side by side, or one above the other when the panel is narrow.
 */
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
  const stacked = useWidth(box) < STACK_BELOW;
  const clamp = (r: number) => Math.min(0.85, Math.max(0.15, r));
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const el = box.current;
    if (!el) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const rect = el.getBoundingClientRect();
    const move = (ev: globalThis.PointerEvent) =>
      setRatio(
        clamp(stacked ? (ev.clientY - rect.top) / rect.height : (ev.clientX - rect.left) / rect.width),
      );
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const less = stacked ? 'ArrowUp' : 'ArrowLeft';
    const more = stacked ? 'ArrowDown' : 'ArrowRight';
    if (e.key === less) setRatio((r) => clamp(r - 0.05));
    else if (e.key === more) setRatio((r) => clamp(r + 0.05));
  };
  return (
    <div className={`split${stacked ? ' stacked' : ''}`} ref={box}>
      <div className="split-left" style={{ flexBasis: `${ratio * 100}%` }}>
        {left}
      </div>
      <div
        className="split-divider"
        role="separator"
        aria-orientation={stacked ? 'horizontal' : 'vertical'}
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
