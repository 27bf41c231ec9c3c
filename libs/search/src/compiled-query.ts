import {
  BLOCKS,
  GRADE_CODES,
  decodeCursor,
  expandMask,
  wordToDigits,
  type BlockInfo,
  type NumberQuery,
  type NumberSort,
  type SortKey,
} from '@haoma/domain';
import { MAX_FEE_FEN, WINDOW_DIGITS, windowOf } from './index-row';
import { compileRelevance, type CompiledRelevance } from './relevance-scorer';
import { LUCKY_SLOTS, slotsOfFilter } from './tag-slots';
import { windowIntervals, type Interval } from './window-intervals';

export const ALL_GRADES = (1 << GRADE_CODES.length) - 1;

/**
 * How a segment is walked: by position, backwards, grade by grade, or every match scored
 * (`relevance` whose points vary; when they cannot, it is walked as `grade_desc`).
 */
export type SearchOrder = 'fee_asc' | 'fee_desc' | 'grade_desc' | 'scored';

/**
 * A query reduced to what the index evaluates, independent of any segment. A "template"
 * is the 7 window digits with -1 where any digit goes.
 */
export interface CompiledQuery {
  readonly sort: NumberSort;
  readonly order: SearchOrder;
  /** For `relevance` only: how a row is scored. */
  readonly relevance: CompiledRelevance | undefined;
  readonly limit: number;
  /** The last row of the previous page, window as an integer. */
  readonly after: (SortKey & { readonly window: number }) | undefined;
  readonly feeMin: number;
  readonly feeMax: number;
  /** Digits allowed first in the window (the block's fourth digit, not excluded), as bits. */
  readonly blockDigits: number;
  /** Window intervals the query is confined to (see window-intervals.ts). */
  readonly intervals: readonly Interval[] | undefined;
  /** Templates one of which the window must match (mask, startsWith, endsWith). */
  readonly templates: readonly Int8Array[] | undefined;
  /** Digit strings that must each occur in the window (contains, word). */
  readonly substrings: readonly Int8Array[];
  readonly excludedDigits: number;
  /** Bits over GRADE_CODES indexes. */
  readonly grades: number;
  /** Each entry: slots one of which must be set. */
  readonly tagClauses: readonly (readonly number[])[];
  /** True when nothing can match (e.g. mask and startsWith disagree). */
  readonly impossible: boolean;
}

const digitsOf = (text: string): Int8Array => Int8Array.from(text, (c) => (c === '?' ? -1 : Number(c)));

// Puts `digits` at `start` of a template copy; undefined when a fixed digit disagrees.
function pin(template: Int8Array, start: number, digits: Int8Array): Int8Array | undefined {
  const pinned = template.slice();
  for (let i = 0; i < digits.length; i++) {
    const have = pinned[start + i] ?? -1;
    const want = digits[i] ?? -1;
    if (have !== -1 && have !== want) return undefined;
    pinned[start + i] = want;
  }
  return pinned;
}

function templatesOf(query: NumberQuery): Int8Array[] | undefined {
  if (query.mask === undefined && query.startsWith === undefined && query.endsWith === undefined) {
    return undefined;
  }
  const masks = query.mask === undefined ? ['400???????'] : expandMask(query.mask);
  const head = digitsOf(query.startsWith?.slice(3) ?? '');
  const tail = digitsOf(query.endsWith ?? '');
  const seen = new Set<string>();
  const templates: Int8Array[] = [];
  for (const mask of masks) {
    const withHead = pin(digitsOf(mask.slice(3)), 0, head);
    const template = withHead && pin(withHead, WINDOW_DIGITS - tail.length, tail);
    if (template === undefined || seen.has(template.join())) continue;
    seen.add(template.join());
    // A template without a fixed digit filters nothing.
    if (template.every((d) => d === -1)) return undefined;
    templates.push(template);
  }
  return templates;
}

function substringsOf(query: NumberQuery): Int8Array[] {
  const substrings: Int8Array[] = [];
  if (query.contains !== undefined) substrings.push(digitsOf(query.contains));
  if (query.word !== undefined) {
    const spelled = wordToDigits(query.word);
    if (!spelled.ok) throw new RangeError(`word: ${spelled.message}`);
    substrings.push(digitsOf(spelled.digits));
  }
  return substrings;
}

const digitOfBlock = (block: string): number => (/^400[0-9]$/.test(block) ? 1 << Number(block[3]) : 0);

// The block filter as first window digits: the blocks given, narrowed to the carriers'
// blocks in the table. Without either every digit is allowed, so numbers of a block the
// table does not list are still found.
function blockDigitsOf(query: NumberQuery, blocks: readonly BlockInfo[]): number {
  let digits = 0x3ff;
  if (query.blocks) digits &= query.blocks.reduce((bits, block) => bits | digitOfBlock(block), 0);
  if (query.carriers) {
    const { carriers } = query;
    const ofCarriers = blocks.filter((b) => carriers.includes(b.carrier));
    digits &= ofCarriers.reduce((bits, b) => bits | digitOfBlock(b.block), 0);
  }
  return digits;
}

/**
 * Compiles a parsed query (see `parseNumberQuery`).
 * @throws RangeError when the query could not have come from the parser (bad cursor, mask…).
 */
export function compileQuery(query: NumberQuery, blocks: readonly BlockInfo[] = BLOCKS): CompiledQuery {
  let after: CompiledQuery['after'];
  if (query.cursor !== undefined) {
    const cursor = decodeCursor(query.cursor, query.sort);
    if (!cursor.ok) throw new RangeError(cursor.message);
    after = { ...cursor.key, window: windowOf(cursor.key.number) };
  }
  const excludedDigits = [...(query.excludeDigits ?? '')].reduce((bits, d) => bits | (1 << Number(d)), 0);
  const blockDigits = blockDigitsOf(query, blocks) & ~excludedDigits;
  const templates = templatesOf(query);
  const grades = query.grades?.reduce((bits, g) => bits | (1 << GRADE_CODES.indexOf(g)), 0) ?? ALL_GRADES;
  const tagClauses = (query.patterns ?? []).map(slotsOfFilter);
  if (query.lucky === true) tagClauses.push([...LUCKY_SLOTS]);
  const feeMin = query.minFeeFen ?? 0;
  const feeMax = query.maxFeeFen ?? MAX_FEE_FEN;
  const relevance = query.sort === 'relevance' ? compileRelevance(query) : undefined;
  let order: SearchOrder = query.sort === 'relevance' ? 'scored' : query.sort;
  let pastEverything = false;
  if (relevance !== undefined && relevance.placements.length === 0) {
    // Every match scores `base`: relevance is grade_desc, and a cursor of another score
    // lies before all of them (higher) or after all of them (lower).
    order = 'grade_desc';
    const score = after?.score ?? relevance.base;
    if (score > relevance.base) after = undefined;
    pastEverything = score < relevance.base;
  }
  return {
    sort: query.sort,
    order,
    relevance,
    limit: query.limit,
    after,
    feeMin,
    feeMax,
    blockDigits,
    intervals: windowIntervals(blockDigits, templates),
    templates,
    substrings: substringsOf(query),
    excludedDigits,
    grades,
    tagClauses,
    impossible:
      blockDigits === 0 || templates?.length === 0 || grades === 0 || feeMin > feeMax || pastEverything,
  };
}
