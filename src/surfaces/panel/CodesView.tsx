import { countOf } from '../../core/text/plural';
import { useMemo, useState } from 'react';
import { searchCatalogue } from '../../core/catalogue';
import type { StatusFamily } from '../../core/exchange/family';
import { entryView } from '../../core/catalogue/entry-view';
import { EntryView } from './EntryView';
import { usePanel } from './panel-context';
import { Breakable } from '../../ui/Breakable';

const FAMILIES: (StatusFamily | 'all')[] = ['all', '1xx', '2xx', '3xx', '4xx', '5xx', 'failed'];

/** The whole catalogue, searchable by code or words and filterable by family. */
export function CodesView() {
  const query = usePanel((s) => s.codesQuery);
  const setQuery = usePanel((s) => s.setCodesQuery);
  const [family, setFamily] = useState<StatusFamily | 'all'>('all');
  const [open, setOpen] = useState<string | null>(null);
  const entries = useMemo(
    () => searchCatalogue(query, family === 'all' ? undefined : family),
    [query, family],
  );
  const single = entries.length === 1 ? String(entries[0]!.code) : null;
  return (
    <div className="codes" role="region" aria-label="Status codes">
      <div className="codes-toolbar">
        <input
          type="search"
          aria-label="Search status codes"
          placeholder="Search codes: 429, timeout, ERR_CONNECTION_REFUSED…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <div role="group" aria-label="Family" className="chips">
          {FAMILIES.map((f) => (
            <button
              key={f}
              type="button"
              aria-pressed={family === f}
              className={f === 'all' ? '' : `fam-${f}`}
              onClick={() => setFamily(f)}
            >
              {f}
            </button>
          ))}
        </div>
        <span className="muted">{countOf(entries.length, 'entry', 'entries')}</span>
      </div>
      <table>
        <thead>
          <tr>
            <th scope="col" className="codes-code">
              Code
            </th>
            <th scope="col" className="codes-reason">
              Reason
            </th>
            <th scope="col" className="codes-standing">
              Standing
            </th>
            <th scope="col">Summary</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const key = String(e.code);
            const expanded = open === key || single === key;
            return (
              <tr key={key} className={expanded ? 'expanded' : ''}>
                <th scope="row" className={`mono fam-${e.family}`}>
                  <button
                    type="button"
                    className="link-button"
                    aria-expanded={expanded}
                    onClick={() => setOpen(expanded ? null : key)}
                  >
                    <Breakable text={key} after="_" />
                  </button>
                </th>
                <td>
                  {e.reason}
                  {e.formerNames.length > 0 && <span className="muted"> ({entryView(e).formerly})</span>}
                </td>
                <td>
                  <span className={`standing standing-${e.registry}`}>{e.registry}</span>
                </td>
                <td>
                  {e.summary}
                  {expanded && <EntryView view={entryView(e)} withTitle={false} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
