/**
 * How long to wait before reading the descriptions again after a read that failed (ms), by
 * attempt; the last is repeated until a read succeeds. Storage that refused one read (IndexedDB
 * busy, chrome.storage briefly unavailable) usually answers the next.
 */
export const READ_RETRY_MS = [1_000, 5_000, 30_000] as const;

/**
 * Reads until a read succeeds, then hands its answer to `done`; each failure is told to
 * `failed` with its reason first. Returns a cancel: a newer read supersedes this one (its answer
 * would be older than the state now stored), and a subscriber that left wants none.
 */
export function readUntilRead<T>(
  read: () => Promise<T>,
  done: (value: T) => void,
  failed: (reason: string) => void,
): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const attempt = (tries: number) => {
    read().then(
      (value) => {
        if (!cancelled) done(value);
      },
      (e: unknown) => {
        if (cancelled) return;
        failed(String((e as Error)?.message ?? e));
        const wait = READ_RETRY_MS[Math.min(tries, READ_RETRY_MS.length - 1)]!;
        timer = setTimeout(() => {
          timer = null;
          if (!cancelled) attempt(tries + 1);
        }, wait);
      },
    );
  };
  attempt(0);
  return () => {
    cancelled = true;
    if (timer) clearTimeout(timer);
    timer = null;
  };
}
