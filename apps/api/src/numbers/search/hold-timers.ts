/**
 * When each running hold ends, with the ones due found without looking at the others: a
 * binary min-heap of end times beside a map of the current end per number. A hold that is
 * extended, released or replaced leaves a stale heap entry, skipped when it surfaces.
 */
export class HoldTimers {
  private readonly endOf = new Map<string, number>();
  private heap: { untilMs: number; number: string }[] = [];

  get size(): number {
    return this.endOf.size;
  }

  set(number: string, untilMs: number): void {
    if (this.endOf.get(number) === untilMs) return;
    this.endOf.set(number, untilMs);
    this.push({ untilMs, number });
  }

  delete(number: string): void {
    this.endOf.delete(number);
  }

  clear(): void {
    this.endOf.clear();
    this.heap = [];
  }

  /** Removes and returns the numbers whose hold ended at or before `now`. */
  takeDue(now: number): string[] {
    const due: string[] = [];
    for (let top = this.heap[0]; top !== undefined && top.untilMs <= now; top = this.heap[0]) {
      this.pop();
      if (this.endOf.get(top.number) !== top.untilMs) continue; // stale
      this.endOf.delete(top.number);
      due.push(top.number);
    }
    return due;
  }

  private push(entry: { untilMs: number; number: string }): void {
    const heap = this.heap;
    heap.push(entry);
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (p === undefined || p.untilMs <= entry.untilMs) break;
      heap[i] = p;
      heap[parent] = entry;
      i = parent;
    }
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    heap[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if ((heap[l]?.untilMs ?? Infinity) < (heap[smallest]?.untilMs ?? Infinity)) smallest = l;
      if ((heap[r]?.untilMs ?? Infinity) < (heap[smallest]?.untilMs ?? Infinity)) smallest = r;
      if (smallest === i) return;
      const a = heap[i];
      const b = heap[smallest];
      if (a === undefined || b === undefined) return;
      heap[i] = b;
      heap[smallest] = a;
      i = smallest;
    }
  }
}
