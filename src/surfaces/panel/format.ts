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
