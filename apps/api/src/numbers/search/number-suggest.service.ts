import { Injectable } from '@nestjs/common';
import {
  appraise,
  blockOf,
  BLOCKS,
  parseNumber,
  wordToDigits,
  type NumberQuery,
  type PatternFilter,
} from '@haoma/domain';
import type { IndexedNumber } from '@haoma/search';
import { ApiError } from '../../common/api-error';
import { GradingRulesCache } from './grading-rules.cache';
import { NumberIndexHolder } from './number-index.holder';
import { NumberSearchService } from './number-search.service';
import type { NumberSuggestionsResponse, SuggestionReason } from './number-search.response';

export const DEFAULT_SUGGESTIONS = 12;
export const MAX_SUGGESTIONS = 50;
const WINDOW_START = 3;

/** What a customer asked for: a whole number, or digits (typed, or spelled as a word). */
type Wish = { kind: 'number'; digits: string } | { kind: 'digits'; digits: string };

function single(name: string, value: string | readonly string[] | undefined): string | undefined {
  if (typeof value === 'string' || value === undefined) return value;
  const message = `${name} may be given once`;
  throw new ApiError('INVALID_QUERY', message, [
    { field: name, errors: [message], codes: ['DUPLICATE_PARAMETER'] },
  ]);
}

function readWish(q: string | undefined): Wish {
  // Full-width digits and letters, as Chinese keyboards type them, read as ASCII.
  const text = (q ?? '').normalize('NFKC').trim();
  if (text === '')
    throw new ApiError('INVALID_QUERY', 'q is required', [
      { field: 'q', errors: ['q is required'], codes: ['INVALID_DIGITS'] },
    ]);
  const whole = parseNumber(text);
  if (whole.ok) return { kind: 'number', digits: whole.digits };
  const spelled = wordToDigits(text.replace(/[\s-]/g, ''));
  if (spelled.ok && spelled.digits.length >= 1 && spelled.digits.length <= 7)
    return { kind: 'digits', digits: spelled.digits };
  const message = 'q must be a 400 number, or 1–7 digits or keypad letters';
  throw new ApiError('INVALID_QUERY', message, [
    { field: 'q', errors: [message], codes: ['INVALID_DIGITS'] },
  ]);
}

/**
 * Near matches for a search that found nothing or too little (Telnyx's "best effort"): the
 * same tail in another block, numbers one digit off, and the same pattern elsewhere.
 */
@Injectable()
export class NumberSuggestService {
  constructor(
    private readonly holder: NumberIndexHolder,
    private readonly rules: GradingRulesCache,
    private readonly search: NumberSearchService,
  ) {}

  suggest(
    qParam: string | readonly string[] | undefined,
    limitParam: string | readonly string[] | undefined,
  ): NumberSuggestionsResponse {
    const q = single('q', qParam);
    const limitText = single('limit', limitParam);
    const limit = limitText === undefined || limitText === '' ? DEFAULT_SUGGESTIONS : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SUGGESTIONS) {
      const message = `limit must be a whole number from 1 to ${MAX_SUGGESTIONS}`;
      throw new ApiError('INVALID_QUERY', message, [
        { field: 'limit', errors: [message], codes: ['OUT_OF_RANGE'] },
      ]);
    }
    const wish = readWish(q);
    const picked = new Map<string, SuggestionReason>();
    const take = (reason: SuggestionReason, numbers: readonly IndexedNumber[]) => {
      for (const n of numbers) {
        // The number asked for is not a suggestion for itself.
        if (picked.size < limit && !picked.has(n.number) && n.number !== wish.digits)
          picked.set(n.number, reason);
      }
    };
    const page = (query: Omit<NumberQuery, 'sort' | 'limit'>) =>
      this.holder.index.search({ sort: 'fee_asc', limit, ...query }).items;

    if (wish.kind === 'number') {
      const own = blockOf(wish.digits);
      const otherBlocks = BLOCKS.map((b) => b.block).filter((b) => b !== own);
      take('same_tail', page({ endsWith: wish.digits.slice(4), blocks: otherBlocks }));
      take('one_digit_off', this.oneDigitOff(wish.digits));
      const best = appraise(wish.digits, this.rules.current).matches.find((m) => m.tag !== 'HAS4');
      if (best) {
        const pattern: PatternFilter = { tag: best.tag, position: best.position };
        take('same_pattern', page({ patterns: [pattern] }));
      }
    } else {
      take('same_tail', page({ endsWith: wish.digits }));
      take('contains', page({ contains: wish.digits }));
    }
    return {
      items: [...picked].flatMap(([number, reason]) => {
        const item = this.holder.index.get(number);
        return item ? [{ ...this.search.describe(item), reason }] : [];
      }),
    };
  }

  // Every number that differs in one digit of the window, keeping the block (54 at most).
  private oneDigitOff(digits: string): IndexedNumber[] {
    const found: IndexedNumber[] = [];
    for (let p = WINDOW_START + 1; p < digits.length; p++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === digits[p]) continue;
        const variant = digits.slice(0, p) + String(d) + digits.slice(p + 1);
        const item = this.holder.index.get(variant);
        if (item?.available) found.push(item);
      }
    }
    return found.sort((a, b) => a.selectionFeeFen - b.selectionFeeFen || a.number.localeCompare(b.number));
  }
}
