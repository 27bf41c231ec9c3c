/**
 * The `capacity` largest keys offered, in a min-heap over a typed array: O(log capacity)
 * per offer that gets in, O(1) for one that does not, no allocation after construction.
 */
export class TopRows {
  private readonly keys: Float64Array;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be ≥ 1, got ${capacity}`);
    this.keys = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  get full(): boolean {
    return this.count === this.capacity;
  }

  /** The smallest key kept (the one the next better key replaces); -Infinity when empty. */
  get worst(): number {
    return this.count === 0 ? -Infinity : (this.keys[0] ?? -Infinity);
  }

  offer(key: number): void {
    const { keys } = this;
    if (this.count < this.capacity) {
      // Sift up from the new leaf.
      let i = this.count++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        const above = keys[parent] ?? 0;
        if (above <= key) break;
        keys[i] = above;
        i = parent;
      }
      keys[i] = key;
      return;
    }
    if (key <= (keys[0] ?? Infinity)) return;
    // Replace the root and sift down.
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.count) break;
      const right = left + 1;
      const child = right < this.count && (keys[right] ?? 0) < (keys[left] ?? 0) ? right : left;
      const below = keys[child] ?? 0;
      if (below >= key) break;
      keys[i] = below;
      i = child;
    }
    keys[i] = key;
  }

  /** The keys kept, largest first. */
  sorted(): number[] {
    return Array.from(this.keys.subarray(0, this.count)).sort((a, b) => b - a);
  }
}
