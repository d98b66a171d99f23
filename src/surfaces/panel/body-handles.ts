import type { CapturedContent } from '../../adapters/ports';

/**
 * Body fetchers for responses capture did not read (images), newest kept: each holds a
 * DevTools request object, so the count is capped rather than growing with the session, and
 * each is let go as soon as its row is (a Clear, a navigation, the retention cap).
 */
export function createBodyHandles(limit = 2000) {
  const handles = new Map<string, () => Promise<CapturedContent>>();
  return {
    /** Keeps a row's body fetcher; the function returned lets it go (when the row goes). */
    keep(id: string, getContent: () => Promise<CapturedContent>): () => void {
      handles.set(id, getContent);
      if (handles.size > limit) handles.delete(handles.keys().next().value!);
      return () => {
        if (handles.get(id) === getContent) handles.delete(id);
      };
    },
    async load(id: string): Promise<CapturedContent | null> {
      const get = handles.get(id);
      return get ? get() : null;
    },
    /** How many fetchers are held. */
    get size() {
      return handles.size;
    },
  };
}

export type BodyHandles = ReturnType<typeof createBodyHandles>;
