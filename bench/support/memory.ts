/**
 * Peak resident memory of this process during one benchmark. Linux keeps the high-water mark in
 * /proc/self/status (VmHWM) and lets a process reset it by writing 5 to /proc/self/clear_refs, which gives
 * an exact per-phase peak; elsewhere a 50 ms sampler of `process.memoryUsage.rss()` stands in.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** Watches the peak RSS from construction until {@link PeakMemory.stop}. */
export class PeakMemory {
  private sampled = process.memoryUsage.rss();
  private readonly timer: NodeJS.Timeout;
  private readonly exact: boolean;

  constructor() {
    this.exact = resetHighWaterMark();
    this.timer = setInterval(() => {
      this.sampled = Math.max(this.sampled, process.memoryUsage.rss());
    }, 50);
    this.timer.unref();
  }

  /** Stops watching and returns the peak in MiB. */
  stop(): number {
    clearInterval(this.timer);
    const sampled = Math.max(this.sampled, process.memoryUsage.rss());
    const peak = this.exact ? Math.max(highWaterMarkBytes() ?? sampled, sampled) : sampled;
    return Math.round(peak / 1024 / 1024);
  }
}

function resetHighWaterMark(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return highWaterMarkBytes() !== null;
  } catch {
    return false;
  }
}

function highWaterMarkBytes(): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match?.[1] ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}
