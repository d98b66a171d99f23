import type { Message } from '../../messaging/messages';
import type { DevtoolsSearch, DevtoolsSearchAction, DevtoolsSearchEvent, PanelWindowLink } from '../ports';

/** DevTools' search bar, driven by a test: `emit` is the user typing, pressing Enter, Escape… */
export class MemoryDevtoolsSearch implements DevtoolsSearch {
  private listeners = new Set<(e: DevtoolsSearchEvent) => void>();
  onSearch(listener: (e: DevtoolsSearchEvent) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  emit(action: DevtoolsSearchAction, query = '') {
    for (const l of this.listeners) l({ action, query });
  }
  get listenerCount() {
    return this.listeners.size;
  }
}

/** The panel's window as the devtools page sees it: what was posted to it. */
export class MemoryPanelWindowLink implements PanelWindowLink {
  posted: Message[] = [];
  post(message: Message) {
    this.posted.push(structuredClone(message));
  }
}
