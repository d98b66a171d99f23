import { useEffect } from 'react';
import { CaptureSection } from './CaptureSection';
import { ImportExportSection } from './ImportExportSection';
import { ProfilesSection } from './ProfilesSection';
import { RedactionSection } from './RedactionSection';
import { RulesSection } from './RulesSection';
import { useOptions, useOptionsApi } from './options-context';

function SaveStatus() {
  const save = useOptions((s) => s.save);
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
          <ProfilesSection />
          <RulesSection />
          <CaptureSection />
          <RedactionSection />
          <ImportExportSection />
        </>
      )}
    </main>
  );
}
