/**
 * A reusable list of (row, value) features: scoring fills one per call instead of allocating per n-gram,
 * so the hot path of analyzeSentiment allocates nothing but its result.
 */
export class FeatureBuffer {
  /** Rows of the weight table, `length` of them in use. */
  rows = new Int32Array(1024);
  /** The value of each row, `length` of them in use. */
  values = new Float32Array(1024);
  /** How many features are in use. */
  length = 0;
  /**
   * Where the word and dense features start (after the character n-grams): the emotion head scores
   * only these.
   */
  wordsFrom = 0;

  /** Forgets the features (keeps the memory). */
  clear(): void {
    this.length = 0;
    this.wordsFrom = 0;
  }

  /** Makes room for `count` features in all (hot loops then write rows/values directly). */
  reserve(count: number): void {
    while (this.rows.length < count) this.grow();
  }

  /** Appends one feature, growing the arrays when full. */
  push(row: number, value: number): void {
    if (this.length === this.rows.length) this.grow();
    this.rows[this.length] = row;
    this.values[this.length] = value;
    this.length++;
  }

  private grow(): void {
    const rows = new Int32Array(this.rows.length * 2);
    rows.set(this.rows);
    const values = new Float32Array(this.values.length * 2);
    values.set(this.values);
    this.rows = rows;
    this.values = values;
  }
}
