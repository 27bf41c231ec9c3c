import { compileQuery, type CompiledQuery } from './compiled-query';
import {
  MAX_SEARCH_LIMIT,
  compareSortKeys,
  encodeCursor,
  type NumberQuery,
  type SortKey,
} from '@haoma/domain';
import {
  emptyPackedRow,
  numberOfWindow,
  unpackRow,
  windowOf,
  type IndexedNumber,
  type IndexRow,
  type PackedRow,
} from './index-row';
import { contextOf, packRanked, type IndexContext, type NumberIndexOptions } from './index-context';
import type { IndexSegment } from './index-segment';
import { scoreAt } from './relevance-scorer';
import { SegmentBuilder } from './segment-builder';
import { searchSegment, type SearchPath, type SearchPlan } from './segment-search';

export type { NumberIndexOptions } from './index-context';

export interface SearchOptions {
  /** Force a path; both return the same rows (tests compare them). */
  readonly plan?: SearchPlan;
}

/** A page of a search: at most `limit` available numbers and, when more follow, the cursor. */
export interface NumberSearchResult {
  readonly items: IndexedNumber[];
  readonly nextCursor?: string;
}

/** How the main segment was searched, for logs and tests. */
export interface SearchExplanation {
  readonly path: SearchPath;
  /** Windows the cheapest enumeration would visit; undefined when no digit is pinned. */
  readonly candidates: number | undefined;
}

/** Streams rows into a new index (e.g. from a database cursor) without holding them as objects. */
export class NumberIndexBuilder {
  private readonly builder = new SegmentBuilder();
  private readonly context: IndexContext;
  private readonly scratch = emptyPackedRow();

  constructor(options: NumberIndexOptions = {}) {
    this.context = contextOf(options);
  }

  get size(): number {
    return this.builder.size;
  }

  /** @throws RangeError for a malformed row or a number added twice. */
  add(row: IndexRow): void {
    this.builder.add(packRanked(row, this.context, this.scratch));
  }

  build(): NumberIndex {
    return createIndex(this.builder.build(this.context.options.denseLookup), this.context);
  }
}

// The builder's way past the private constructor (assigned when the class is defined).
let createIndex: (main: IndexSegment, context: IndexContext) => NumberIndex;

interface Hit {
  readonly segment: IndexSegment;
  readonly position: number;
  readonly key: SortKey;
}

/**
 * The in-memory index the storefront searches: every number with its grade, tags, fee and
 * availability, in typed arrays and bitsets (libs/search/README.md explains the design).
 * Holds and releases flip one bit; a row whose fee changes, or a new number, goes to a
 * small pending segment searched alongside until `rebuild()` folds it in.
 */
export class NumberIndex {
  private readonly pending = new Map<number, PackedRow>();
  private pendingSegment: IndexSegment | undefined;
  private pendingDirty = false;
  private pendingAvailable = 0;

  static {
    createIndex = (main, context) => new NumberIndex(main, context);
  }

  private constructor(
    private readonly main: IndexSegment,
    private readonly context: IndexContext,
  ) {}

  /** Builds an index from rows in any order. @throws RangeError for a malformed or repeated row. */
  static build(rows: Iterable<IndexRow>, options: NumberIndexOptions = {}): NumberIndex {
    const builder = new NumberIndexBuilder(options);
    for (const row of rows) builder.add(row);
    return builder.build();
  }

  /** Numbers in the index. */
  get size(): number {
    return this.main.liveCount + this.pending.size;
  }

  get availableCount(): number {
    return this.main.availableCount + this.pendingAvailable;
  }

  /** Rows waiting in the pending segment; rebuild when this grows into the thousands. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** The next page of available numbers matching `query` (see `parseNumberQuery`). */
  search(query: NumberQuery, options: SearchOptions = {}): NumberSearchResult {
    const compiled = this.compile(query);
    const need = compiled.limit + 1;
    const hits: Hit[] = [];
    for (const segment of this.segments()) {
      const { positions } = searchSegment(
        segment,
        compiled,
        this.context.grades,
        need,
        options.plan,
        this.context.planner,
      );
      for (const position of positions)
        hits.push({ segment, position, key: this.keyAt(segment, position, compiled) });
    }
    if (segmentsDiffer(hits)) hits.sort((a, b) => compareSortKeys(compiled.sort, a.key, b.key));
    const page = hits.slice(0, compiled.limit);
    const items = page.map((hit) => hit.segment.rowAt(hit.position));
    const last = page[page.length - 1];
    return hits.length > compiled.limit && last
      ? { items, nextCursor: encodeCursor(compiled.sort, last.key) }
      : { items };
  }

  /** The path the planner takes for `query` on the main segment. */
  explain(query: NumberQuery): SearchExplanation {
    const compiled = this.compile(query);
    const { path, candidates } = searchSegment(
      this.main,
      compiled,
      this.context.grades,
      compiled.limit + 1,
      'auto',
      this.context.planner,
    );
    return { path, candidates };
  }

  /** Any number of the index, available or not. */
  get(number: string): IndexedNumber | undefined {
    const window = windowOf(number);
    const pending = this.pending.get(window);
    if (pending) return unpackRow(pending);
    const position = window < 0 ? -1 : this.main.positionOf(window);
    return position < 0 ? undefined : this.main.rowAt(position);
  }

  /** Holds (false) or releases (true) a number in O(1); false when the number is unknown. */
  setAvailable(number: string, available: boolean): boolean {
    const window = windowOf(number);
    const pending = this.pending.get(window);
    if (pending) {
      if (pending.available !== available) this.pendingAvailable += available ? 1 : -1;
      pending.available = available;
      const position = this.pendingDirty ? -1 : (this.pendingSegment?.positionOf(window) ?? -1);
      if (position >= 0) this.pendingSegment?.setAvailableAt(position, available);
      return true;
    }
    const position = window < 0 ? -1 : this.main.positionOf(window);
    if (position >= 0) this.main.setAvailableAt(position, available);
    return position >= 0;
  }

  /**
   * Adds a number or replaces what the index knows of it (re-grading, a new fee). Same fee:
   * changed in place. Otherwise the row moves to the pending segment, so positions and
   * open cursors stay valid. @throws RangeError for a malformed row.
   */
  upsert(row: IndexRow): void {
    const packed = packRanked(row, this.context);
    if (!this.pending.has(packed.window)) {
      const position = this.main.positionOf(packed.window);
      if (position >= 0 && this.main.data.fees[position] === packed.fee)
        return this.main.update(position, packed);
      if (position >= 0) this.main.retire(position);
    }
    this.removePending(packed.window);
    this.pending.set(packed.window, packed);
    this.pendingAvailable += packed.available ? 1 : 0;
    this.pendingDirty = true;
  }

  /** Forgets a number (deleted from the inventory); false when it was unknown. */
  remove(number: string): boolean {
    const window = windowOf(number);
    if (this.removePending(window)) return true;
    const position = window < 0 ? -1 : this.main.positionOf(window);
    if (position >= 0) this.main.retire(position);
    return position >= 0;
  }

  /** Every number of the index, main segment in (fee, number) order, then pending ones. */
  *rows(): IterableIterator<IndexedNumber> {
    for (let position = 0; position < this.main.size; position++) {
      if (this.main.isLive(position)) yield this.main.rowAt(position);
    }
    for (const row of this.pending.values()) yield unpackRow(row);
  }

  /** A fresh index of the same rows with nothing pending; swap it in when it is built. */
  rebuild(): NumberIndex {
    return NumberIndex.build(this.rows(), this.context.options);
  }

  /** Bytes held by the typed arrays and maps of the index (an estimate for the maps). */
  memoryBytes(): number {
    // A pending row is a small object plus a map entry: about 120 bytes in V8.
    return this.main.memoryBytes() + (this.pendingSegment?.memoryBytes() ?? 0) + this.pending.size * 120;
  }

  private compile(query: NumberQuery): CompiledQuery {
    if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_SEARCH_LIMIT) {
      throw new RangeError(`limit must be 1..${MAX_SEARCH_LIMIT}, got ${query.limit}`);
    }
    return compileQuery(query, this.context.blocks);
  }

  private removePending(window: number): boolean {
    const old = this.pending.get(window);
    if (old === undefined) return false;
    this.pending.delete(window);
    this.pendingAvailable -= old.available ? 1 : 0;
    this.pendingDirty = true;
    return true;
  }

  private segments(): IndexSegment[] {
    if (this.pendingDirty) {
      const builder = new SegmentBuilder();
      for (const row of this.pending.values()) builder.add(row);
      this.pendingSegment = this.pending.size > 0 ? builder.build(false) : undefined;
      this.pendingDirty = false;
    }
    return this.pendingSegment ? [this.main, this.pendingSegment] : [this.main];
  }

  private keyAt(segment: IndexSegment, position: number, query: CompiledQuery): SortKey {
    const grade = segment.data.grades[position] ?? 0;
    const key = {
      feeFen: segment.data.fees[position] ?? 0,
      gradeRank: this.context.grades.rank[grade] ?? 0,
      number: numberOfWindow(segment.data.windows[position] ?? 0),
    };
    return query.relevance ? { ...key, score: scoreAt(segment, query.relevance, position) } : key;
  }
}

const segmentsDiffer = (hits: readonly Hit[]): boolean =>
  hits.some((hit) => hit.segment !== hits[0]?.segment);
