/**
 * Rows of numbers for many small lists, kept in one growable buffer per pool instead of typed
 * arrays of each list's own: a list holds a few block numbers, a block `rowsPerBlock` rows. A row
 * is a 32-bit key (a tick or minute number, with flag bits) and `width` Float32 values (NaN: no
 * value). Float32 keeps 24 bits: sizes in whole KiB, as /proc gives them, are exact up to 16 GiB,
 * larger ones to within 1 part in 16 million. A block a list gives back is reused; the pool keeps
 * the most it ever held, in chunks that are never copied or freed (no holes in the C heap).
 */
/** Cells per chunk of a pool (256 KiB): a pool grows a chunk at a time and never moves or frees one. */
const CHUNK_SHIFT = 16;
const CHUNK_MASK = (1 << CHUNK_SHIFT) - 1;

export class RowPool {
  /** Cells per row: the key, then the values; a power of two, so blocks tile a chunk. */
  readonly stride: number;
  private readonly keyChunks: Uint32Array[] = [];
  private readonly valueChunks: Float32Array[] = [];
  private readonly blocksPerChunk: number;
  /** log2 of rowsPerBlock. */
  readonly blockShift: number;
  private handedOut = 0;
  private readonly free: number[] = [];

  /** `rowsPerBlock`: a power of two; small for lists that mostly hold a row or two. */
  constructor(readonly width: number, readonly rowsPerBlock = 8) {
    this.stride = width + 1;
    this.blockShift = Math.log2(rowsPerBlock);
    const powerOfTwo = (n: number) => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
    if (!powerOfTwo(this.stride) || !powerOfTwo(rowsPerBlock) || this.stride * rowsPerBlock > 1 << CHUNK_SHIFT) {
      throw new RangeError(`RowPool width + 1 and rows per block must be powers of two, not ${this.stride} and ${rowsPerBlock}`);
    }
    this.blocksPerChunk = (1 << CHUNK_SHIFT) / (rowsPerBlock * this.stride);
  }

  /** A free block's number. */
  allocate(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    if (this.handedOut === this.keyChunks.length * this.blocksPerChunk) {
      const buffer = new ArrayBuffer((1 << CHUNK_SHIFT) * 4);
      this.keyChunks.push(new Uint32Array(buffer));
      this.valueChunks.push(new Float32Array(buffer));
    }
    return this.handedOut++;
  }

  release(block: number): void {
    this.free.push(block);
  }

  /** The cell of row `row` of block `block`: pass it to key() and value(). */
  cell(block: number, row: number): number {
    return ((block << this.blockShift) + row) * this.stride;
  }

  key(cell: number): number {
    return this.keyChunks[cell >>> CHUNK_SHIFT][cell & CHUNK_MASK];
  }

  value(cell: number, column: number): number {
    return this.valueChunks[cell >>> CHUNK_SHIFT][(cell & CHUNK_MASK) + 1 + column];
  }

  write(cell: number, key: number, values: ArrayLike<number>): void {
    const at = cell & CHUNK_MASK;
    this.keyChunks[cell >>> CHUNK_SHIFT][at] = key;
    const chunk = this.valueChunks[cell >>> CHUNK_SHIFT];
    for (let c = 0; c < this.width; c++) chunk[at + 1 + c] = values[c];
  }

  /** Bytes of the chunks (what the pool holds, used or free). */
  get byteSize(): number {
    return this.keyChunks.length * (1 << CHUNK_SHIFT) * 4;
  }

  /** Blocks in use by lists. */
  get blocksInUse(): number {
    return this.handedOut - this.free.length;
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
    const shift = this.pool.blockShift;
    if (at >> shift === this.blocks.length) this.blocks.push(this.pool.allocate());
    this.pool.write(this.pool.cell(this.blocks[at >> shift], at & (this.pool.rowsPerBlock - 1)), key, values);
    this.length++;
  }

  /** The cell of row i, oldest first. */
  cell(i: number): number {
    const at = this.head + i;
    return this.pool.cell(this.blocks[at >> this.pool.blockShift], at & (this.pool.rowsPerBlock - 1));
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
    else if (this.head === this.pool.rowsPerBlock) {
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
