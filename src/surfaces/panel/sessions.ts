import type { EngineSettings } from '../../core/engine/analyze';
import type { ActiveSessionRule } from '../../core/session/active';
import { idPrefixOf } from './import-ids';
import { createLiveSession, type LiveSession } from './session-analysis';

/**
 * Which session a row is judged in (issue #18): the live rows of the inspected tab are one
 * (no key); each imported file is one of its own, keyed by its import id.
 */
export interface SessionChoice {
  /** The import the rows came from; absent for live rows. */
  session?: string;
  /**
   * These rows are the session's from its start, in the order it first judged them: it begins
   * again before them (a settings change, an import that ran across one).
   */
  replay?: boolean;
}

/**
 * Every session where the panel's analysis runs (the worker, or the panel's thread when it
 * failed), so a row analysed again — its body arrived, a description or a setting changed —
 * is judged in its own session: an imported row never joins the live rows' session.
 */
export interface PanelSessions {
  configure(settings: EngineSettings): void;
  /** Clear: the live rows begin a new session; the imported files' sessions go with their rows. */
  clear(): void;
  /** The session these rows belong to, begun on first use. `prefix`: an import's row id prefix. */
  of(choice: SessionChoice | undefined, prefix?: string): LiveSession;
  /** The session rules the settings run. */
  readonly rules: readonly ActiveSessionRule[];
}

export function createPanelSessions(): PanelSessions {
  const live = createLiveSession();
  const imports = new Map<string, LiveSession>();
  let settings: EngineSettings | null = null;
  return {
    configure(next) {
      settings = next;
      // Each begins again when its rules change (configure is also sent for other reasons).
      live.configure(next);
      for (const s of imports.values()) s.configure(next);
    },
    clear() {
      live.reset();
      imports.clear();
    },
    of(choice, prefix) {
      const key = choice?.session;
      if (key === undefined) return live;
      let session = imports.get(key);
      if (!session) {
        // The CLI's entry indices, read from the row ids the import gave (har-import.ts).
        const start = (prefix ?? idPrefixOf(key)).length;
        session = createLiveSession((ex) => Number(ex.id.slice(start)));
        if (settings) session.configure(settings);
        imports.set(key, session);
      }
      return session;
    },
    get rules() {
      return live.rules;
    },
  };
}

/** Items grouped by the session they are judged in (undefined: the live rows'), each group in the order given. */
export function bySession<T>(
  items: Iterable<T>,
  sessionOf: (item: T) => string | undefined,
): Map<string | undefined, T[]> {
  const out = new Map<string | undefined, T[]>();
  for (const item of items) {
    const key = sessionOf(item);
    const group = out.get(key);
    if (group) group.push(item);
    else out.set(key, [item]);
  }
  return out;
}
