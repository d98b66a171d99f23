import { SEVERITIES, type Severity } from '../../core/rules/types';
import { SeverityMark } from '../../ui/SeverityMark';
import { usePopup } from './popup-context';
import { nounFor } from '../../core/text/plural';

const NOUN: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['info', 'info'],
};

export function FindingTotals() {
  const findings = usePopup((s) => s.summary?.findings);
  if (!findings) return null;
  return (
    <ul className="totals" aria-label="Findings by severity">
      {SEVERITIES.map((sev) => {
        const n = findings[sev] ?? 0;
        return (
          <li key={sev} data-severity={sev} className={n === 0 ? 'none' : undefined}>
            <SeverityMark severity={sev} label={false} /> <span className="count">{n}</span>{' '}
            {nounFor(n, ...NOUN[sev])}
          </li>
        );
      })}
    </ul>
  );
}
