import type { CapturedRequest, NetworkSource } from '../ports';

export class MemoryNetworkSource implements NetworkSource {
  existing: CapturedRequest[] = [];
  private requestListeners = new Set<(r: CapturedRequest) => void>();
  private navigateListeners = new Set<(url: string) => void>();

  onRequestFinished(listener: (r: CapturedRequest) => void) {
    this.requestListeners.add(listener);
    return () => void this.requestListeners.delete(listener);
  }
  onNavigated(listener: (url: string) => void) {
    this.navigateListeners.add(listener);
    return () => void this.navigateListeners.delete(listener);
  }
  async getExisting() {
    return this.existing;
  }
  /** Test side: a request finishes. `body` is what getContent() will return; `fetches` counts its calls. */
  emit(
    entry: unknown,
    body: { text: string | null; encoding?: string | null } = { text: null },
    fetches: { count: number } = { count: 0 },
  ) {
    this.finish({
      entry,
      getContent: async () => {
        fetches.count++;
        return { text: body.text, encoding: body.encoding ?? null };
      },
    });
  }
  /** Test side: a request finishes with whatever body fetcher the test builds. */
  finish(request: CapturedRequest) {
    for (const l of this.requestListeners) l(request);
  }
  navigate(url: string) {
    for (const l of this.navigateListeners) l(url);
  }
  get listenerCount() {
    return this.requestListeners.size + this.navigateListeners.size;
  }
}
