/** A fixed-capacity list of lines: pushing past capacity drops the oldest (bounded log memory). */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private count = 0;
  /** How many items were dropped so far. */
  dropped = 0;

  constructor(readonly capacity: number) {
    this.items = new Array<T | undefined>(capacity);
  }

  /** Appends one item. */
  push(item: T): void {
    const end = (this.start + this.count) % this.capacity;
    this.items[end] = item;
    if (this.count < this.capacity) this.count++;
    else {
      this.start = (this.start + 1) % this.capacity;
      this.dropped++;
    }
  }

  /** Number of items held. */
  get length(): number {
    return this.count;
  }

  /** Items [from, to) in order, oldest first. */
  slice(from: number, to: number = this.count): T[] {
    const out: T[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.count); i++)
      out.push(this.items[(this.start + i) % this.capacity] as T);
    return out;
  }

  /** Empties the buffer. */
  clear(): void {
    this.start = 0;
    this.count = 0;
    this.dropped = 0;
  }
}
