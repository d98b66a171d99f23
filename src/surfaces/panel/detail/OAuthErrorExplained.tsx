import { ENTRY_HEADINGS as H } from '../../../core/catalogue/entry-view';
import { OAUTH_CONTEXT_PLACE, oauthError } from '../../../core/catalogue/oauth/index';
import type { OAuthErrorSighting } from '../../../core/catalogue/oauth/recognise';
import { InlineText } from '../../../ui/InlineText';
import { SafeLink } from '../../../ui/SafeLink';

const FROM: Record<OAuthErrorSighting['from'], string> = {
  challenge: 'the WWW-Authenticate challenge',
  body: 'the body’s error member',
  redirect: 'the redirect’s Location',
};

/**
 * The OAuth error code the server sent, explained from the catalogue (core/catalogue/oauth),
 * beside "What the server said": what it means, its usual causes, what to do, and the section
 * that defines it. Not the entry's one-line summary: a challenge's hint ("For this response")
 * says that already, in the same words. Only codes the engine matched to the catalogue arrive here (Analysis.oauth);
 * every word shown is the catalogue's own, none of the response's.
 */
export function OAuthErrorExplained({ sightings }: { sightings: readonly OAuthErrorSighting[] }) {
  const entries = sightings.flatMap((s) => {
    const entry = oauthError(s.context, s.code);
    // Headed by where it was sent (s.context): a revocation endpoint's invalid_client is
    // explained by the token endpoint's entry, but was not sent at the token endpoint.
    return entry ? [{ entry, context: s.context, from: s.from }] : [];
  });
  if (entries.length === 0) return null;
  return (
    <>
      {entries.map(({ entry, context, from }) => (
        <section key={`${context} ${entry.code}`} aria-label="OAuth error explained" className="oauth-error">
          <h3>
            OAuth error <code>{entry.code}</code>{' '}
            <span className="muted">
              ({OAUTH_CONTEXT_PLACE[context]}; read from {FROM[from]})
            </span>
          </h3>
          <p>{entry.meaning}</p>
          <h4>{H.causes}</h4>
          <ul>
            {entry.causes.map((c, i) => (
              <li key={i}>
                <InlineText text={c} />
              </li>
            ))}
          </ul>
          <h4>{H.action}</h4>
          <p>{entry.action}</p>
          <p className="muted">
            {H.definedBy}: <SafeLink href={entry.specUrl}>{entry.origin}</SafeLink>
          </p>
        </section>
      ))}
    </>
  );
}
