// The search benchmark's queries: for each query type a fixed, seeded list of parameter
// sets, each written two ways — the API's query string and the plain SQL that returns the
// same rows from the `numbers` table (the floor).
import {
  CARRIER_CODES,
  DIGIT_COUNT_TAGS,
  GROUP_TAGS,
  LUCKY_TAGS,
  MATCH_POSITIONS,
  SHAPE_TAGS,
  wordToDigits,
} from '@haoma/domain';
import { BLOCK_CODES } from './search-db';

/** Filters of one search, as the API takes them (only `GET /api/v1/numbers` parameters). */
export interface SearchParams {
  readonly block?: readonly string[];
  readonly carrier?: readonly string[];
  readonly startsWith?: string;
  readonly endsWith?: string;
  readonly contains?: string;
  readonly mask?: string;
  readonly pattern?: readonly string[];
  readonly grade?: readonly string[];
  readonly minFee?: number;
  readonly maxFee?: number;
  readonly excludeDigits?: string;
  readonly lucky?: boolean;
  readonly word?: string;
}

/** One request of a query type: its filters, and whether it asks for the second page. */
export interface SearchCase {
  readonly params: SearchParams;
  readonly page2: boolean;
}

/** Results per page, as the floor's `LIMIT`: the API's default. */
export const PAGE_SIZE = 20;

// Deterministic: the same cases on every run (mulberry32, one seed per query type).
function generator(seed: number): { random: () => number; pick: <T>(list: readonly T[]) => T } {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => {
    const item = list[Math.floor(random() * list.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return { random, pick };
}

const seedOf = (name: string): number =>
  [...name].reduce((hash, c) => Math.imul(hash ^ c.charCodeAt(0), 0x01000193), 0x811c9dc5);

type Maker = (g: ReturnType<typeof generator>) => SearchParams;

const digitsOf = (g: ReturnType<typeof generator>, n: number): string =>
  Array.from({ length: n }, () => String(Math.floor(g.random() * 10))).join('');

// What people type besides random digits: lucky groups, repeated 8s and 6s, 520/1314.
const POPULAR_CONTAINS3 = ['888', '666', '168', '520', '518', '999', '123', '000'];
const POPULAR_CONTAINS4 = ['8888', '6666', '1314', '5200', '1688', '9999', '1234', '5188'];
const POPULAR_CONTAINS6 = ['888888', '666666', '520520', '131452', '168168', '123456'];
const POPULAR_TAILS = ['8888', '6666', '9999', '1688', '5200', '1314', '0000', '1111'];

// Keypad words of at most 7 letters (the window is 7 digits): trades, brands, pinyin.
const WORDS = [
  'LOVE CALL TAXI SHOP FLOWERS HOTEL CAR FOOD BANK GO HELP CARE PIZZA CLEAN MOVE BOOK TOUR FLY',
  'TRAVEL HOME CASH LOAN LAW DOCTOR DENTIST PLUMBER REPAIR WATER POWER PHONE JOBS CLOUD DATA SAFE',
  'SMILE HAPPY LUCKY MONEY GOLD WIN BEST FAST FRESH TEA COFFEE WINE GIFT BABY KIDS PET DOG CAT VIP',
  'HAO FA BAO ZHONG HUA TECH SOFT NET WEB APP SALE DEAL RENT PARK GYM SPA HAIR SKIN ART MUSIC FILM',
  'PLAY GAME BIKE AUTO TRUCK SHIP MAIL POST CARGO EXPRESS CHINA ASIA BEIJING DRAGON PANDA TIGER',
  'JADE SILK RICE NOODLE SUSHI BBQ HOTPOT BAKERY STUDIO ONLINE',
]
  .join(' ')
  .split(' ');

// Tags a customer picks from the storefront's list, with the position they ask for.
const PATTERNS: readonly string[] = [
  ...SHAPE_TAGS.flatMap((tag) => [`tail:${tag}`, `middle:${tag}`, `any:${tag}`]),
  ...GROUP_TAGS.flatMap((tag) => [`any:${tag}`, `tail:${tag}`]),
  ...DIGIT_COUNT_TAGS.filter((tag) => tag !== 'HAS4').map((tag) => `any:${tag}`),
];

const GRADES = ['standard', 'silver', 'gold', 'platinum', 'diamond'];
const MIN_FEES = [0, 0, 50_000, 80_000, 100_000, 500_000, 1_000_000];
const MAX_FEES = [80_000, 100_000, 500_000, 1_000_000, 3_000_000, 20_000_000, 50_000_000];

const maybeBlock = (g: ReturnType<typeof generator>, chance: number): SearchParams =>
  g.random() < chance ? { block: [g.pick(BLOCK_CODES)] } : {};

function masks(g: ReturnType<typeof generator>): string {
  switch (Math.floor(g.random() * 4)) {
    case 0:
      return `400*${digitsOf(g, 2)}*${digitsOf(g, 4)}`; // 400*88*8888
    case 1:
      return `${g.pick(BLOCK_CODES)}??${g.random() < 0.3 ? g.pick(POPULAR_TAILS) : digitsOf(g, 4)}`; // 4008??6666
    case 2:
      return `400?${digitsOf(g, 3)}*${digitsOf(g, 2)}`;
    default:
      return `${g.pick(BLOCK_CODES)}*${digitsOf(g, 3)}`;
  }
}

const TYPES: Record<string, Maker> = {
  block: (g) =>
    g.random() < 0.75
      ? { block: [g.pick(BLOCK_CODES)] }
      : g.random() < 0.5
        ? { block: [...new Set([g.pick(BLOCK_CODES), g.pick(BLOCK_CODES)])].sort() }
        : { carrier: [g.pick(CARRIER_CODES)] },
  startsWith6: (g) => ({ startsWith: g.pick(BLOCK_CODES) + digitsOf(g, 2) }),
  endsWith4: (g) => ({ endsWith: g.random() < 0.1 ? g.pick(POPULAR_TAILS) : digitsOf(g, 4) }),
  contains3: (g) => ({ contains: g.random() < 0.1 ? g.pick(POPULAR_CONTAINS3) : digitsOf(g, 3) }),
  contains4: (g) => ({ contains: g.random() < 0.1 ? g.pick(POPULAR_CONTAINS4) : digitsOf(g, 4) }),
  contains6: (g) => ({ contains: g.random() < 0.1 ? g.pick(POPULAR_CONTAINS6) : digitsOf(g, 6) }),
  mask: (g) => ({ mask: masks(g) }),
  pattern: (g) => ({ pattern: [g.pick(PATTERNS)], ...maybeBlock(g, 0.3) }),
  gradeFee: (g) => {
    const grade = [...new Set([g.pick(GRADES), ...(g.random() < 0.4 ? [g.pick(GRADES)] : [])])];
    const minFee = g.pick(MIN_FEES);
    const maxFee = g.pick(MAX_FEES.filter((fee) => fee >= minFee));
    return { grade: GRADES.filter((code) => grade.includes(code)), minFee, maxFee, ...maybeBlock(g, 0.2) };
  },
  excludeDigits: (g) => {
    const count = 1 + Math.floor(g.random() * 3);
    const digits = g.random() < 0.5 ? ['4'] : [];
    while (digits.length < count) digits.push(String(Math.floor(g.random() * 10)));
    const excludeDigits = [...new Set(digits)].sort().join('');
    // A block whose fourth digit is excluded is a contradiction the API refuses (400).
    const blocks = BLOCK_CODES.filter((block) => !excludeDigits.includes(block.charAt(3)));
    return { excludeDigits, ...(g.random() < 0.2 ? { block: [g.pick(blocks)] } : {}) };
  },
  word: (g) => ({ word: g.pick(WORDS), ...maybeBlock(g, 0.15) }),
};

// The realistic mix: what a storefront's search box and filters send, the common ones more
// often, with some combined filters (a tail in one block, digits but no 4, lucky + pattern).
const MIX: readonly (readonly [number, Maker])[] = [
  [15, (g) => TYPES['endsWith4']?.(g) ?? {}],
  [12, (g) => TYPES['contains4']?.(g) ?? {}],
  [8, (g) => TYPES['contains3']?.(g) ?? {}],
  [4, (g) => TYPES['contains6']?.(g) ?? {}],
  [8, (g) => TYPES['startsWith6']?.(g) ?? {}],
  [8, (g) => TYPES['block']?.(g) ?? {}],
  [8, (g) => TYPES['pattern']?.(g) ?? {}],
  [5, (g) => TYPES['gradeFee']?.(g) ?? {}],
  [5, (g) => TYPES['excludeDigits']?.(g) ?? {}],
  [5, (g) => TYPES['word']?.(g) ?? {}],
  [5, (g) => TYPES['mask']?.(g) ?? {}],
  [4, (g) => ({ lucky: true, ...maybeBlock(g, 0.5) })],
  [4, (g) => ({ block: [g.pick(BLOCK_CODES)], endsWith: digitsOf(g, 3) })],
  [3, (g) => ({ contains: digitsOf(g, 3).replace(/4/g, '5'), excludeDigits: '4' })],
  [3, (g) => ({ pattern: [g.pick(PATTERNS)], lucky: true })],
  [3, (g) => ({ grade: [g.pick(GRADES.slice(1))], excludeDigits: '4', ...maybeBlock(g, 0.5) })],
];

function mix(g: ReturnType<typeof generator>): SearchParams {
  const total = MIX.reduce((sum, [weight]) => sum + weight, 0);
  let roll = g.random() * total;
  for (const [weight, make] of MIX) {
    roll -= weight;
    if (roll < 0) return make(g);
  }
  return {};
}

/** The query types, in the order they are measured and printed. */
export const QUERY_TYPES: readonly string[] = [...Object.keys(TYPES), 'mix'];

/** `count` cases of a query type; `page2Share` of them ask for the second page. */
export function casesOf(type: string, count: number, page2Share: number): SearchCase[] {
  const make = type === 'mix' ? mix : TYPES[type];
  if (!make) throw new Error(`unknown query type ${type}`);
  const g = generator(seedOf(type));
  return Array.from({ length: count }, () => {
    const params = make(g);
    return { params, page2: g.random() < page2Share };
  });
}

/** The API request path for a case, with the cursor of page 1 for page 2. */
export function apiPath(params: SearchParams, cursor?: string): string {
  const query = new URLSearchParams();
  const put = (name: string, value: string | number | boolean | readonly string[] | undefined): void => {
    if (value === undefined) return;
    query.set(name, Array.isArray(value) ? value.join(',') : String(value));
  };
  put('block', params.block);
  put('carrier', params.carrier);
  put('startsWith', params.startsWith);
  put('endsWith', params.endsWith);
  put('contains', params.contains);
  put('mask', params.mask);
  put('pattern', params.pattern);
  put('grade', params.grade);
  put('minFee', params.minFee);
  put('maxFee', params.maxFee);
  put('excludeDigits', params.excludeDigits);
  put('lucky', params.lucky);
  put('word', params.word);
  put('cursor', cursor);
  return `/api/v1/numbers?${query.toString()}`;
}

/** A parameterised SQL statement. */
export interface SqlQuery {
  readonly text: string;
  readonly values: unknown[];
}

/** Where page 2 starts: the last row of page 1 in (fee, number) order. */
export interface PageStart {
  readonly feeFen: number;
  readonly number: string;
}

const LUCKY_SLOTS = LUCKY_TAGS.flatMap((tag) => MATCH_POSITIONS.map((position) => `${position}:${tag}`));

// LIKE needs no escaping here: every value is digits, `?` or `*`.
const likeOfMask = (mask: string): string => mask.replace(/\?/g, '_').replace(/\*/g, '%');

/**
 * The same search as plain SQL on `numbers`: for sale now (available, or held by a hold
 * that has run out), each filter a predicate (`substr(number, 4)` is the window, the 7
 * digits after 400), cheapest first, number breaking ties, one page.
 */
export function floorSql(params: SearchParams, after?: PageStart): SqlQuery {
  const values: unknown[] = [];
  const bind = (value: unknown): string => {
    values.push(value);
    return `$${values.length}`;
  };
  const where = [`(status = 'available' OR (status = 'held' AND held_until <= now()))`];
  if (params.block) where.push(`block = ANY(${bind(params.block)}::text[])`);
  if (params.carrier) where.push(`carrier = ANY(${bind(params.carrier)}::text[])`);
  if (params.startsWith !== undefined) where.push(`number LIKE ${bind(`${params.startsWith}%`)}`);
  if (params.endsWith !== undefined) where.push(`number LIKE ${bind(`%${params.endsWith}`)}`);
  if (params.contains !== undefined) where.push(`substr(number, 4) LIKE ${bind(`%${params.contains}%`)}`);
  if (params.mask !== undefined) where.push(`number LIKE ${bind(likeOfMask(params.mask))}`);
  for (const filter of params.pattern ?? []) {
    const [position = 'any', tag = ''] = filter.includes(':') ? filter.split(':') : ['any', filter];
    if (position === 'any') {
      where.push(`tags && ${bind(MATCH_POSITIONS.map((p) => `${p}:${tag}`))}::text[]`);
    } else {
      where.push(`tags @> ${bind([`${position}:${tag}`])}::text[]`);
    }
  }
  if (params.grade) where.push(`grade = ANY(${bind(params.grade)}::text[])`);
  if (params.minFee !== undefined) where.push(`selection_fee_fen >= ${bind(params.minFee)}`);
  if (params.maxFee !== undefined) where.push(`selection_fee_fen <= ${bind(params.maxFee)}`);
  if (params.excludeDigits !== undefined) {
    where.push(`substr(number, 4) !~ ${bind(`[${params.excludeDigits}]`)}`);
  }
  if (params.lucky) where.push(`tags && ${bind(LUCKY_SLOTS)}::text[]`);
  if (params.word !== undefined) {
    const spelled = wordToDigits(params.word);
    if (!spelled.ok) throw new Error(`word ${params.word}: ${spelled.message}`);
    where.push(`substr(number, 4) LIKE ${bind(`%${spelled.digits}%`)}`);
  }
  if (after) where.push(`(selection_fee_fen, number) > (${bind(after.feeFen)}, ${bind(after.number)})`);
  return {
    text: `SELECT number FROM numbers WHERE ${where.join(' AND ')} ORDER BY selection_fee_fen, number LIMIT ${PAGE_SIZE}`,
    values,
  };
}
