import { useOptions } from './options-context';
import { useDraftField } from './use-draft-field';

/** One name per line (commas work too), lower-cased as the settings schema stores them. */
export function parseNames(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\n,]/)) {
    const name = part.trim().toLowerCase();
    if (name) seen.add(name);
  }
  return [...seen];
}

function NamesField({
  id,
  label,
  kind,
}: {
  id: string;
  label: string;
  kind: 'headers' | 'queryParams' | 'bodyMembers';
}) {
  const names = useOptions((s) => s.settings.redaction[kind]);
  const update = useOptions((s) => s.update);
  // Saved when the user leaves the list (useDraftField): "x-api-key" is not saved as "x", "x-", …
  const field = useDraftField<string[]>({
    field: `Redaction: ${label}`,
    shown: names.join('\n'),
    inForce: 'the saved list',
    read: (text) => ({ ok: true, value: parseNames(text) }),
    save: (list) => {
      update((d) => {
        d.redaction[kind] = list;
      });
      return null;
    },
    enterSaves: false,
  });
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={8}
        spellCheck={false}
        value={field.value}
        onChange={field.onChange}
        onBlur={field.onBlur}
        onKeyDown={field.onKeyDown}
      />
    </div>
  );
}

export function RedactionSection() {
  // Settings replaced wholesale (reset, import) drop a draft.
  const revision = useOptions((s) => s.revision);
  return (
    <section aria-labelledby="redaction-heading">
      <h2 id="redaction-heading">Redaction</h2>
      <p className="muted">
        Exports and copies always hide credentials the secret rules know, by name (Authorization, Cookie,
        access_token, password, accessToken…) and by shape (JWTs, Bearer tokens, private keys, GitHub, Stripe,
        AWS, Slack, OpenAI… keys), wherever they appear. Values of the names below are hidden too. One name
        per line; case, “_” and “-” do not matter.
      </p>
      <div className="three-columns">
        <NamesField key={`headers-${revision}`} id="redact-headers" label="Header names" kind="headers" />
        <NamesField
          key={`query-${revision}`}
          id="redact-query"
          label="Query and form field names"
          kind="queryParams"
        />
        <NamesField
          key={`body-${revision}`}
          id="redact-body"
          label="Body member names (JSON, XML, text)"
          kind="bodyMembers"
        />
      </div>
    </section>
  );
}
