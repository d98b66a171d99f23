import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { longTasks } from './long-tasks';
import type { Surface } from './panel';

/**
 * The e2e tests' "no task over 100 ms" on a surface's main thread, measured in CPU time from a
 * Chrome trace. The test machines run many jobs on two cores, where a task's wall-clock duration
 * is several times the work done and says more about the load than about the panel; the CPU
 * time a task took is the same on a busy machine as on a quiet one.
 */
export const LONG_TASK_MS = 100;

interface TraceEvent {
  ph: string;
  name: string;
  cat?: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** A user-timing mark put on the traced surface's thread, to tell it from the other renderers. */
const MARK = 'status-lens-e2e-traced-thread';

/**
 * Runs `work` under a Chrome trace (started through `tracer`, the page whose DevTools-protocol
 * session records it) and returns the CPU time (ms) of every task on `surface`'s renderer main
 * thread, and their wall-clock durations. The surface is the panel as a tab (the tracer itself)
 * or the panel's frame inside DevTools (the tracer is the DevTools page); its thread is found
 * by a performance.mark made in it, not guessed as the busiest renderer.
 */
export async function traceTasks(
  tracer: Page,
  work: () => Promise<void>,
  surface: Surface = tracer,
): Promise<{ cpu: number[]; wall: number[] }> {
  await tracer.tracing.start({
    categories: ['toplevel', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
  });
  await surface.evaluate((mark) => void performance.mark(mark), MARK);
  await work();
  const raw = await tracer.tracing.stop();
  const parsed = JSON.parse(new TextDecoder().decode(raw!)) as TraceEvent[] | { traceEvents: TraceEvent[] };
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const marked = events.find((e) => e.name === MARK);
  expect(marked, 'the traced surface’s mark in the trace').toBeDefined();
  const tasks = events.filter(
    (e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === marked!.pid && e.tid === marked!.tid,
  );
  expect(tasks.length, 'tasks traced on the surface’s thread').toBeGreaterThan(10);
  return {
    cpu: tasks.map((t) => (t.tdur ?? t.dur ?? 0) / 1000),
    wall: tasks.map((t) => (t.dur ?? 0) / 1000),
  };
}

/**
 * The assertion: no task of `traced` over LONG_TASK_MS in CPU time. The wall-clock long tasks
 * the surface's observer saw (watchLongTasks) go in the failure message, for the record.
 */
export async function expectNoLongTask(surface: Surface, traced: { cpu: number[] }): Promise<void> {
  const observed = await longTasks(surface);
  const over = traced.cpu.filter((d) => d > LONG_TASK_MS).map(Math.round);
  const context =
    `longest task CPU ${Math.round(Math.max(...traced.cpu))} ms; wall-clock long tasks seen by the ` +
    `observer: ${observed.length} (longest ${Math.round(Math.max(0, ...observed))} ms)`;
  if (process.env.STATUS_LENS_E2E_VERBOSE) console.log(context);
  expect(over, context).toEqual([]);
}
