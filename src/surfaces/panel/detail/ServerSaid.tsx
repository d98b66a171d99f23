import { serverMessageSource, type ServerMessage } from '../../../core/server-message/extract';
import { moreLine } from '../../../core/text/first-few';
import { nounFor } from '../../../core/text/plural';

/**
 * What the server said about the error, in its words (read in the analysis worker from the
 * parsed body). Untrusted text: rendered as React strings and lists, never as markup.
 */
export function ServerSaid({ said }: { said: ServerMessage }) {
  return (
    <section aria-label="What the server said" className="server-said">
      <h3>
        What the server said <span className="muted">({serverMessageSource(said.kind)})</span>
      </h3>
      {said.title !== undefined && <p className="said-title">{said.title}</p>}
      {said.detail !== undefined && <p className="said-detail">{said.detail}</p>}
      {said.items.length > 0 && (
        <ul className="said-items">
          {said.items.map((item, i) => (
            <li key={i}>
              {item.where !== undefined && <code className="said-where">{item.where}</code>}
              {item.where !== undefined && ' '}
              {item.text}
            </li>
          ))}
        </ul>
      )}
      {said.more > 0 && (
        <p className="muted">
          {moreLine(said.more)} {nounFor(said.more, 'error')} in the body.
        </p>
      )}
    </section>
  );
}
