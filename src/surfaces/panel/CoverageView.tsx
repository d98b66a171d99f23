import { memo, useState } from 'react';
import type { CoverageReport, OperationCoverage } from '../../core/contract/coverage';
import type { ContractsStatus } from '../../core/contract/load';
import { problemText } from '../../core/contract/problem-text';
import { countOf } from '../../core/text/plural';
import { readablePath } from '../../core/text/readable-path';
import { copyRecordedPaths } from './copy-recorded-paths';
import { usePanelActions } from './actions';
import { useCoverage } from './endpoints-feed';
import { narrowToOperation } from './narrow-query';
import { usePanel, usePanelApi } from './panel-context';

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

function sameStatuses(a: OperationCoverage['statuses'], b: OperationCoverage['statuses']): boolean {
  return a.length === b.length && a.every((s, i) => s.status === b[i]!.status && s.count === b[i]!.count);
}

/** One documented operation; redrawn only when its counts change (reports arrive while rows stream in). */
const OperationRow = memo(
  function OperationRow({ o, onPick }: { o: OperationCoverage; onPick: Pick }) {
    return (
      <tr className={o.calls === 0 ? 'unseen' : undefined}>
        <td className="mono">
          {/* An operation seen lists its calls, as a route row does; one never called has none to list. */}
          {o.calls > 0 ? (
            <button
              type="button"
              className="link-button"
              title="Show these requests"
              onClick={() => onPick(o.method, o.pathTemplate)}
            >
              {o.method} {o.pathTemplate}
            </button>
          ) : (
            <>
              {o.method} {o.pathTemplate}
            </>
          )}
          {o.deprecated && <span className="operation-deprecated"> deprecated</span>}
        </td>
        <td className="mono">{o.operationId ?? ''}</td>
        <td className="num">{o.calls}</td>
        <td>
          <Statuses statuses={o.statuses} />
        </td>
        <td className="mono">{o.documented.join(', ')}</td>
      </tr>
    );
  },
  (a, b) => a.onPick === b.onPick && a.o.calls === b.o.calls && sameStatuses(a.o.statuses, b.o.statuses),
);

/** A coverage table's header row: every table says what its columns are (Calls is a number). */
function HeadRow({ labels }: { labels: string[] }) {
  return (
    <thead>
      <tr>
        {labels.map((l) => (
          <th key={l} scope="col" className={l === 'Calls' ? 'num' : undefined}>
            {l}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** Lists a coverage row's calls in Requests: its method and the operation's template or the undocumented path. */
type Pick = (method: string, path: string) => void;

/**
 * The loaded OpenAPI descriptions' coverage, one side of the Endpoints switch (Routes keeps the
 * triage): every documented operation, seen or not, with its calls and statuses seen vs
 * documented, then the calls the descriptions do not document; a row seen lists its calls in
 * Requests. Exportable as Markdown and JSON. The counting (and the export) runs in the analysis
 * worker beside the Endpoints grouping (coverage-service.ts); this draws.
 */
export function CoverageView({ status }: { status: ContractsStatus }) {
  const coverage = useCoverage();
  const setFilter = usePanel((s) => s.setFilter);
  const setView = usePanel((s) => s.setView);
  const api = usePanelApi();
  // Stable, so memoised rows stay memoised; reads the query when clicked.
  const [onPick] = useState(() => (method: string, path: string) => {
    setFilter({ query: narrowToOperation(api.getState().filter.query, method, path) });
    setView('requests');
  });
  const { download, exportText } = usePanelActions();
  const [exportError, setExportError] = useState<string | null>(null);
  const save = (format: 'markdown' | 'json') => {
    setExportError(null);
    exportText({ kind: 'coverage', format, redact: false }).then(
      (text) =>
        format === 'markdown'
          ? download('openapi-coverage.md', 'text/markdown', text)
          : download('openapi-coverage.json', 'application/json', text),
      (e: unknown) =>
        setExportError(`The coverage could not be exported: ${String((e as Error)?.message ?? e)}`),
    );
  };
  if (!coverage)
    return (
      <p className="muted pad" role="status">
        Counting OpenAPI coverage…
      </p>
    );
  return (
    <div
      className="endpoints coverage"
      role="region"
      aria-label="OpenAPI coverage"
      onCopy={copyRecordedPaths}
    >
      <div className="coverage-head">
        <ul className="coverage-documents">
          {coverage.documents.map((d) => (
            <li key={d.name}>
              <strong>{d.name}</strong> ({d.title}
              {d.apiVersion ? ` ${d.apiVersion}` : ''}):{' '}
              <span className="coverage-count">
                {d.seen} of {countOf(d.operations, 'operation')} seen
              </span>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => save('markdown')}>
          Export Markdown
        </button>
        <button type="button" onClick={() => save('json')}>
          Export JSON
        </button>
      </div>
      {exportError && (
        <p className="coverage-problems" role="alert">
          {exportError}
        </p>
      )}
      {status.problems.length > 0 && (
        <ul className="coverage-problems" role="note">
          {status.problems.map((p, i) => (
            <li key={i}>{problemText(p)}</li>
          ))}
        </ul>
      )}
      <table>
        <HeadRow labels={['Operation', 'operationId', 'Calls', 'Statuses seen', 'Documented']} />
        <tbody>
          {coverage.operations.map((o) => (
            <OperationRow key={`${o.document} ${o.method} ${o.pathTemplate}`} o={o} onPick={onPick} />
          ))}
        </tbody>
      </table>
      {coverage.undocumentedOperations.length > 0 && (
        <section aria-label="Undocumented operations">
          <h3>Undocumented operations ({coverage.undocumentedOperations.length})</h3>
          <table>
            <HeadRow labels={['Operation', 'Calls', 'Statuses seen', 'Description']} />
            <tbody>
              {coverage.undocumentedOperations.map((u) => (
                <tr key={`${u.document} ${u.method} ${u.path}`}>
                  {/* Read decoded (`/Another Test`) where that is safe; the tooltip and a copy
                      keep the path as recorded (copyRecordedPaths). */}
                  <td className="mono" title={`${u.method} ${u.path}`}>
                    <button
                      type="button"
                      className="link-button"
                      title="Show these requests"
                      onClick={() => onPick(u.method, u.path)}
                    >
                      {u.method} <span data-recorded={u.path}>{readablePath(u.path)}</span>
                    </button>
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
