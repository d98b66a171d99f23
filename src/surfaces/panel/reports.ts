import type { Settings } from '../../core/settings/schema';
import type { Row } from '../../state/panel-store';

export type ReportFormat = 'markdown' | 'json' | 'sarif';

export const REPORT_FORMATS: { id: ReportFormat; label: string }[] = [];

export function reportFor(
  _format: ReportFormat,
  _rows: readonly Row[],
  _settings: Settings,
  _redact: boolean,
): { text: string; mimeType: string; extension: string } {
  throw new Error('not yet');
}
