import type { ContractDoc } from '../core/contract/load';
import type { UserProfiles } from '../core/profiles/user';
import type { Settings } from '../core/settings/schema';
import type { TabSummary } from '../core/summary/summary';
import type { PageRequest } from '../core/resend/draft';
import type { DevtoolsSearchAction, Message } from '../messaging/messages';

/** Every subscription hands back the way to end it. */
export type Unsubscribe = () => void;

export interface CapturedContent {
  text: string | null;
  encoding: string | null;
}

/** One finished request as DevTools reports it: a HAR entry plus a lazy body fetch. */
export interface CapturedRequest {
  /** A HAR 1.2 entry; `response.content.text` is usually absent until getContent() runs. */
  entry: unknown;
  getContent(): Promise<CapturedContent>;
}

/** The inspected page's traffic (chrome.devtools.network behind it). */
export interface NetworkSource {
  onRequestFinished(listener: (request: CapturedRequest) => void): Unsubscribe;
  onNavigated(listener: (url: string) => void): Unsubscribe;
  /** Requests DevTools already holds when the panel opens. */
  getExisting(): Promise<CapturedRequest[]>;
}

export type ThemeName = 'light' | 'dark';

export interface DevtoolsEnvironment {
  inspectedTabId: number;
  theme: ThemeName;
  /** Follows the user switching DevTools between light and dark while the panel is open. */
  onThemeChanged(listener: (theme: ThemeName) => void): Unsubscribe;
}

/**
 * The OpenAPI descriptions the user loaded (options page, panel toolbar), by name. They are
 * megabytes, so they live apart from the synced settings.
 */
export interface ContractStore {
  list(): Promise<ContractDoc[]>;
  /** The documents, and what is stored that this version cannot read (kept, not used). */
  read(): Promise<StoredContracts>;
  /** Adds or replaces the document with this name. */
  put(doc: ContractDoc): Promise<void>;
  remove(name: string): Promise<void>;
  /**
   * Switches the description with this name off (kept with its text and base URL, not checked
   * against: `ContractDoc.off`) or back on. Only its index entry is written.
   */
  setOff(name: string, off: boolean): Promise<void>;
  /** Deletes one of `read()`'s unreadable descriptions from storage: only ever the user's choice. */
  deleteUnreadable(item: UnreadableContract): Promise<void>;
  /**
   * Called with every document (and the unreadable ones) whenever any context changes them.
   * When reading them after a change fails, `failed` is told why, and the read is tried again
   * until one succeeds or a newer change is read: a change is never dropped for good.
   */
  subscribe(
    listener: (docs: ContractDoc[], unreadable: UnreadableContract[]) => void,
    failed?: (reason: string) => void,
  ): Unsubscribe;
}

/**
 * A stored OpenAPI description this version cannot read: its index entry (a newer version's
 * kind, or damaged) or its text (missing, damaged, unreadable). Never dropped by a write; it
 * goes only when the user deletes it.
 */
export interface UnreadableContract {
  /** Its name when the index entry gives one, otherwise where it is in the index. */
  label: string;
  /** What is wrong, in words for the user. */
  problem: string;
  /** The index entry as stored: how deleteUnreadable() finds it. */
  raw: unknown;
}

export interface StoredContracts {
  docs: ContractDoc[];
  unreadable: UnreadableContract[];
}

/** Where a save put the settings. */
export interface SaveOutcome {
  /** `sync` follows the user to every Chrome they sign in to; `local` stays in this browser. */
  storedIn: 'sync' | 'local';
  /** Why they are not in sync, in words for the user (when `storedIn` is `local`). */
  note?: string;
}

export interface SettingsStore {
  load(): Promise<Settings>;
  /** Resolves to where the settings went; rejects (with Chrome's reason) when they were not saved. */
  save(settings: Settings): Promise<SaveOutcome>;
  /** Called with the new settings whenever any context saves them. */
  subscribe(listener: (settings: Settings) => void): Unsubscribe;
  /**
   * What the stored settings, as last read, held that this version cannot read (each error
   * naming its place). Those parts are left out of the settings and written back by every save.
   */
  unreadable?(): string[];
}

/**
 * One chrome.storage area (`sync` or `local`), as much of it as the stores built on it need.
 * `sync` is small (8 KB per item, 100 KB in all); `local` is the home for anything bigger:
 * settings that outgrow sync (src/adapters/settings-storage.ts), and later user profiles and
 * OpenAPI documents.
 */
export interface StorageArea {
  get(key: string): Promise<unknown>;
  /** Rejects with Chrome's message (e.g. "QUOTA_BYTES_PER_ITEM quota exceeded"). */
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
  /** Changes to this area made by any context, with their new values (undefined: removed). */
  onChanged(listener: (changes: Record<string, { newValue?: unknown }>) => void): Unsubscribe;
}

/**
 * Large values kept in this browser, with no change events and no quota worth naming (the
 * extension origin's IndexedDB: room for 20 MB descriptions without `unlimitedStorage`).
 */
export interface BlobArea {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Every key that starts with `prefix`, in key order: how texts no index names any more are
   * found (the area has no events, so nothing else would ever see them).
   */
  keys(prefix: string): Promise<string[]>;
}

/**
 * The user's own profile documents, kept apart from the synced settings because they can be
 * large: chrome.storage.local behind it (`profileStoreOver`). Which are on, and their scopes,
 * are references in the synced settings.
 */
export interface ProfileStore {
  load(): Promise<UserProfiles>;
  save(profiles: UserProfiles): Promise<void>;
  subscribe(listener: (profiles: UserProfiles) => void): Unsubscribe;
}

/** Where the panel reports its tab's summary (the background worker behind it). */
export interface SummarySink {
  replace(tabId: number, summary: TabSummary): void;
  clear(tabId: number): void;
}

/**
 * An open panel's standing with the background: while attached, the panel's summary is its tab's;
 * when it goes (DevTools closed), the background stops trusting numbers nobody updates any more.
 */
export interface PanelPresence {
  /** `onClearRequested` runs when the user clears this tab from the popup. */
  attach(tabId: number, onClearRequested: () => void): Unsubscribe;
}

/** The background's handle on one open panel. */
export interface PanelLink {
  /** Asks the panel to empty its list, as its own Clear button does. */
  clear(): void;
}

/** Where the popup reads a tab's summary. */
export interface SummarySource {
  get(tabId: number): Promise<TabSummary | null>;
  subscribe(tabId: number, listener: (summary: TabSummary | null) => void): Unsubscribe;
  clear(tabId: number): Promise<void>;
}

export interface TabsPort {
  activeTabId(): Promise<number | undefined>;
  openOptions(): void;
}

/** Optional permissions, asked for at the moment the user turns a feature on. */
export interface PermissionsPort {
  /** Must be called synchronously inside a click handler: Chrome only asks during a user gesture. */
  requestMonitoring(): Promise<boolean>;
  removeMonitoring(): Promise<void>;
  hasMonitoring(): Promise<boolean>;
  /** Called when monitoring access is granted (true) or withdrawn (false), from any context. */
  onChanged(listener: (granted: boolean) => void): Unsubscribe;
}

/** A small key-value area that survives the service worker being stopped (chrome.storage.session). */
export interface SessionArea {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface BadgePort {
  /** `color` is the badge's background, `textColor` its text's. */
  show(tabId: number, text: string, color: string, textColor: string): void;
  clear(tabId: number): void;
}

export interface WebRequestHeader {
  name: string;
  value: string;
}

/** What every webRequest event says about its request. */
export interface WebRequestInfo {
  requestId: string;
  /** -1 for requests that belong to no tab (the extension's own, service workers). */
  tabId: number;
  method: string;
  url: string;
  /** webRequest's resource type: main_frame, xmlhttprequest, script, image… */
  type: string;
  /** ms since the epoch. */
  timeStamp: number;
  ip?: string;
  fromCache?: boolean;
}

/** A request's life as monitoring without DevTools sees it: headers only, never a body. */
export type WebRequestEvent =
  | (WebRequestInfo & { kind: 'sent'; requestHeaders: WebRequestHeader[] })
  | (WebRequestInfo & {
      kind: 'completed';
      statusCode: number;
      statusLine: string;
      responseHeaders: WebRequestHeader[];
    })
  | (WebRequestInfo & { kind: 'failed'; error: string });

/** Every tab's traffic through chrome.webRequest, present only while the optional permission is granted. */
export interface WebRequestSource {
  /** Whether the API can be listened to now (the permission is granted). */
  available(): boolean;
  subscribe(listener: (event: WebRequestEvent) => void): Unsubscribe;
}

/** What the inspected page's own fetch answered to a resend (issue #19). Read from the page: untrusted. */
export type PageFetchOutcome =
  | {
      kind: 'response';
      status: number;
      statusText: string;
      /** The final URL, after redirects. */
      url: string;
      redirected: boolean;
      /** ms since the epoch, taken in the page just before fetch was called. */
      startedAt: number;
      elapsedMs: number;
    }
  | {
      kind: 'error';
      /** `timeout` (our AbortController fired), `network` (fetch rejected: unreachable, CORS…), `page` (eval failed, page gone). */
      reason: 'timeout' | 'network' | 'page';
      message: string;
      startedAt: number;
      elapsedMs: number;
    };

/**
 * Sends a request from the inspected page's own context (chrome.devtools.inspectedWindow.eval
 * running fetch), so cookies, origin and CORS are the page's and DevTools captures it like any
 * request the page makes. No permission is needed beyond DevTools being open.
 */
export interface PageRequester {
  send(request: PageRequest): Promise<PageFetchOutcome>;
}

/**
 * What DevTools' own search bar does over our panel (Ctrl/⌘+F while the panel is shown: DevTools
 * keeps the key, so the panel never sees it): ExtensionPanel.onSearch behind it, issue #16.
 */
export type { DevtoolsSearchAction };

export interface DevtoolsSearchEvent {
  action: DevtoolsSearchAction;
  /** The search bar's text for `performSearch`; '' for the other actions. */
  query: string;
}

/** DevTools' search bar as seen by the devtools page, and by the panel the page relays it to. */
export interface DevtoolsSearch {
  onSearch(listener: (event: DevtoolsSearchEvent) => void): Unsubscribe;
}

/** The panel page's window as DevTools last showed it (ExtensionPanel.onShown): the devtools page posts to it. */
export interface PanelWindowLink {
  post(message: Message): void;
}
