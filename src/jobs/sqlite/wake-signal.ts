/** A sleep that can be cut short: the SQLite processor waits on it between polls. */
export class WakeSignal {
  private wakeUp: (() => void) | null = null;
  private pending = false;

  /** Resolves after `ms`, or earlier when {@link notify} is called (also if it was called since the last wait). */
  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  /** Ends the current wait, or makes the next one return at once. */
  notify(): void {
    if (this.wakeUp) this.wakeUp();
    else this.pending = true;
  }
}
