import type { ChangeEvent } from 'react';
import { MAX_IMPORT_BYTES, SETTINGS_FILE_NAME } from '../../state/settings-file';
import { formatBytes } from '../../core/units/bytes';
import { ImportErrors } from './ImportErrors';
import { JsonFileButton } from './JsonFileButton';
import { useOptions } from './options-context';

function ImportResultView() {
  const result = useOptions((s) => s.importResult);
  const keepRedacting = useOptions((s) => s.keepRedacting);
  if (!result) return null;
  if (result.ok) {
    return (
      <>
        <p className="import-ok" role="status">
          {result.message}
        </p>
        {result.unredacted && (
          <div className="import-warning" role="alert">
            {result.unredacted.warnings.map((w, i) => (
              <p key={i}>{w}</p>
            ))}
            <p>HAR, cURL and report exports would show their values.</p>
            <button type="button" onClick={keepRedacting}>
              Keep hiding them
            </button>
          </div>
        )}
      </>
    );
  }
  return (
    <ImportErrors
      subject="The settings"
      file={result.file}
      outcome={result.file ? 'were not imported; those in force stay as they are:' : 'were not imported:'}
      errors={result.errors}
    />
  );
}

export function ImportExportSection() {
  const exportSettings = useOptions((s) => s.exportSettings);
  const importText = useOptions((s) => s.importText);
  const importFailed = useOptions((s) => s.importFailed);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    // Cleared so choosing the same file again still fires a change.
    input.value = '';
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      importFailed(`${file.name} is ${formatBytes(file.size)}; a settings file is a few KiB.`);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      importFailed(`${file.name} could not be read: ${String((err as Error)?.message ?? err)}`);
      return;
    }
    importText(text, file.name);
  };

  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading">Import and export</h2>
      <p className="muted">
        One JSON file holds every setting: share it with your team, or pass it to{' '}
        <code>status-lens lint --config {SETTINGS_FILE_NAME}</code>.
      </p>
      <div className="file-actions">
        <button type="button" onClick={exportSettings}>
          Export settings
        </button>
        <JsonFileButton what="settings" onFile={onFile} />
      </div>
      <ImportResultView />
    </section>
  );
}
