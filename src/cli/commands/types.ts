/** A CLI command: a one-line summary for `--help`, its usage line, and how to run it. */
export interface Command {
  summary: string;
  usage: string;
  run(args: readonly string[]): Promise<number>;
}
