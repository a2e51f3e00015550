/**
 * Rows of numbers for many small lists, kept in one growable buffer per pool instead of typed
 * arrays of each list's own: a list holds a few block numbers, a block ROWS_PER_BLOCK rows. A row
 * is a 32-bit key (a tick or minute number, with flag bits) and `width` Float32 values (NaN: no
 * value). Float32 keeps 24 bits: sizes in whole KiB, as /proc gives them, are exact up to 16 GiB,
 * larger ones to within 1 part in 16 million. A block a list gives back is reused; the buffer
 * keeps the most it ever held.
 */
export const ROWS_PER_BLOCK = 8;
const BLOCK_SHIFT = 3;

export class RowPool {
  /** Cells per row: the key, then the values. */
  readonly stride: number;
  private keys: Uint32Array;
  private values: Float32Array;
  private handedOut = 0;
  private readonly free: number[] = [];

  constructor(readonly width: number, initialBlocks = 64) {
    this.stride = width + 1;
    const buffer = new ArrayBuffer(initialBlocks * ROWS_PER_BLOCK * this.stride * 4);
    this.keys = new Uint32Array(buffer);
    this.values = new Float32Array(buffer);
  }

  /** A free block's number. */
  allocate(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    if (this.handedOut === this.blockCapacity) this.grow();
    return this.handedOut++;
  }

  release(block: number): void {
    this.free.push(block);
  }

  /** The cell of row `row` of block `block`: pass it to key() and value(). */
  cell(block: number, row: number): number {
    return ((block << BLOCK_SHIFT) + row) * this.stride;
  }

  key(cell: number): number {
    return this.keys[cell];
  }

  value(cell: number, column: number): number {
    return this.values[cell + 1 + column];
  }

  write(cell: number, key: number, values: ArrayLike<number>): void {
    this.keys[cell] = key;
    for (let c = 0; c < this.width; c++) this.values[cell + 1 + c] = values[c];
  }

  /** Bytes of the buffer (what the pool holds, used or free). */
  get byteSize(): number {
    return this.keys.byteLength;
  }

  /** Blocks in use by lists. */
  get blocksInUse(): number {
    return this.handedOut - this.free.length;
  }

  private get blockCapacity(): number {
    return this.keys.length / (ROWS_PER_BLOCK * this.stride);
  }

  private grow(): void {
    const buffer = new ArrayBuffer(this.keys.byteLength * 2);
    new Uint32Array(buffer).set(this.keys);
    this.keys = new Uint32Array(buffer);
    this.values = new Float32Array(buffer);
  }
}

/** A first-in first-out list of rows in a pool; at `maxRows` a push drops the oldest row. */
export class RowList {
  private blocks: number[] = [];
  /** The first row's index in blocks[0]. */
  private head = 0;
  length = 0;

  constructor(private readonly pool: RowPool, private readonly maxRows: number) {
    if (!Number.isInteger(maxRows) || maxRows < 1) throw new RangeError(`RowList capacity must be a whole number ≥ 1, not ${maxRows}`);
  }

  push(key: number, values: ArrayLike<number>): void {
    if (this.length === this.maxRows) this.dropFirst();
    const at = this.head + this.length;
    if (at >> BLOCK_SHIFT === this.blocks.length) this.blocks.push(this.pool.allocate());
    this.pool.write(this.pool.cell(this.blocks[at >> BLOCK_SHIFT], at & (ROWS_PER_BLOCK - 1)), key, values);
    this.length++;
  }

  /** The cell of row i, oldest first. */
  cell(i: number): number {
    const at = this.head + i;
    return this.pool.cell(this.blocks[at >> BLOCK_SHIFT], at & (ROWS_PER_BLOCK - 1));
  }

  key(i: number): number {
    return this.pool.key(this.cell(i));
  }

  value(i: number, column: number): number {
    return this.pool.value(this.cell(i), column);
  }

  dropFirst(): void {
    if (this.length === 0) return;
    this.length--;
    this.head++;
    if (this.length === 0) this.clear();
    else if (this.head === ROWS_PER_BLOCK) {
      this.pool.release(this.blocks.shift()!);
      this.head = 0;
    }
  }

  /** Gives every block back to the pool. */
  clear(): void {
    for (const block of this.blocks) this.pool.release(block);
    this.blocks = [];
    this.head = 0;
    this.length = 0;
  }
}
