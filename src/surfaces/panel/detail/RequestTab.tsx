import { useMemo } from 'react';
import { countQueryParams, parseQueryString, splitUrl, type QueryParam } from '../../../core/export/query';
import type { RequestBody } from '../../../core/exchange/types';
import type { Row } from '../../../state/panel-store';
import { useCopy } from './detail-context';
import { prettyText } from './pretty';
import { TextView } from './TextView';

/** A table this long is already more than anyone reads; the rest is summarised in one line. */
export const PARAM_CAP = 500;

function ParamTable({
  label,
  params,
  total,
}: {
  label: string;
  params: readonly QueryParam[];
  total: number;
}) {
  return (
    <>
      <table className="params" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {params.map((p, i) => (
            <tr key={i}>
              <td className="mono">{p.name}</td>
              <td className="mono break">
                {p.value === '' ? <span className="muted">(empty)</span> : p.value}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > params.length && (
        <p className="muted more-note">
          {(total - params.length).toLocaleString('en-US')} more not shown (first{' '}
          {params.length.toLocaleString('en-US')} of {total.toLocaleString('en-US')}).
        </p>
      )}
    </>
  );
}

function QueryParams({ url }: { url: string }) {
  const { params, total } = useMemo(() => {
    const query = splitUrl(url).query ?? '';
    return { params: parseQueryString(query, PARAM_CAP), total: countQueryParams(query) };
  }, [url]);
  return (
    <section aria-label="Query parameters">
      <h3>
        Query parameters <span className="muted">({total.toLocaleString('en-US')})</span>
      </h3>
      {total === 0 ? (
        <p className="muted">The URL has no query string.</p>
      ) : (
        <ParamTable label="Query parameters" params={params} total={total} />
      )}
    </section>
  );
}

const FORM = 'application/x-www-form-urlencoded';

function RequestBodyView({ body }: { body: RequestBody | undefined }) {
  const copy = useCopy();
  const mediaType = (body?.mimeType.split(';')[0] ?? '').trim().toLowerCase();
  const form = useMemo(() => {
    if (!body || mediaType !== FORM) return null;
    return { params: parseQueryString(body.text, PARAM_CAP), total: countQueryParams(body.text) };
  }, [body, mediaType]);
  const shown = useMemo(
    () => (body && !form ? prettyText(body.text, mediaType) : ''),
    [body, form, mediaType],
  );
  if (!body || body.text === '') {
    return (
      <section aria-label="Request body">
        <h3>Request body</h3>
        <p className="muted">No request body.</p>
      </section>
    );
  }
  return (
    <section aria-label="Request body" className="request-body">
      <div className="section-head">
        <h3>
          Request body <span className="muted">{body.mimeType || 'unknown type'}</span>
        </h3>
        <button
          type="button"
          className="small"
          onClick={() => copy.part({ kind: 'body', side: 'request' }, 'request body', body.text)}
        >
          Copy body
        </button>
      </div>
      {form ? (
        <ParamTable label="Form fields" params={form.params} total={form.total} />
      ) : (
        <TextView text={shown} label="Request body" />
      )}
    </section>
  );
}

export function RequestTab({ row }: { row: Row }) {
  const ex = row.exchange;
  return (
    <div className="request-tab">
      <QueryParams url={ex.url} />
      <RequestBodyView body={ex.requestBody} />
    </div>
  );
}
