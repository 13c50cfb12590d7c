/**
 * Finding the scheduler leader among the processes of a run: the live process that most recently logged
 * that it was elected leader. Before leader election existed, the one process that scheduled was the API
 * process (`serve`), which is then returned.
 */
import type { CliProcess } from './cli-process.js';

/** True for a log message that announces this process became the leader. */
export function announcesLeadership(message: string | undefined): boolean {
  return (
    message !== undefined &&
    /leader (elected|acquired)|became (the )?leader|leadership acquired/i.test(message)
  );
}

/** The live process that most recently became the leader, or null while none has said so. */
export function currentLeader(processes: readonly CliProcess[]): CliProcess | null {
  let best: { process: CliProcess; time: number } | null = null;
  for (const process of processes) {
    if (!process.alive()) continue;
    for (const line of process.lines) {
      if (line.pid !== process.pid || !announcesLeadership(line.msg)) continue;
      const time = typeof line['time'] === 'number' ? line['time'] : 0;
      if (!best || time >= best.time) best = { process, time };
    }
  }
  return best?.process ?? null;
}
