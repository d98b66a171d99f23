import { useEffect } from 'react';
import { CaptureSection } from './CaptureSection';
import { ImportExportSection } from './ImportExportSection';
import { ProfilesSection } from './ProfilesSection';
import { OpenApiSection } from './OpenApiSection';
import { RedactionSection } from './RedactionSection';
import { RulesSection } from './RulesSection';
import { useOptions, useOptionsApi } from './options-context';
import { moreLine } from '../../core/text/first-few';
import { listOf } from '../../core/text/list';
import type { UnsavedDraft } from '../../state/options-store';

function SaveStatus() {
  const save = useOptions((s) => s.save);
  const drafts = useOptions((s) => s.drafts);
  if (save.state !== 'error' && drafts.length > 0) return <UnsavedStatus drafts={drafts} />;
  if (save.state === 'idle') return null;
  if (save.state === 'error') {
    return (
      <span className="save-status error" role="alert">
        Not saved: {save.error}
      </span>
    );
  }
  if (save.state === 'saved' && save.note) {
    return (
      <span className="save-status warning" role="status">
        Saved. {save.note}
      </span>
    );
  }
  return (
    <span className="save-status muted" role="status">
      {save.state === 'pending' ? 'Saving…' : 'Saved'}
    </span>
  );
}

/**
 * A typed field holds text not saved yet (fields save when left, or on Enter: use-draft-field.ts):
 * "Saved" then would claim it is in force, and closing the tab seem safe when it is not.
 */
function UnsavedStatus({ drafts }: { drafts: readonly UnsavedDraft[] }) {
  const [first] = drafts;
  const how =
    drafts.length > 1
      ? ''
      : !first!.valid
        ? ' — not valid as typed'
        : first!.enterSaves
          ? ' — press Enter or leave the field to save'
          : ' — leave the field to save';
  return (
    <span className="save-status warning" role="status">
      Unsaved {drafts.length > 1 ? 'changes' : 'change'} in {listOf(drafts.map((d) => d.field))}
      {how}
    </span>
  );
}

/** Stored settings this version cannot read: not used, and kept as stored (every save writes them back). */
function UnreadableSettings() {
  const errors = useOptions((s) => s.unreadableSettings);
  if (errors.length === 0) return null;
  return (
    <div className="import-warning" role="note" aria-label="Stored settings that could not be read">
      <p>
        Some stored settings are not valid for this version, so they are not used. They are kept as stored:
      </p>
      <ul>
        {errors.slice(0, 10).map((e, i) => (
          <li key={i}>{e}</li>
        ))}
        {errors.length > 10 && <li>{moreLine(errors.length - 10)}</li>}
      </ul>
    </div>
  );
}

export function App() {
  const api = useOptionsApi();
  const phase = useOptions((s) => s.phase);
  useEffect(() => api.getState().start(), [api]);
  return (
    <main className="options">
      <header className="options-header">
        <h1>Status Lens options</h1>
        <SaveStatus />
      </header>
      {phase === 'loading' ? (
        <p className="muted" role="status">
          Loading settings…
        </p>
      ) : (
        <>
          <UnreadableSettings />
          <ProfilesSection />
          <RulesSection />
          <OpenApiSection />
          <CaptureSection />
          <RedactionSection />
          <ImportExportSection />
        </>
      )}
    </main>
  );
}
