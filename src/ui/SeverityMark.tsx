import type { Severity } from '../core/rules/types';

const GLYPH: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

export function SeverityMark({ severity, label = true }: { severity: Severity; label?: boolean }) {
  return (
    <span className={`sev sev-${severity}`} title={severity}>
      <span aria-hidden="true">{GLYPH[severity]}</span>
      {label ? <span> {severity}</span> : <span className="visually-hidden">{severity}</span>}
    </span>
  );
}
