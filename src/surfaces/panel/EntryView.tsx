import { ENTRY_HEADINGS as H, type EntryView as View } from '../../core/catalogue/entry-view';
import { SafeLink } from '../../ui/SafeLink';
import { RETRY_LABEL } from '../../core/catalogue/retry-labels';
import { InlineText } from '../../ui/InlineText';

/**
 * A catalogue entry in the panel (Overview tab, Codes view), drawn from the one entry model
 * (core/catalogue/entry-view) that `status-lens explain` prints too. `withTitle: false` where
 * the title and summary are already on screen (a Codes row).
 */
export function EntryView({
  view,
  sentReason,
  withTitle = true,
}: {
  view: View;
  sentReason?: string;
  withTitle?: boolean;
}) {
  return (
    <div className={withTitle ? 'entry' : 'entry code-detail'}>
      {withTitle && <h3 className="entry-title">{view.title}</h3>}
      {withTitle && view.formerly && <p className="muted">{view.formerly}</p>}
      {sentReason && <p className="muted">The server's reason phrase: “{sentReason}”</p>}
      {withTitle && (
        <p className="entry-summary">
          <InlineText text={view.summary} />
        </p>
      )}
      <dl className="facts">
        <dt>{H.standing}</dt>
        <dd>{view.standing}</dd>
        <dt>{H.definedBy}</dt>
        <dd>
          <SafeLink href={view.definedBy.url}>{view.definedBy.label}</SafeLink>
        </dd>
      </dl>
      <p>
        <InlineText text={view.meaning} />
      </p>
      {view.causes.length > 0 && (
        <>
          <h4>{H.causes}</h4>
          <ul>
            {view.causes.map((c, i) => (
              <li key={i}>
                <InlineText text={c} />
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{H.action}</h4>
      <p>
        <InlineText text={view.action} />
      </p>
      <h4>{H.retry}</h4>
      <p>
        <strong>{RETRY_LABEL[view.retry.advice] ?? view.retry.advice}.</strong>{' '}
        <InlineText text={view.retry.note} />
      </p>
      {view.headers.length > 0 && (
        <>
          <h4>{H.headers}</h4>
          <p>
            {view.headers.map((h, i) => (
              <span key={h}>
                {i > 0 && ', '}
                <code>{h}</code>
              </span>
            ))}
          </p>
        </>
      )}
      {view.profileNotes.length > 0 && (
        <>
          <h4>{H.profiles}</h4>
          <dl className="facts">
            {view.profileNotes.map((p) => (
              <div key={p.id}>
                <dt>{p.name}</dt>
                <dd>
                  <InlineText text={p.note} />
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}
