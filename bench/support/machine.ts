/** A one-line description of the machine and the date, printed beside every figure. */
import { cpus, totalmem, release } from 'node:os';

/** E.g. `2 cores (AMD EPYC 7B13), 24 GiB RAM, Linux 6.1, Node v20.20.2`. */
export function describeMachine(): string {
  const cores = cpus();
  const model = cores[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const memory = Math.round(totalmem() / 1024 ** 3);
  return `${cores.length} cores (${model}), ${memory} GiB RAM, Linux ${release()}, Node ${process.version}`;
}

/** Today's date as YYYY-MM-DD (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
