import { useOptions } from './options-context';

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
  const revision = useOptions((s) => s.revision);
  const update = useOptions((s) => s.update);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        // Remounted when the settings are replaced (reset, import), so it shows them; otherwise it keeps what is typed.
        key={revision}
        id={id}
        rows={8}
        spellCheck={false}
        defaultValue={names.join('\n')}
        onChange={(e) => {
          const list = parseNames(e.currentTarget.value);
          update((d) => {
            d.redaction[kind] = list;
          });
        }}
      />
    </div>
  );
}

export function RedactionSection() {
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
        <NamesField id="redact-headers" label="Header names" kind="headers" />
        <NamesField id="redact-query" label="Query and form field names" kind="queryParams" />
        <NamesField id="redact-body" label="Body member names (JSON, XML, text)" kind="bodyMembers" />
      </div>
    </section>
  );
}
