import { useMemo } from 'react';
import { CoverageTracker, type CoverageReport } from '../../core/contract/coverage';
import type { ContractsStatus } from '../../core/contract/load';
import { coverageJson } from '../../core/report/coverage';
import { coverageMarkdown } from '../../core/report/markdown';
import { usePanelActions } from './actions';
import { usePanel } from './panel-context';

/** Which statuses an operation saw, documented ones plain and undocumented ones marked. */
function Statuses({ statuses }: { statuses: CoverageReport['operations'][number]['statuses'] }) {
  if (statuses.length === 0) return <span className="muted">—</span>;
  return (
    <>
      {statuses.map((s) => (
        <span
          key={s.status}
          className={s.matched === undefined ? 'status-key undocumented' : 'status-key'}
          title={s.matched === undefined ? 'not documented' : `documented as ${s.matched}`}
        >
          {s.status} ×{s.count}
        </span>
      ))}
    </>
  );
}

/**
 * With an OpenAPI description loaded, the Endpoints view is its coverage: every documented
 * operation, seen or not, with its calls and statuses seen vs documented, then the calls the
 * descriptions do not document. Exportable as Markdown and JSON.
 */
export function CoverageView({ status }: { status: ContractsStatus }) {
  const rows = usePanel((s) => s.rows);
  const { download } = usePanelActions();
  const coverage = useMemo(() => {
    const t = new CoverageTracker(status.outlines);
    for (const r of rows) t.record(r.analysis?.contract, r.exchange.status);
    return t.report();
  }, [rows, status]);
  return (
    <div className="endpoints coverage" role="region" aria-label="OpenAPI coverage">
      <div className="coverage-head">
        <ul className="coverage-documents">
          {coverage.documents.map((d) => (
            <li key={d.name}>
              <strong>{d.name}</strong> ({d.title}
              {d.apiVersion ? ` ${d.apiVersion}` : ''}):{' '}
              <span className="coverage-count">
                {d.seen} of {d.operations} operations seen
              </span>
            </li>
          ))}
        </ul>
        <button
          type="button"
          onClick={() =>
            download('openapi-coverage.md', 'text/markdown', `${coverageMarkdown(coverage).join('\n')}\n`)
          }
        >
          Export Markdown
        </button>
        <button
          type="button"
          onClick={() =>
            download(
              'openapi-coverage.json',
              'application/json',
              `${JSON.stringify(coverageJson(coverage), null, 2)}\n`,
            )
          }
        >
          Export JSON
        </button>
      </div>
      {status.problems.length > 0 && (
        <ul className="coverage-problems" role="note">
          {status.problems.map((p, i) => (
            <li key={i}>
              {p.document}
              {p.location ? ` ${p.location}` : ''}: {p.message}
            </li>
          ))}
        </ul>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">Operation</th>
            <th scope="col">operationId</th>
            <th scope="col" className="num">
              Calls
            </th>
            <th scope="col">Statuses seen</th>
            <th scope="col">Documented</th>
          </tr>
        </thead>
        <tbody>
          {coverage.operations.map((o) => (
            <tr
              key={`${o.document} ${o.method} ${o.pathTemplate}`}
              className={o.calls === 0 ? 'unseen' : undefined}
            >
              <td className="mono">
                {o.method} {o.pathTemplate}
                {o.deprecated && <span className="operation-deprecated"> deprecated</span>}
              </td>
              <td className="mono">{o.operationId ?? ''}</td>
              <td className="num">{o.calls}</td>
              <td>
                <Statuses statuses={o.statuses} />
              </td>
              <td className="mono">{o.documented.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {coverage.undocumentedOperations.length > 0 && (
        <section aria-label="Undocumented operations">
          <h3>Undocumented operations ({coverage.undocumentedOperations.length})</h3>
          <table>
            <tbody>
              {coverage.undocumentedOperations.map((u) => (
                <tr key={`${u.document} ${u.method} ${u.path}`}>
                  <td className="mono">
                    {u.method} {u.path}
                  </td>
                  <td className="num">{u.calls}</td>
                  <td>{u.statuses.map((s) => `${s.status} ×${s.count}`).join(', ')}</td>
                  <td className="muted">{u.document}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
