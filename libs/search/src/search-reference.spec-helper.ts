// The brute-force search the index is tested against: plain objects, string operations,
// one filter per line of the query model, a full sort. Slow and obviously right.
import {
  BLOCKS,
  DEFAULT_GRADING_RULES,
  LUCKY_TAGS,
  decodeCursor,
  relevanceScore,
  wordToDigits,
  type BlockInfo,
  type GradingRules,
  type NumberQuery,
  type NumberSort,
} from '@haoma/domain';
import type { IndexRow } from './index-row';

export interface ReferenceOptions {
  readonly blocks?: readonly BlockInfo[];
  readonly rules?: GradingRules;
}

const globToRegExp = (mask: string): RegExp =>
  new RegExp(`^${mask.replace(/\?/g, '[0-9]').replace(/\*/g, '[0-9]*')}$`);

const hasTag = (row: IndexRow, position: string, tag: string): boolean =>
  position === 'any'
    ? row.tags.includes(`tail:${tag}`) || row.tags.includes(`middle:${tag}`)
    : row.tags.includes(`${position}:${tag}`);

/** Whether an available row passes every filter of the query. */
export function referenceMatches(row: IndexRow, query: NumberQuery, options: ReferenceOptions = {}): boolean {
  const blocks = options.blocks ?? BLOCKS;
  const { number } = row;
  const window = number.slice(3);
  const block = number.slice(0, 4);
  const carrier = blocks.find((b) => b.block === block)?.carrier;
  const word = query.word === undefined ? undefined : wordToDigits(query.word);
  return (
    row.available &&
    (query.blocks === undefined || query.blocks.includes(block)) &&
    (query.carriers === undefined || (carrier !== undefined && query.carriers.includes(carrier))) &&
    (query.startsWith === undefined || number.startsWith(query.startsWith)) &&
    (query.endsWith === undefined || number.endsWith(query.endsWith)) &&
    (query.contains === undefined || window.includes(query.contains)) &&
    (query.mask === undefined || globToRegExp(query.mask).test(number)) &&
    (query.patterns ?? []).every((p) => hasTag(row, p.position, p.tag)) &&
    (query.grades === undefined || query.grades.includes(row.grade)) &&
    (query.minFeeFen === undefined || row.selectionFeeFen >= query.minFeeFen) &&
    (query.maxFeeFen === undefined || row.selectionFeeFen <= query.maxFeeFen) &&
    [...(query.excludeDigits ?? '')].every((d) => !window.includes(d)) &&
    (query.lucky !== true || LUCKY_TAGS.some((tag) => hasTag(row, 'any', tag))) &&
    (word === undefined || (word.ok && window.includes(word.digits)))
  );
}

interface Keyed {
  readonly fee: number;
  readonly rank: number;
  readonly number: string;
  /** `relevanceScore` for the query. */
  readonly score: number;
}

function compare(sort: NumberSort, a: Keyed, b: Keyed): number {
  const byNumber = a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
  if (sort === 'fee_asc') return a.fee - b.fee || byNumber;
  if (sort === 'fee_desc') return b.fee - a.fee || -byNumber;
  const byGrade = b.rank - a.rank || a.fee - b.fee || byNumber;
  return sort === 'relevance' ? b.score - a.score || byGrade : byGrade;
}

/** Every match after the query's cursor, in the query's order (limit ignored). */
export function referenceSearch(
  rows: readonly IndexRow[],
  query: NumberQuery,
  options: ReferenceOptions = {},
): IndexRow[] {
  const rules = options.rules ?? DEFAULT_GRADING_RULES;
  const rank = (row: IndexRow): number => rules.grades.find((g) => g.code === row.grade)?.rank ?? 0;
  const keyed = rows
    .filter((row) => referenceMatches(row, query, options))
    .map((row) => ({
      row,
      key: {
        fee: row.selectionFeeFen,
        rank: rank(row),
        number: row.number,
        score: relevanceScore(query, row),
      },
    }));
  keyed.sort((a, b) => compare(query.sort, a.key, b.key));
  if (query.cursor === undefined) return keyed.map((k) => k.row);
  const cursor = decodeCursor(query.cursor, query.sort);
  if (!cursor.ok) throw new Error(cursor.message);
  const { feeFen, gradeRank, number, score = 0 } = cursor.key;
  const after = { fee: feeFen, rank: gradeRank, number, score };
  return keyed.filter((k) => compare(query.sort, after, k.key) < 0).map((k) => k.row);
}
