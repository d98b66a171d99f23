import type { MatchSummary } from '../../../core/contract/coverage';

/**
 * The OpenAPI operation an exchange matched: method, path template, operationId, summary, and
 * every documented status with the one this response matched highlighted, and why it was not
 * checked when a schema it uses cannot be. Description text is
 * the user's own document, still rendered only as text.
 */
export function OperationSection({ match }: { match: MatchSummary }) {
  if (match.kind === 'undocumented') {
    return (
      <section aria-label="OpenAPI operation" className="operation">
        <h3>OpenAPI operation</h3>
        <p>
          <code>
            {match.method} {match.path}
          </code>{' '}
          is not documented in <span className="mono">{match.document}</span>.
        </p>
      </section>
    );
  }
  return (
    <section aria-label="OpenAPI operation" className="operation">
      <h3>OpenAPI operation</h3>
      <p>
        <code className="operation-path">
          {match.method} {match.pathTemplate}
        </code>
        {match.operationId && (
          <>
            {' '}
            <span className="mono operation-id">{match.operationId}</span>
          </>
        )}
        {match.deprecated && <span className="operation-deprecated"> deprecated</span>}{' '}
        <span className="muted">in {match.document}</span>
      </p>
      {match.summary && <p className="operation-summary">{match.summary}</p>}
      {match.disabled !== undefined && (
        // No schema finding here means nothing: the body and headers were not checked (the status and media type were).
        <p className="operation-disabled" role="note">
          Its body and headers were not checked against their schemas: {match.disabled}
        </p>
      )}
      <p className="operation-statuses">
        Documented responses: {match.documented.length === 0 && <span className="muted">none</span>}
        {match.documented.map((key) => (
          <span
            key={key}
            className={key === match.matched ? 'status-key matched' : 'status-key'}
            aria-current={key === match.matched ? 'true' : undefined}
            title={key === match.matched ? 'This response matched it' : undefined}
          >
            {key}
          </span>
        ))}
        {match.matched === undefined && (
          <span className="status-key undocumented"> (this status is not documented)</span>
        )}
      </p>
    </section>
  );
}
