/**
 * Progress lines on stderr for long phases (generation, loading a million rows), at most one a second,
 * so that stdout keeps only the result tables.
 */

/** Reports `done / total` with a rate; call {@link Progress.tick} often and {@link Progress.finish} once. */
export class Progress {
  private readonly started = performance.now();
  private lastPrint = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  /** Notes that `done` units are finished; prints when a second has passed since the last line. */
  tick(done: number): void {
    const now = performance.now();
    if (now - this.lastPrint < 1000) return;
    this.lastPrint = now;
    this.print(done, now);
  }

  /** Prints the final line and returns the elapsed seconds. */
  finish(done: number): number {
    const now = performance.now();
    this.print(done, now);
    return (now - this.started) / 1000;
  }

  private print(done: number, now: number): void {
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const percent = this.total > 0 ? ((done / this.total) * 100).toFixed(1) : '100.0';
    process.stderr.write(
      `  ${this.label}: ${done.toLocaleString('en')} / ${this.total.toLocaleString('en')} (${percent}%), ` +
        `${rate.toLocaleString('en')}/s, ${seconds.toFixed(1)} s\n`,
    );
  }
}
