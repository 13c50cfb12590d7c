/** Counting the records of a CSV download while it streams in (DOM-free). */

/** Counts CSV records as chunks arrive, honouring quoted line breaks. */
export class CsvRecordCounter {
  private quoted = false;
  private lines = 0;

  /** Reads one chunk of text. */
  push(text: string): void {
    for (const char of text) {
      if (char === '"') this.quoted = !this.quoted;
      else if (char === '\n' && !this.quoted) this.lines += 1;
    }
  }

  /** The records read so far, without the header line. */
  get records(): number {
    return Math.max(0, this.lines - 1);
  }
}
