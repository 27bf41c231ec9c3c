// Micro-benchmark of the in-memory index, run by hand (not a test, not the bench/ suite):
//   node --expose-gc -r @swc-node/register libs/search/src/number-index.bench-local.ts [seconds]
// Builds every number of the six blocks graded by `appraise`, then times each query type
// on this one core with random parameters and random sorts, and prints one JSON line each.
import {
  BLOCKS,
  GRADE_CODES,
  NUMBER_SORTS,
  appraise,
  parseNumberQuery,
  type NumberQuery,
  type RawNumberQuery,
} from '@haoma/domain';
import type { IndexRow } from './index-row';
import { NumberIndex } from './number-index';

const SECONDS_PER_TYPE = Number(process.argv[2] ?? 2);
const BLOCK_CODES = BLOCKS.map((b) => b.block);
const SORTS = NUMBER_SORTS;
const WORDS = ['LOVE', 'CALL', 'TAXI', 'SHOP', 'FLOWERS', 'HOTEL', 'CAR', 'FOOD', 'BANK', 'GO'];
const PATTERNS = ['tail:AAA', 'tail:ABC', 'AABB', 'middle:AAAA', 'tail:AAAA', 'G520', 'tail:ABAB', 'LUCKY8'];

let seed = 42;
const random = (): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
  return seed / 0x80000000;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const digits = (n: number): string =>
  Array.from({ length: n }, () => String(Math.floor(random() * 10))).join('');

function* inventory(): Generator<IndexRow> {
  for (const block of BLOCK_CODES) {
    for (let i = 0; i < 1_000_000; i++) {
      const number = block + String(i).padStart(6, '0');
      const a = appraise(number);
      yield {
        number,
        grade: a.grade,
        tags: a.tags,
        selectionFeeFen: a.selectionFeeFen,
        available: random() < 0.9,
      };
    }
  }
}

const QUERY_TYPES: Record<string, () => RawNumberQuery> = {
  block: () => ({ block: pick(BLOCK_CODES) }),
  startsWith6: () => ({ startsWith: pick(BLOCK_CODES) + digits(2) }),
  endsWith4: () => ({ endsWith: digits(4) }),
  contains3: () => ({ contains: digits(3) }),
  contains4: () => ({ contains: digits(4) }),
  contains6: () => ({ contains: digits(6) }),
  mask: () => ({
    mask: pick([
      `400*${digits(2)}*${digits(4)}`,
      `${pick(BLOCK_CODES)}??${digits(4)}`,
      `400?${digits(3)}*${digits(2)}`,
    ]),
  }),
  pattern: () => ({ pattern: pick(PATTERNS) }),
  gradeFee: () => ({
    grade: pick(GRADE_CODES.slice(1)),
    minFee: '0',
    maxFee: String(pick([100_000, 600_000, 5_000_000])),
  }),
  excludeDigits: () => ({ excludeDigits: pick(['4', '47', '04', '4', '014']) }),
  word: () => ({ word: pick(WORDS) }),
};
const TYPE_NAMES = Object.keys(QUERY_TYPES);
QUERY_TYPES['mix'] = () => (QUERY_TYPES[pick(TYPE_NAMES)] ?? (() => ({})))();

function query(make: () => RawNumberQuery): NumberQuery {
  const parsed = parseNumberQuery({ ...make(), sort: pick(SORTS) });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.query;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10;

function main(): void {
  let started = process.hrtime.bigint();
  let count = 0;
  for (const row of inventory()) count += row.tags.length >= 0 ? 1 : 0;
  const appraiseSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  gc();
  const heapBefore = process.memoryUsage();
  started = process.hrtime.bigint();
  const index = NumberIndex.build(inventory());
  const buildSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  gc();
  const heapAfter = process.memoryUsage();
  console.log(
    JSON.stringify({
      bench: 'search-index',
      rows: count,
      appraise_s: appraiseSeconds,
      build_s_incl_appraise: buildSeconds,
      build_s: Math.round((buildSeconds - appraiseSeconds) * 100) / 100,
      memory_mb: mb(index.memoryBytes()),
      rss_growth_mb: mb(heapAfter.rss - heapBefore.rss),
      available: index.availableCount,
    }),
  );
  for (const [name, make] of Object.entries(QUERY_TYPES)) {
    const queries = Array.from({ length: 2000 }, () => query(make));
    const paths = new Map<string, number>();
    for (const q of queries.slice(0, 200)) {
      const { path } = index.explain(q);
      paths.set(path, (paths.get(path) ?? 0) + 1);
    }
    const latencies: number[] = [];
    const deadline = process.hrtime.bigint() + BigInt(SECONDS_PER_TYPE * 1e9);
    let results = 0;
    for (let i = 0; process.hrtime.bigint() < deadline; i++) {
      const q = queries[i % queries.length] as NumberQuery;
      const t0 = process.hrtime.bigint();
      results += index.search(q).items.length;
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e3);
    }
    const total = latencies.reduce((a, b) => a + b, 0);
    latencies.sort((a, b) => a - b);
    const at = (q: number): number => Math.round(latencies[Math.floor(q * (latencies.length - 1))] ?? 0);
    console.log(
      JSON.stringify({
        query: name,
        qps: Math.round(latencies.length / (total / 1e6)),
        p50_us: at(0.5),
        p99_us: at(0.99),
        max_us: at(1),
        avg_items: Math.round((results / latencies.length) * 10) / 10,
        paths: Object.fromEntries(paths),
      }),
    );
  }
}

main();
