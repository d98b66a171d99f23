import type { CaptureDiffReport } from '../../../core/diff/capture/report';
import { changeLines, endpointHeading, severityCounts } from '../../../core/diff/capture/report';
import type { EndpointDiff } from '../../../core/diff/capture/compare';
import { moreLine } from '../../../core/text/first-few';

/** Endpoints drawn; the rest are counted (the CLI's JSON has them all). */
export const MAX_SHOWN_ENDPOINTS = 200;

const LABEL = { status: 'Status', new: 'New', resolved: 'Resolved', shape: 'Shape', latency: 'Latency' };
const MARK = { changed: '~', appeared: '+', vanished: '−', unchanged: '' };

function EndpointChanges({ d }: { d: EndpointDiff }) {
  const lines = changeLines(d);
  return (
    <li className={`compare-endpoint compare-${d.change}`}>
      <div className="compare-heading">
        <span aria-hidden="true">{MARK[d.change]} </span>
        <span className="compare-change">{d.change}</span> {endpointHeading(d)}
      </div>
      {lines.length > 0 && (
        <ul className="compare-lines">
          {lines.map((l, i) => (
            <li key={i} className={`compare-line compare-${l.kind}${l.severity ? ` sev-${l.severity}` : ''}`}>
              <span className="compare-label">
                {LABEL[l.kind]}
                {l.severity ? ` ${l.severity}` : ''}:
              </span>{' '}
              {l.text}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The comparison of a HAR with the live capture, as `status-lens diff` reports it: changed
 * endpoints, then those that appeared or vanished; unchanged ones counted. Everything from the
 * recordings is React text, never markup.
 */
export function CaptureDiffView({ report }: { report: CaptureDiffReport }) {
  const s = report.summary;
  const shown = report.endpoints.filter((d) => d.change !== 'unchanged');
  const unchanged = report.endpoints.length - shown.length;
  return (
    <div className="compare-view">
      <p className="compare-sides">
        <strong>{report.before.file}</strong> ({s.exchanges.before} requests, {s.endpoints.before} endpoints)
        → <strong>{report.after.file}</strong> ({s.exchanges.after} requests, {s.endpoints.after} endpoints)
        {' · '}
        {report.profiles.length === 0 ? 'no profile' : `profiles: ${report.profiles.join(', ')}`}
      </p>
      <p className="compare-totals" role="status">
        {s.endpoints.changed} changed, {s.endpoints.appeared} appeared, {s.endpoints.vanished} vanished,{' '}
        {unchanged} unchanged · new findings: {severityCounts(s.newFindings)} · resolved:{' '}
        {severityCounts(s.resolvedFindings)}
      </p>
      {report.problems.length > 0 && (
        <ul className="compare-problems" aria-label="Problems reading the HAR">
          {report.problems.slice(0, 20).map((p, i) => (
            <li key={i}>
              {p.file}
              {p.line !== undefined ? `:${p.line}` : ''}: {p.path ? `${p.path}: ` : ''}
              {p.message}
            </li>
          ))}
          {report.problems.length > 20 && <li>{moreLine(report.problems.length - 20)}</li>}
        </ul>
      )}
      {shown.length === 0 ? (
        <p>No endpoint changed.</p>
      ) : (
        <ul className="compare-endpoints" aria-label="Endpoint changes">
          {shown.slice(0, MAX_SHOWN_ENDPOINTS).map((d) => (
            <EndpointChanges key={d.key} d={d} />
          ))}
        </ul>
      )}
      {shown.length > MAX_SHOWN_ENDPOINTS && (
        <p className="muted">{moreLine(shown.length - MAX_SHOWN_ENDPOINTS)} changed endpoints.</p>
      )}
    </div>
  );
}
