/**
 * `fengxiang` processes as an operator starts them (`node --import tsx src/cli/main.ts …`), for the scale and
 * fault tests: each process keeps its JSON log lines in memory so a test can wait for a message (such as
 * "leader elected") and find which process said it, and can be killed with SIGKILL and started again with
 * the same command line.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '../../..');
const MAIN = join(ROOT, 'src/cli/main.ts');
/** tsx's loader by absolute URL, so commands may run with any working directory. */
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** One parsed pino log line. */
export interface LogLine {
  msg?: string;
  level?: number;
  [key: string]: unknown;
}

/** A running (or stopped) CLI process. */
export interface CliProcess {
  readonly name: string;
  readonly pid: number | undefined;
  /** Log lines of every incarnation, oldest first. */
  readonly lines: LogLine[];
  /** The last lines of stderr (start-up failures, stack traces). */
  stderrTail(): string;
  alive(): boolean;
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<void>;
  /** Starts the same command again (after a kill). */
  restart(): void;
  /** SIGTERM and waits for a graceful exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

/** Runs a one-shot command and returns its exit code and output. */
export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  input?: string,
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], {
    env,
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    ...(input !== undefined ? { input } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts a long-running command (`serve`, `worker`) and records its log lines. */
export function startCli(name: string, args: readonly string[], env: NodeJS.ProcessEnv): CliProcess {
  const lines: LogLine[] = [];
  let stderr = '';
  let child: ChildProcess;
  let exited: Promise<unknown>;
  const launch = (): void => {
    child = spawn(process.execPath, ['--import', TSX, MAIN, ...args], {
      env,
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = once(child, 'exit');
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const part of parts) lines.push(parseLine(part, child.pid));
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-8000);
    });
  };
  launch();
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  return {
    name,
    get pid() {
      return child.pid;
    },
    lines,
    stderrTail: () => stderr,
    alive,
    async kill() {
      if (!alive()) return;
      child.kill('SIGKILL');
      await exited;
    },
    restart() {
      if (alive()) throw new Error(`${name} is still running`);
      launch();
    },
    async stop(graceMs = 15_000) {
      if (!alive()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

function parseLine(text: string, pid: number | undefined): LogLine {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) return { pid, ...(parsed as LogLine) };
  } catch {
    // not JSON: keep the text as the message
  }
  return { pid, msg: text };
}

/** Waits until `check` holds, polling every 200 ms; rejects naming `what` after `timeoutMs`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits for the API of a process to answer `/healthz`. */
export async function waitForHealth(origin: string, process: CliProcess, timeoutMs = 90_000): Promise<void> {
  await until(
    async () => {
      if (!process.alive()) throw new Error(`${process.name} exited: ${process.stderrTail()}`);
      try {
        return (await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(1000) })).ok;
      } catch {
        return false;
      }
    },
    `${process.name} to answer /healthz (stderr: ${process.stderrTail()}; log: ${JSON.stringify(process.lines.slice(-5))})`,
    timeoutMs,
  );
}
