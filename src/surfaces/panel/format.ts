import { formatBytes } from '../../core/units/bytes';

/** A recorded size, or a dash where the recorder did not know it (-1). */
export function formatSize(bytes: number): string {
  return bytes < 0 ? '—' : formatBytes(bytes);
}

export function formatTime(ms: number): string {
  if (ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A request's start as local wall-clock time with milliseconds (`14:03:07.215`), or a dash when unknown. */
export function formatClock(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/**
 * A request's start in full: local date and wall-clock time (`2026-12-07 01:03:07.215`), as the
 * list's Started column reads it, with the date; the recorded text as it is when it is no date.
 */
export function formatStarted(recorded: string, ms: number): string {
  if (!Number.isFinite(ms)) return recorded;
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatClock(ms)}`;
}
