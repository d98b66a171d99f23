import type { PanelStore } from '../../state/panel-store';
import type { Analyzer } from './analyzer';

/** HAR files larger than this are refused up front: reading one would exhaust the panel's memory. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

/**
 * HAR import: files are read as bytes and handed to the analyzer (a Worker), which parses,
 * normalises and analyses them in slices; rows arrive with their findings already attached.
 */
export function createImporter(analyzer: Analyzer, store: PanelStore) {
  let nextFile = 0;
  const progress = new Map<
    string,
    { added: number; problems: number; first?: { index: number; error: string } }
  >();
  const unsubscribe = analyzer.onImport((batch) => {
    const state = store.getState();
    if (batch.error) {
      state.setNotice(batch.error);
      return;
    }
    state.addRows(batch.items);
    const p = progress.get(batch.fileName) ?? { added: 0, problems: 0 };
    p.added += batch.items.length;
    p.problems += batch.problems.length;
    // Problems come with the first slice of a long import, not the last: remember the first one.
    p.first ??= batch.problems[0];
    progress.set(batch.fileName, p);
    const firstProblem = p.first;
    if (batch.done) {
      progress.delete(batch.fileName);
      state.setNotice(
        `Imported ${p.added} of ${batch.total + p.problems} entries from ${batch.fileName}` +
          (p.problems > 0
            ? `; ${p.problems} could not be read${firstProblem ? ` (entry ${firstProblem.index}: ${firstProblem.error})` : ''}`
            : ''),
      );
    } else {
      state.setNotice(`Importing ${batch.fileName}: ${p.added} of ${batch.total}…`);
    }
  });

  async function importFiles(files: Iterable<File>) {
    for (const file of files) {
      if (file.size > MAX_IMPORT_BYTES) {
        store
          .getState()
          .setNotice(
            `${file.name} is ${(file.size / 1024 / 1024).toFixed(0)} MB: too large for the panel; use the status-lens command line for it.`,
          );
        continue;
      }
      let data: ArrayBuffer;
      try {
        data = await file.arrayBuffer();
      } catch {
        store.getState().setNotice(`${file.name} could not be read.`);
        continue;
      }
      store.getState().setNotice(`Importing ${file.name}…`);
      analyzer.importHar(data, {
        bodyCap: store.getState().settings.capture.bodySizeCap,
        idPrefix: `har${nextFile++}-`,
        fileName: file.name,
      });
    }
  }

  return { importFiles, dispose: unsubscribe };
}

export type Importer = ReturnType<typeof createImporter>;
