import { RelatedLinks } from './RelatedLinks';
import { useListNumbers } from './list-numbers';
import { preflightRefusing } from './refusing-preflight';
import { explainNetError, netErrorName } from '../../../core/catalogue';
import { type Hint } from '../../../core/catalogue/hints';
import { corsCauses } from '../../../core/catalogue/hints/cors';
import type { CatalogueEntry } from '../../../core/catalogue/types';
import type { Exchange } from '../../../core/exchange/types';
import type { Row } from '../../../state/panel-store';
import { usePanel } from '../panel-context';
import { InlineText } from '../../../ui/InlineText';
import { entryView } from '../../../core/catalogue/entry-view';

/*
 * The Overview's lead for a failed request: its net::ERR_ name and what it means, the CORS
 * preflight that refused it, and which of the response's hints that already says.
 */

export function netErrorOf(failure: string): CatalogueEntry | undefined {
  const name = netErrorName(failure);
  return name ? explainNetError(name) : undefined;
}

/**
 * A failed request whose CORS preflight refused it: the preflight's row holds the cause (and
 * the finding), so say it here and link to that row.
 */
function PreflightRefusal({ exchange }: { exchange: Exchange }) {
  const found = usePanel((s) => preflightRefusing(s.rows, exchange));
  const related = found
    ? [
        {
          id: found.exchange.id,
          index: -1,
          note: `${found.exchange.method} preflight, answered ${found.exchange.serverStatus ?? found.exchange.status}`,
        },
      ]
    : undefined;
  const numbers = useListNumbers(related);
  const causes = found ? corsCauses(found.exchange) : [];
  if (!related || causes.length === 0) return null;
  return (
    <div className="preflight-refused">
      <p>Its CORS preflight refused it, so the browser never sent it:</p>
      <ul>
        {causes.map((c) => (
          <li key={c.kind}>
            <InlineText text={c.text} />
          </li>
        ))}
      </ul>
      <RelatedLinks related={related} numbers={numbers} />
    </div>
  );
}

/**
 * For a failed request, what went wrong leads: the specific net::ERR_ name and its one-line
 * summary, not the generic "no response" entry (which stays below, under "About …").
 */
export function NetworkError({ row, net }: { row: Row; net: CatalogueEntry | undefined }) {
  const ex = row.exchange;
  return (
    <section aria-label="Network error" className="net-error">
      <h3>{net ? entryView(net).title : 'Network error'}</h3>
      {ex.serverStatus !== undefined && (
        <p className="server-sent">
          failed · server sent {ex.serverStatus}: the response arrived, but the browser did not hand it to the
          page.
        </p>
      )}
      {ex.failure ? (
        net ? (
          <p className="entry-summary">
            <InlineText text={net.summary} />
          </p>
        ) : (
          <p>
            The browser recorded <code>{ex.failure}</code>, which the catalogue does not describe.
          </p>
        )
      ) : (
        <p className="muted">No network error name was recorded for this request.</p>
      )}
      <PreflightRefusal exchange={ex} />
    </section>
  );
}

/**
 * A failed request's hints that repeat its network error section: the status the server sent,
 * and the net::ERR_ entry (or the unknown name the browser recorded), whose retry advice "About"
 * gives. What it does not say stays: a CORS cause, the console advice when no reason was recorded.
 */
export function saidByNetworkError(h: Hint, ex: Exchange, net: CatalogueEntry | undefined): boolean {
  if (h.kind !== 'retry') return false;
  if (ex.serverStatus !== undefined && h.ref === ex.serverStatus) return true;
  if (net) return h.ref === net.code;
  return Boolean(ex.failure) && h.ref === 0;
}
