import { OperationSection } from './OperationSection';
import { explainStatus } from '../../../core/catalogue';
import { statusHints } from '../../../core/catalogue/hints';
import type { CatalogueEntry } from '../../../core/catalogue/types';
import type { Row } from '../../../state/panel-store';
import { usePanel, usePanelApi } from '../panel-context';
import { InlineText } from '../../../ui/InlineText';
import { ServerSaid } from './ServerSaid';
import { OAuthErrorExplained } from './OAuthErrorExplained';
import { useEffect, useState } from 'react';
import { EntryView } from '../EntryView';
import { entryView } from '../../../core/catalogue/entry-view';
import { Findings } from './OverviewFindings';
import { netErrorOf, NetworkError, saidByNetworkError } from './OverviewNetworkError';

/**
 * The catalogue's general explanation, last: open the first time the user meets a code, then
 * collapsed under "About 422 Unprocessable Content" (the panel store remembers seen codes).
 */
function AboutEntry({ entry, sentReason }: { entry: CatalogueEntry; sentReason?: string | undefined }) {
  const profiles = usePanel((s) => s.settings.profiles);
  const markCodeSeen = usePanel((s) => s.markCodeSeen);
  const api = usePanelApi();
  const key = String(entry.code);
  // Read once, when this row's Overview opens: marking it seen below must not fold it away now.
  const [openAtFirst] = useState(() => !api.getState().seenCodes[key]);
  useEffect(() => markCodeSeen(key), [key, markCodeSeen]);
  const view = entryView(entry, profiles);
  return (
    <section aria-label="Status explanation" className="about-entry">
      <details open={openAtFirst}>
        <summary>About {view.title}</summary>
        <EntryView view={view} {...(sentReason ? { sentReason } : {})} />
      </details>
    </section>
  );
}

/**
 * The selected exchange, most specific first: the network error of a failed request; what the
 * server said (its error members) and the OAuth error code it sent, explained; the findings, worst first; the hints read from this
 * response; the matched OpenAPI operation; and last the catalogue's general explanation.
 */
export function OverviewTab({ row }: { row: Row }) {
  const ex = row.exchange;
  const failed = ex.status === 0;
  const net = failed && ex.failure ? netErrorOf(ex.failure) : undefined;
  const entry = net ?? explainStatus(ex.status);
  const hints = statusHints(ex).filter((h) => !failed || !saidByNetworkError(h, ex, net));
  const sent = ex.statusText.trim();
  const sentReason =
    !failed && sent !== '' && sent.toLowerCase() !== entry.reason.toLowerCase() ? sent : undefined;
  const findingCount = row.analysis?.findings.length;
  const said = row.analysis?.said;
  return (
    <div className="overview">
      {failed && <NetworkError row={row} net={net} />}
      {said && <ServerSaid said={said} />}
      {row.analysis?.oauth && <OAuthErrorExplained sightings={row.analysis.oauth} />}
      <section aria-label="Findings" className="findings-section">
        <h3>Findings{findingCount !== undefined ? ` (${findingCount})` : ''}</h3>
        <Findings row={row} />
      </section>
      {hints.length > 0 && (
        <section aria-label="Hints" className="hints">
          <h3>For this response</h3>
          <ul>
            {hints.map((h, i) => (
              <li key={i} className={`hint hint-${h.kind}`}>
                <InlineText text={h.text} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {row.analysis?.contract && <OperationSection match={row.analysis.contract} />}
      {row.bodyNote && (
        <p className="body-note" role="note">
          {row.bodyNote}
        </p>
      )}
      <AboutEntry key={`${ex.id} ${entry.code}`} entry={entry} sentReason={sentReason} />
    </div>
  );
}
