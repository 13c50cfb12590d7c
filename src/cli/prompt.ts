/** Reading a password from a file, a terminal (without echo) or piped standard input. */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { AppError } from '../platform/errors.js';

/** The password in `file` (first line), or asked for on the terminal, or the first line of piped stdin. */
export async function readPassword(file: string | undefined, question: string): Promise<string> {
  if (file !== undefined) {
    try {
      return (readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '').trimEnd();
    } catch (error) {
      throw new AppError(
        'VALIDATION_FAILED',
        `cannot read --password-file ${file}: ${(error as Error).message}`,
      );
    }
  }
  return process.stdin.isTTY ? askHidden(question) : firstLineOfStdin();
}

async function firstLineOfStdin(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line.trimEnd();
  }
  throw new AppError('VALIDATION_FAILED', 'no password given: use --password-file FILE or pipe it on stdin');
}

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    output._writeToOutput = (text: string) => {
      if (text.startsWith(question)) process.stdout.write(question);
    };
  });
}
