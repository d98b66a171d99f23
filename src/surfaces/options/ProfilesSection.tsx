import { useEffect, useRef, useState, type ChangeEvent, type FormEvent, type KeyboardEvent } from 'react';
import { describeAdjustments, profileAdjustments } from '../../core/profiles/adjustments';
import { allProfiles } from '../../core/profiles/registry';
import { describeScope } from '../../core/profiles/scope';
import type { ProfileDocument, ProfileScope } from '../../core/profiles/types';
import { formatBytes } from '../../core/units/bytes';
import { MAX_IMPORT_BYTES } from '../../state/settings-file';
import { SafeLink } from '../../ui/SafeLink';
import { ImportErrors } from './ImportErrors';
import { JsonFileButton } from './JsonFileButton';
import { RemoveButton } from './RemoveButton';
import { useOptions } from './options-context';
import { agreeWith, countOf } from '../../core/text/plural';
import { moreLine } from '../../core/text/first-few';

/** The scope a profile runs with: the one set here, else its document's. */
function useScope(doc: ProfileDocument): ProfileScope | undefined {
  return useOptions((s) =>
    Object.hasOwn(s.settings.profileScopes, doc.id) ? s.settings.profileScopes[doc.id] : doc.scope,
  );
}

function ScopeEditor({ doc, onDone }: { doc: ProfileDocument; onDone: () => void }) {
  const scope = useScope(doc);
  const setScope = useOptions((s) => s.setScope);
  const [urls, setUrls] = useState((scope?.urls ?? []).join('\n'));
  const [apiOnly, setApiOnly] = useState(scope?.apiCallsOnly !== false);
  const [errors, setErrors] = useState<string[]>([]);
  // Opened by a button far from it: focus goes to what the user came to change, not left behind.
  const patterns = useRef<HTMLTextAreaElement>(null);
  useEffect(() => patterns.current?.focus(), []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    onDone();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const list = urls
      .split(/[\n,]/)
      .map((u) => u.trim())
      .filter(Boolean);
    const next: ProfileScope = { ...(scope ?? {}), urls: list, apiCallsOnly: apiOnly };
    if (list.length === 0) delete next.urls;
    const problems = setScope(doc.id, next);
    setErrors(problems);
    if (problems.length === 0) onDone();
  };
  return (
    <form
      className="scope-editor"
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      aria-label={`Where ${doc.name} applies`}
    >
      <label>
        URL patterns, one per line (empty: any host), e.g. <code>https://api.example.com/v2/*</code>
        <textarea
          ref={patterns}
          value={urls}
          rows={3}
          onChange={(e) => setUrls(e.currentTarget.value)}
          spellCheck={false}
        />
      </label>
      <label className="switch-row">
        <input type="checkbox" checked={apiOnly} onChange={(e) => setApiOnly(e.currentTarget.checked)} />
        <span>API calls only (fetch/XHR, or JSON/XML)</span>
      </label>
      {errors.length > 0 && (
        <ul className="import-errors" role="alert">
          {errors.map((err, i) => (
            <li key={i}>{err}</li>
          ))}
        </ul>
      )}
      <div className="file-actions">
        <button type="submit">Save scope</button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button
          type="button"
          onClick={() => {
            setScope(doc.id, null);
            onDone();
          }}
        >
          Use the profile’s own scope
        </button>
      </div>
    </form>
  );
}

function ProfileItem({ doc, builtin }: { doc: ProfileDocument; builtin: boolean }) {
  const on = useOptions((s) => s.settings.profiles.includes(doc.id));
  const setProfile = useOptions((s) => s.setProfile);
  const removeProfile = useOptions((s) => s.removeProfile);
  const scope = useScope(doc);
  const userRules = useOptions((s) => s.settings.rules);
  const adjusts = describeAdjustments(profileAdjustments(doc, userRules));
  const [editing, setEditing] = useState(false);
  const change = useRef<HTMLButtonElement>(null);
  // Saved, cancelled or escaped: focus goes back to the button that opened the editor.
  const closeEditor = () => {
    setEditing(false);
    change.current?.focus();
  };
  return (
    <li data-profile={doc.id}>
      <label className="switch-row">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          onChange={(e) => setProfile(doc.id, e.currentTarget.checked)}
        />
        <span className="switch-label">{doc.name}</span>
        {!builtin && <span className="marker">your profile</span>}
      </label>
      <p className="muted one-line">
        {doc.summary}{' '}
        <SafeLink href={doc.source}>
          {builtin ? 'The standard' : 'Its guide'}
          {/* Six links read "The standard" in a screen reader's list of links: each says whose. */}{' '}
          <span className="visually-hidden">of {doc.name}</span>
        </SafeLink>
      </p>
      <p className="muted one-line scope-line">
        Applies to {describeScope(scope)}.{' '}
        <button
          ref={change}
          type="button"
          className="link-button"
          onClick={() => setEditing(!editing)}
          aria-expanded={editing}
        >
          Change where {doc.name} applies
        </button>
        {!builtin && (
          <>
            {' '}
            <RemoveButton
              name={doc.name}
              className="link-button"
              consequence="Its document, where it applies and its rules’ severities are deleted from this browser (import its file again to bring it back)."
              onRemove={() => removeProfile(doc.id)}
            />
          </>
        )}
      </p>
      {adjusts && (
        // Its `rules`: a profile may only switch rules off or re-rate them, and nothing else says so.
        <p className="muted one-line adjusts-line">Inside its scope: {adjusts}.</p>
      )}
      {editing && <ScopeEditor doc={doc} onDone={closeEditor} />}
    </li>
  );
}

/**
 * Stored profiles this version cannot read: kept in storage as they were (never dropped by a
 * save), shown with the validator's errors, and gone only when the user deletes one.
 */
function UnreadableProfiles() {
  const unreadable = useOptions((s) => s.unreadableProfiles);
  const error = useOptions((s) => s.unreadableError);
  const exportOne = useOptions((s) => s.exportUnreadableProfile);
  const deleteOne = useOptions((s) => s.deleteUnreadableProfile);
  if (unreadable.length === 0) return null;
  const n = unreadable.length;
  const { is, they, them } = agreeWith(n);
  return (
    <div className="unreadable-profiles" role="group" aria-label="Stored profiles that could not be read">
      <p>
        {n === 1 ? 'A stored profile' : countOf(n, 'stored profile')} {is} not valid for this version, so{' '}
        {they} {is} off. Kept as stored until you delete {them}:
      </p>
      <ul className="profiles">
        {unreadable.map((p, i) => (
          <li key={i} data-unreadable-profile={p.label}>
            <span className="switch-label">{p.label}</span> <span className="marker invalid">invalid</span>
            <div className="import-errors">
              <ul>
                {p.errors.slice(0, 10).map((e, j) => (
                  <li key={j}>{e}</li>
                ))}
                {p.errors.length > 10 && <li>{moreLine(p.errors.length - 10)}</li>}
              </ul>
            </div>
            <div className="file-actions">
              <button type="button" onClick={() => exportOne(p)}>
                Export {p.label}
              </button>
              <button type="button" onClick={() => void deleteOne(p)}>
                Delete {p.label}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {error && (
        <p className="save-status error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function ProfileResultView() {
  const result = useOptions((s) => s.profileResult);
  if (!result) return null;
  if (result.ok) {
    return (
      <p className="import-ok" role="status">
        {result.message}
      </p>
    );
  }
  return (
    <ImportErrors
      subject="The profile"
      file={result.file}
      outcome="was not imported; nothing was changed:"
      errors={result.errors}
    />
  );
}

export function ProfilesSection() {
  const userProfiles = useOptions((s) => s.settings.userProfiles);
  const importProfile = useOptions((s) => s.importProfile);
  const downloadExample = useOptions((s) => s.downloadExampleProfile);
  const importFailed = useOptions((s) => s.profileFailed);
  const profiles = allProfiles(userProfiles);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      importFailed(`${file.name} is ${formatBytes(file.size)}; a profile is a few KiB.`);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      importFailed(`${file.name} could not be read: ${String((err as Error)?.message ?? err)}`);
      return;
    }
    importProfile(text, file.name);
  };

  return (
    <section aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">Convention profiles</h2>
      <p className="muted">
        A profile holds the conventions of one API. Turn on the ones your API follows, say where each applies,
        or import one of your own.
      </p>
      <p className="muted profile-format">
        Yours is a JSON file: <code>id</code>, <code>name</code>, <code>summary</code> and <code>source</code>{' '}
        (where the convention is written down), then any of <code>scope</code> (the URLs it judges),{' '}
        <code>mediaTypes</code>, <code>body</code> (members errors and successes hold), <code>statuses</code>,{' '}
        <code>headers</code>, <code>rules</code> (rules switched off or re-rated inside its scope) and{' '}
        <code>checks</code> (rule functions by id). Start from the example: change its <code>id</code>,{' '}
        <code>name</code> and <code>scope.urls</code> to your API, then import it.
      </p>
      <ul className="profiles">
        {profiles.map((p) => (
          <ProfileItem key={p.doc.id} doc={p.doc} builtin={p.builtin} />
        ))}
      </ul>
      <UnreadableProfiles />
      <div className="file-actions">
        <JsonFileButton what="profile" onFile={onFile} />
        <button type="button" onClick={downloadExample}>
          Download an example profile
        </button>
      </div>
      <ProfileResultView />
    </section>
  );
}
