import type { ReactNode } from 'react';
import { explainStatus } from '../../../core/catalogue';
import type { Header } from '../../../core/exchange/types';
import { startMs } from '../../../core/exchange/start';
import type { Row } from '../../../state/panel-store';
import { SafeLink } from '../../../ui/SafeLink';
import { StatusCode } from '../../../ui/StatusCode';
import { formatSize, formatStarted, formatTime } from '../format';
import { headerLines } from '../copy-parts';
import { useCopy } from './detail-context';
import { clipText } from './text';

/** Enough for any real URL; a hostile 1 MB one is cut (Copy as cURL still has it whole). */
const URL_SHOWN = 8_192;

/** Headers whose value is a URL: shown as a link only when SafeLink accepts it (http/https, absolute). */
const URL_HEADERS = new Set(['location', 'content-location', 'referer']);

function HeaderValue({ header }: { header: Header }) {
  if (URL_HEADERS.has(header.name.toLowerCase()))
    return <SafeLink href={header.value}>{header.value}</SafeLink>;
  return <>{header.value}</>;
}

function HeaderList({
  title,
  side,
  headers,
}: {
  title: string;
  side: 'request' | 'response';
  headers: readonly Header[];
}) {
  const copy = useCopy();
  return (
    <section className="header-section" aria-label={title}>
      <div className="section-head">
        <h3>
          {title} <span className="muted">({headers.length})</span>
        </h3>
        {headers.length > 0 && (
          // One Copy per section (#16): a row's value can be selected; a button on every row was noise.
          // Redacted unless "Include secrets" is ticked, as every copy of the pane is.
          <button
            type="button"
            className="small"
            aria-label={`Copy all ${title.toLowerCase()}`}
            onClick={() => copy.part({ kind: 'headers', side }, title.toLowerCase(), headerLines(headers))}
          >
            Copy all
          </button>
        )}
      </div>
      {headers.length === 0 ? (
        <p className="muted">None recorded.</p>
      ) : (
        <dl className="kv">
          {headers.map((h, i) => (
            <div className="kv-row" key={`${h.name}-${i}`}>
              <dt className="mono">{h.name}</dt>
              <dd className="mono">
                <HeaderValue header={h} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="kv-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function HeadersTab({ row }: { row: Row }) {
  const ex = row.exchange;
  const reason = ex.statusText || (ex.status === 0 ? '' : explainStatus(ex.status).reason);
  return (
    <div className="headers-tab">
      <section className="header-section" aria-label="General">
        <h3>General</h3>
        <dl className="kv">
          <Fact label="Request URL">
            <span className="mono break">{clipText(ex.url, URL_SHOWN)}</span>
          </Fact>
          <Fact label="Method">
            <span className="mono">{ex.method}</span>
          </Fact>
          <Fact label="Status">
            <StatusCode status={ex.status} /> {reason}
            {ex.status === 0 && ex.failure && <span className="mono"> {ex.failure}</span>}
            {ex.serverStatus !== undefined && <span> · server sent {ex.serverStatus}</span>}
          </Fact>
          <Fact label="Remote address">{ex.serverAddress || <span className="muted">unknown</span>}</Fact>
          <Fact label="Protocol">{ex.httpVersion || <span className="muted">unknown</span>}</Fact>
          <Fact label="Resource type">{ex.resourceType || <span className="muted">unknown</span>}</Fact>
          {ex.startedAt && (
            <Fact label="Started">
              <span title={`As recorded: ${ex.startedAt}`}>
                {formatStarted(ex.startedAt, startMs(ex.startedAt))}
              </span>{' '}
              <span className="muted">(local time)</span>
            </Fact>
          )}
          <Fact label="Time">{formatTime(ex.time)}</Fact>
          <Fact label="Size">{formatSize(ex.size)}</Fact>
        </dl>
      </section>
      <HeaderList title="Response headers" side="response" headers={ex.responseHeaders} />
      <HeaderList title="Request headers" side="request" headers={ex.requestHeaders} />
    </div>
  );
}
