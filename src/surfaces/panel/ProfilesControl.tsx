import { useMemo, useState } from 'react';
import { profileConflicts } from '../../core/profiles/conflicts';
import { allProfiles } from '../../core/profiles/registry';
import { isApiCall } from '../../core/exchange/api-call';
import { describeScope, hostPattern } from '../../core/profiles/scope';
import { MAX_LOOKED_AT, suggestProfiles, type Suggestion } from '../../core/profiles/suggest';
import type { ProfileDocument, ProfileScope } from '../../core/profiles/types';
import type { Settings } from '../../core/settings/schema';
import { usePanelActions } from './actions';
import { usePanel } from './panel-context';

function scopeOf(settings: Settings, doc: ProfileDocument): ProfileScope | undefined {
  return Object.hasOwn(settings.profileScopes, doc.id) ? settings.profileScopes[doc.id] : doc.scope;
}

/** Settings with one profile switched on (or off); with a pattern, on for that origin only. */
export function withProfile(settings: Settings, id: string, on: boolean, pattern?: string): Settings {
  const next = structuredClone(settings);
  const known = [...allProfiles(next.userProfiles).map((p) => p.doc.id)];
  next.profiles = known.filter((p) => (p === id ? on : next.profiles.includes(p)));
  if (on && pattern) {
    const doc = allProfiles(next.userProfiles).find((p) => p.doc.id === id)?.doc;
    next.profileScopes = { ...next.profileScopes, [id]: { ...(doc?.scope ?? {}), urls: [pattern] } };
  }
  return next;
}

/** The origin "this host" means: the selected request's, else the newest API call's. */
function useThisHost(): string | undefined {
  return usePanel((s) => {
    const selected = s.selectedId ? s.rows.find((r) => r.exchange.id === s.selectedId) : undefined;
    const row = selected ?? [...s.rows].reverse().find((r) => isApiCall(r.exchange));
    return row ? hostPattern(row.exchange.url) : undefined;
  });
}

/** The toolbar's Profiles control: which profiles are on, where, and on for this host in one click. */
export function ProfilesControl() {
  const settings = usePanel((s) => s.settings);
  const { editSettings } = usePanelActions();
  const thisHost = useThisHost();
  const [open, setOpen] = useState(false);
  const profiles = allProfiles(settings.userProfiles);
  const count = profiles.filter((p) => settings.profiles.includes(p.doc.id)).length;
  return (
    <div className="profiles-control">
      <button type="button" aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen(!open)}>
        Profiles{count > 0 ? ` (${count} on)` : ''}
      </button>
      {open && (
        <div
          className="profiles-popover"
          role="dialog"
          aria-label="Profiles"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          <ul>
            {profiles.map(({ doc }) => {
              const on = settings.profiles.includes(doc.id);
              return (
                <li key={doc.id}>
                  <label className="switch-row">
                    <input
                      type="checkbox"
                      role="switch"
                      checked={on}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        editSettings((stored) => withProfile(stored, doc.id, on));
                      }}
                    />
                    <span>{doc.name}</span>
                  </label>
                  <span className="muted"> Applies to {describeScope(scopeOf(settings, doc))}.</span>
                  {thisHost && (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => editSettings((stored) => withProfile(stored, doc.id, true, thisHost))}
                    >
                      On for {thisHost.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, '')} only
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          <p className="muted">Import profiles of your own, and edit scopes in full, on the options page.</p>
        </div>
      )}
    </div>
  );
}

/** Suggestions ("check it against that profile?") and warnings about contradicting profiles. */
export function ProfileNotices() {
  const settings = usePanel((s) => s.settings);
  const rows = usePanel((s) => s.rows);
  const { editSettings } = usePanelActions();
  // Kept for the DevTools session (suggestion-dismissals.ts), not in this component's state.
  const dismissed = usePanel((s) => s.dismissedSuggestions);
  const dismiss = usePanel((s) => s.dismissSuggestion);
  const suggestions = useMemo(
    () =>
      suggestProfiles(
        // Only the newest rows: mapping all 20,000 on every arriving batch would cost the import.
        // Body signs come with each row's analysis, computed in the worker where the bodies are;
        // so does whether another specification defines a row's answers (it reads the request
        // body): a row not analysed yet counts as not, rather than be parsed here.
        rows.slice(-MAX_LOOKED_AT).map((r) => ({
          exchange: r.exchange,
          signs: r.analysis?.signs,
          specDefined: r.analysis?.specDefined ?? 'none',
        })),
        settings,
      ),
    [rows, settings],
  );
  const conflicts = useMemo(() => profileConflicts(settings), [settings]);
  const key = (s: Suggestion) => `${s.profile} ${s.pattern}`;
  const shown = suggestions.filter((s) => !dismissed.includes(key(s))).slice(0, 2);
  if (shown.length === 0 && conflicts.length === 0) return null;
  const nameOf = (id: string) =>
    allProfiles(settings.userProfiles).find((p) => p.doc.id === id)?.doc.name ?? id;
  return (
    <div className="profile-notices">
      {shown.map((s) => (
        // One line at any width (panel.css): the message and the button give way with an
        // ellipsis and keep their whole text as a tooltip, so a narrow dock keeps its list.
        <div key={key(s)} className="profile-suggestion" role="note">
          <span className="profile-suggestion-text" title={s.message}>
            {s.message}
          </span>{' '}
          <button
            type="button"
            title={`Check ${s.host} with ${nameOf(s.profile)}`}
            onClick={() => editSettings((stored) => withProfile(stored, s.profile, true, s.pattern))}
          >
            Check {s.host} with {nameOf(s.profile)}
          </button>{' '}
          <button type="button" className="link-button" onClick={() => dismiss(key(s))}>
            Not now
          </button>
        </div>
      ))}
      {conflicts.map((c, i) => (
        <div key={i} className="profile-conflict" role="note">
          ⚠ {c}
        </div>
      ))}
    </div>
  );
}
