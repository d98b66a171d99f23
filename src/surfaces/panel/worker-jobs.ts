/**
 * Small pieces of the worker analyzer (worker-analyzer.ts): listener sets whose `add` returns
 * the unsubscribe the ports promise, and jobs the worker answers by id.
 */

/** Listeners of one kind of news. */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();

  /** Adds a listener; the function returned removes it. */
  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => void this.set.delete(listener);
  }

  deliver(value: T): void {
    for (const l of this.set) l(value);
  }

  clear(): void {
    this.set.clear();
  }
}

interface Pending<J, A> {
  job: J;
  resolve(answer: A): void;
  reject(error: Error): void;
}

/**
 * Jobs sent to the worker and answered by id (an export, a comparison): each caller holds a
 * promise; the worker's answer settles it, and if the worker fails they are taken back
 * (`takeAll`) to be run elsewhere or refused.
 */
export class WorkerJobs<J, A> {
  private readonly pending = new Map<string, Pending<J, A>>();
  private next = 0;

  constructor(private readonly prefix: string) {}

  /** A new job: its id for the message, and the promise its answer settles. */
  start(job: J): { jobId: string; answer: Promise<A> } {
    const jobId = `${this.prefix}-${this.next++}`;
    const answer = new Promise<A>((resolve, reject) => this.pending.set(jobId, { job, resolve, reject }));
    return { jobId, answer };
  }

  /** Settles a job with the worker's answer, or its error; an unknown id is a late answer and ignored. */
  settle(jobId: string, answer: { ok: true; value: A } | { ok: false; error: string }): void {
    const p = this.pending.get(jobId);
    if (!p) return;
    this.pending.delete(jobId);
    if (answer.ok) p.resolve(answer.value);
    else p.reject(new Error(answer.error));
  }

  /** Every unanswered job, no longer waited for here. */
  takeAll(): Pending<J, A>[] {
    const all = [...this.pending.values()];
    this.pending.clear();
    return all;
  }

  /** Refuses every unanswered job with this message. */
  rejectAll(message: string): void {
    for (const p of this.takeAll()) p.reject(new Error(message));
  }
}
