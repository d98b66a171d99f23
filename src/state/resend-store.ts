import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PageFetchOutcome } from '../adapters/ports';
import type { ResendDraft } from '../core/resend/draft';

/**
 * The panel's resend and compare state (issue #19), apart from the panel store so the request
 * list and Overview (which others change) stay as they are: the open editor, resends on their
 * way, which captured row is the resend of which, the rows marked for comparison and the
 * comparison on screen.
 */

export type ResendPhase =
  /** Handed to the page; its fetch has not answered. */
  | 'sending'
  /** The page's fetch answered; its capture has not arrived yet. */
  | 'sent'
  /** The capture arrived and is linked to its original. */
  | 'linked'
  /** The page's fetch answered but no capture arrived (recording paused, page navigated). */
  | 'not-captured';

export interface Resend {
  token: string;
  originalId: string;
  method: string;
  /** As sent (normalised by URL parsing), to match the capture. */
  url: string;
  /** ms since the epoch, just before the page was asked. */
  sentAt: number;
  phase: ResendPhase;
  outcome?: PageFetchOutcome;
  /** The captured row, once linked. */
  resentId?: string;
}

export interface Comparison {
  beforeId: string;
  afterId: string;
  /** `resend`: the after side is a resend of the before side. */
  kind: 'resend' | 'pair';
}

export interface ResendState {
  editor: { originalId: string; draft: ResendDraft } | null;
  /** The most recent resends, newest last (a few dozen at most). */
  resends: Resend[];
  /** Resent row id → its original's id. */
  links: Record<string, string>;
  /** Rows marked for comparison (Ctrl/⌘-click), at most two, oldest first. */
  marked: string[];
  comparison: Comparison | null;

  openEditor(originalId: string, draft: ResendDraft): void;
  setDraft(draft: ResendDraft): void;
  closeEditor(): void;
  addResend(resend: Resend): void;
  updateResend(token: string, patch: Partial<Resend>): void;
  toggleMark(id: string): void;
  clearMarks(): void;
  compare(comparison: Comparison): void;
  closeComparison(): void;
  /** Everything about rows that are gone (the list was cleared). */
  reset(): void;
}

export type ResendStore = StoreApi<ResendState>;

const KEEP_RESENDS = 50;

export function createResendStore(): ResendStore {
  return createStore<ResendState>()((set, get) => ({
    editor: null,
    resends: [],
    links: {},
    marked: [],
    comparison: null,
    openEditor: (originalId, draft) => set({ editor: { originalId, draft } }),
    setDraft(draft) {
      const editor = get().editor;
      if (editor) set({ editor: { ...editor, draft } });
    },
    closeEditor: () => set({ editor: null }),
    addResend: (resend) => set({ resends: [...get().resends, resend].slice(-KEEP_RESENDS) }),
    updateResend(token, patch) {
      const resends = get().resends.map((r) => (r.token === token ? { ...r, ...patch } : r));
      const linked = resends.find((r) => r.token === token);
      const links =
        patch.resentId && linked ? { ...get().links, [patch.resentId]: linked.originalId } : get().links;
      set({ resends, links });
    },
    toggleMark(id) {
      const marked = get().marked;
      // A third mark replaces the oldest: the last two clicked are the pair.
      set({ marked: marked.includes(id) ? marked.filter((m) => m !== id) : [...marked, id].slice(-2) });
    },
    clearMarks: () => set({ marked: [] }),
    compare: (comparison) => set({ comparison }),
    closeComparison: () => set({ comparison: null }),
    reset: () => set({ editor: null, resends: [], links: {}, marked: [], comparison: null }),
  }));
}
