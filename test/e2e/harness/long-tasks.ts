import type { Frame, Page } from 'puppeteer-core';
import { until } from './browser';

/**
 * The main-thread long-task probe the e2e tests and `npm run bench` (scripts/bench-panel.ts)
 * share, so a test's "no task over 100 ms" and the bench's "longest task" measure alike.
 * No vitest here: the bench runs outside it.
 */
type Surface = Page | Frame;

interface ProbeWindow {
  __long: number[];
  __longProbe?: PerformanceObserver;
}

/**
 * Starts recording the surface's main-thread long tasks afresh (`longTasks` reads them); proves
 * the observer sees one with a deliberate 200 ms task. Work run by a DevTools-protocol evaluate
 * is not a task the observer sees, so that one is queued as a task of its own.
 */
export async function watchLongTasks(s: Surface): Promise<void> {
  await s.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    w.__longProbe?.disconnect();
    w.__long = [];
    w.__longProbe = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    });
    w.__longProbe.observe({ type: 'longtask' });
    setTimeout(() => {
      const t = performance.now();
      while (performance.now() - t < 200) {
        // busy, on purpose
      }
    }, 0);
  });
  await until('the deliberate long task to be observed', () =>
    s.evaluate(() => (window as unknown as ProbeWindow).__long.some((d) => d >= 150)),
  );
  await s.evaluate(() => {
    (window as unknown as ProbeWindow).__long = [];
  });
}

/** The durations (ms) of the long tasks seen since watchLongTasks. */
export const longTasks = (s: Surface): Promise<number[]> =>
  s.evaluate(() => (window as unknown as ProbeWindow).__long);

/** The longest task (ms) since watchLongTasks; 0 when none reached the observer's 50 ms. */
export const longestTask = async (s: Surface): Promise<number> => Math.max(0, ...(await longTasks(s)));
