import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ProfileStore, SummarySource, TabsPort } from '../adapters/ports';
import type { ProfileDocument } from '../core/profiles/types';
import type { TabSummary } from '../core/summary/summary';

export interface PopupState {
  /** `no-tab`: there is no tab to summarise (e.g. the popup was opened from a Chrome page with no id). */
  phase: 'loading' | 'ready' | 'no-tab';
  tabId: number | null;
  summary: TabSummary | null;
  /** The user's profiles, whose data generates rules a summary may name (`acme/body-shape`). */
  userProfiles: ProfileDocument[];

  /** Finds the tab, reads its summary and follows it live. Returns the way to stop following. */
  start(): () => void;
  clear(): Promise<void>;
  openOptions(): void;
}

export type PopupStore = StoreApi<PopupState>;

export interface PopupDeps {
  source: SummarySource;
  tabs: TabsPort;
  /** Where the user's profiles are: without it, only built-in rules are described. */
  profiles?: ProfileStore;
  /** A tab chosen by the opener (`popup.html?tabId=…`); otherwise the active tab. */
  tabId?: number;
}

/** Reads `?tabId=` leniently: anything but a whole number ≥ 0 means "the active tab". */
export function tabIdFromQuery(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return undefined;
  return Number(raw);
}

export function createPopupStore(deps: PopupDeps): PopupStore {
  return createStore<PopupState>()((set, get) => ({
    phase: 'loading',
    tabId: null,
    summary: null,
    userProfiles: [],

    start() {
      let stopped = false;
      let unsubscribe: (() => void) | null = null;
      // Subscribed before the read, so a change heard meanwhile is never overwritten by it.
      let profilesHeard = false;
      const stopProfiles = deps.profiles?.subscribe((p) => {
        profilesHeard = true;
        set({ userProfiles: p.profiles });
      });
      void deps.profiles?.load().then(
        (p) => {
          if (!stopped && !profilesHeard) set({ userProfiles: p.profiles });
        },
        // Unreadable profiles cost their rules' descriptions only, never the summary.
        () => undefined,
      );
      // Once a live update has arrived, the first read (which may have been answered earlier) is stale.
      let liveSeen = false;
      void (async () => {
        const tabId = deps.tabId ?? (await deps.tabs.activeTabId().catch(() => undefined));
        if (stopped) return;
        if (tabId === undefined) {
          set({ phase: 'no-tab', tabId: null, summary: null });
          return;
        }
        set({ tabId });
        unsubscribe = deps.source.subscribe(tabId, (summary) => {
          liveSeen = true;
          set({ phase: 'ready', summary });
        });
        const summary = await deps.source.get(tabId).catch(() => null);
        if (!stopped && !liveSeen) set({ phase: 'ready', summary });
      })();
      return () => {
        stopped = true;
        unsubscribe?.();
        stopProfiles?.();
      };
    },
    async clear() {
      const { tabId } = get();
      if (tabId === null) return;
      set({ summary: null });
      await deps.source.clear(tabId);
    },
    openOptions: () => deps.tabs.openOptions(),
  }));
}
