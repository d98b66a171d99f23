import { countOf } from '../../core/text/plural';
import { MIB } from '../../core/units/bytes';
import type { PanelStore } from '../../state/panel-store';
import type { Analyzer } from './analyzer';
import type { HarSource } from './har-import';
import { idPrefixOf, importOf } from './import-ids';
import { analyseAgain } from './analyse-again';
import { sameSessionRules } from '../../core/session/active';

/**
 * HAR files larger than this are not read here at all: the File itself goes to the analysis
 * worker, which reads it a few megabytes at a time (har-import.ts), so there is no size limit
 * (V8's ~512 MB string ceiling included) and the panel's thread never holds the bytes. Smaller
 * files are read here and their bytes transferred, as before.
 */
export const STREAM_IMPORT_BYTES = 64 * MIB;

interface Running {
  fileName: string;
  /** The store generation the import started in; a clear since then cancels it. */
  generation: number;
  added: number;
  problems: number;
  first?: { index: number; error: string };
  /** Entries imported with something wrong in them (an empty request URL), and the first one's words. */
  notes: number;
  firstNote?: string;
  /**
   * The session rules changed while it ran: its session began again part way (sessions.ts), so
   * the whole file is judged again once it is in, each row with the rows before it as history.
   * Other settings and descriptions apply to the entries read after them (har-import.ts), and
   * the rows judged by the old ones are judged again as they arrive.
   */
  stale?: boolean;
}

/**
 * HAR import: files are read as bytes and handed to the analyzer (a Worker), which parses,
 * normalises and analyses them in slices; rows arrive with their findings already attached.
 * A Clear (or a navigation that clears) cancels every import in progress: none of its rows
 * arrive after the list was emptied.
 */
export function createImporter(analyzer: Analyzer, store: PanelStore) {
  let nextImport = 0;
  /** Imports in progress, by import id (file names need not be unique). */
  const running = new Map<string, Running>();

  const unsubscribeImport = analyzer.onImport((batch) => {
    const p = running.get(batch.importId);
    // Cancelled (the list was cleared), or not ours: its rows belong to a list that is gone.
    if (!p) return;
    const state = store.getState();
    if (p.generation !== state.generation) {
      cancel(batch.importId);
      return;
    }
    if (batch.error) {
      running.delete(batch.importId);
      state.setNotice(batch.error);
      return;
    }
    // Read before the rows are listed: a change they set off sends them again itself.
    const revision = analyzer.revision;
    state.addRows(batch.items.map((item) => ({ ...item, imported: true })));
    // Judged before the analysis had the settings or descriptions given since (they were on
    // their way to the worker): judged again, in the file's session. The rows listed before the
    // change were sent again with the change itself (capture.ts, contracts.ts).
    if (batch.revision !== undefined && batch.revision !== revision && batch.items.length > 0)
      analyzer.analyze(
        batch.items.map((item) => item.exchange),
        { session: batch.importId },
      );
    p.added += batch.items.length;
    p.problems += batch.problems.length;
    // Problems come with the first slice of a long import, not the last: remember the first one.
    p.first ??= batch.problems[0];
    const firstProblem = p.first;
    p.notes += batch.notes?.length ?? 0;
    p.firstNote ??= batch.notes?.[0]?.error;
    if (batch.done) {
      running.delete(batch.importId);
      if (p.stale) {
        const rows = store
          .getState()
          .rows.filter((r) => r.imported && importOf(r.exchange.id) === batch.importId);
        analyseAgain(analyzer, rows, true);
      }
      state.setNotice(
        `Imported ${p.added} of ${countOf(batch.total + p.problems, 'entry', 'entries')} from ${batch.fileName}` +
          (p.problems > 0
            ? `; ${p.problems} could not be read${firstProblem ? ` (entry ${firstProblem.index}: ${firstProblem.error})` : ''}`
            : '') +
          (p.notes > 0 ? `; ${countOf(p.notes, 'entry', 'entries')} with a problem (${p.firstNote})` : '') +
          (batch.stopped ? `; the rest of the file could not be read (${batch.stopped})` : ''),
      );
    } else if (batch.progress) {
      // Read in slices: how many entries the file holds is known only at its end.
      const { read, size } = batch.progress;
      state.setNotice(
        `Importing ${batch.fileName}: ${p.added} entries, ${size > 0 ? Math.floor((100 * read) / size) : 100}% read…`,
      );
    } else {
      state.setNotice(`Importing ${batch.fileName}: ${p.added} of ${batch.total}…`);
    }
  });

  function cancel(importId: string): Running | undefined {
    const p = running.get(importId);
    if (!p) return undefined;
    running.delete(importId);
    analyzer.cancelImport(importId);
    return p;
  }

  const unsubscribeStore = store.subscribe((state, previous) => {
    if (running.size === 0) return;
    if (state.settings !== previous.settings && !sameSessionRules(state.settings, previous.settings))
      for (const p of running.values()) p.stale = true;
    if (state.generation === previous.generation) return;
    const names: string[] = [];
    for (const [id, p] of [...running]) {
      if (p.generation !== state.generation && cancel(id)) names.push(p.fileName);
    }
    if (names.length > 0) state.setNotice(`Import of ${names.join(', ')} cancelled: the list was cleared.`);
  });

  async function importFiles(files: Iterable<File>) {
    const generation = store.getState().generation;
    for (const file of files) {
      // Cleared while an earlier file of this drop was read: the rest are not wanted either.
      if (store.getState().generation !== generation) return;
      const importId = `har${nextImport++}`;
      running.set(importId, { fileName: file.name, generation, added: 0, problems: 0, notes: 0 });
      let data: HarSource;
      try {
        data = file.size > STREAM_IMPORT_BYTES ? file : await file.arrayBuffer();
      } catch {
        running.delete(importId);
        store.getState().setNotice(`${file.name} could not be read.`);
        continue;
      }
      // Cancelled while the file was read.
      if (!running.has(importId)) return;
      store.getState().setNotice(`Importing ${file.name}…`);
      analyzer.importHar(
        data,
        {
          importId,
          bodyCap: store.getState().settings.capture.bodySizeCap,
          idPrefix: idPrefixOf(importId),
          fileName: file.name,
        },
        () => (file.size > STREAM_IMPORT_BYTES ? Promise.resolve(file) : file.arrayBuffer()),
      );
    }
  }

  return {
    importFiles,
    /** Imports in progress. */
    get running() {
      return running.size;
    },
    dispose() {
      unsubscribeImport();
      unsubscribeStore();
    },
  };
}

export type Importer = ReturnType<typeof createImporter>;
