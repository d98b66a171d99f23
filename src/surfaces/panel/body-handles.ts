import type { CapturedContent } from '../../adapters/ports';

/**
 * Body fetchers for responses capture did not read (images), newest kept: each holds a
 * DevTools request object, so the count is capped rather than growing with the session.
 */
export function createBodyHandles(limit = 2000) {
  const handles = new Map<string, () => Promise<CapturedContent>>();
  return {
    keep(id: string, getContent: () => Promise<CapturedContent>) {
      handles.set(id, getContent);
      if (handles.size > limit) handles.delete(handles.keys().next().value!);
    },
    async load(id: string): Promise<CapturedContent | null> {
      const get = handles.get(id);
      return get ? get() : null;
    },
  };
}
