import type { Exchange } from '../../core/exchange/types';
import type { Settings } from '../../core/settings/schema';
import type { AnalysisResult } from './analyzer';

export type ToWorker =
  | { type: 'configure'; settings: Pick<Settings, 'profiles' | 'rules'> }
  | { type: 'analyze'; exchanges: Exchange[] };

export type FromWorker = { type: 'results'; results: AnalysisResult[] };

export function isFromWorker(v: unknown): v is FromWorker {
  return typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'results' &&
    Array.isArray((v as { results?: unknown }).results);
}

export function isToWorker(v: unknown): v is ToWorker {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as { type?: unknown; settings?: unknown; exchanges?: unknown };
  return (m.type === 'configure' && typeof m.settings === 'object' && m.settings !== null) ||
    (m.type === 'analyze' && Array.isArray(m.exchanges));
}
