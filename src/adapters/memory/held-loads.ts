/**
 * Loads made slow, as a busy chrome.storage makes them: a load reads what is stored when it is
 * called, then waits while `hold()`'s release is not called. The memory stores' holdLoads().
 */
export class HeldLoads {
  private held: Promise<void> | null = null;

  hold(): () => void {
    let release!: () => void;
    this.held = new Promise((r) => (release = r));
    return () => {
      this.held = null;
      release();
    };
  }

  /** `read`, once the loads are let through (at once, as before, when none are held). */
  async answer<T>(read: T): Promise<T> {
    if (this.held) await this.held;
    return read;
  }
}
