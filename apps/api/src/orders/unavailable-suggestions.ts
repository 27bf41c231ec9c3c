import { Injectable, Logger } from '@nestjs/common';
import type { NumberSuggestionResponse } from '../numbers/search/number-search.response';
import { NumberSuggestService } from '../numbers/search/number-suggest.service';

const SUGGESTIONS = 6;
const FRESH_FOR_MS = 2_000;
const MAX_ENTRIES = 1_000;

/**
 * Numbers like one that cannot be held, for the 409. Many customers lose the race for the
 * same number at once, so each number's suggestions are computed once and reused for a
 * moment; the search index (and so availability) changes faster than that matters.
 */
@Injectable()
export class UnavailableNumberSuggestions {
  private readonly logger = new Logger('Orders');
  private readonly recent = new Map<string, { at: number; items: NumberSuggestionResponse[] }>();

  constructor(private readonly suggest: NumberSuggestService) {}

  for(digits: string, now = Date.now()): NumberSuggestionResponse[] {
    const cached = this.recent.get(digits);
    if (cached && now - cached.at < FRESH_FOR_MS) return cached.items;
    let items: NumberSuggestionResponse[] = [];
    try {
      items = this.suggest.suggest(digits, String(SUGGESTIONS)).items;
    } catch (error) {
      // Suggestions are a courtesy: a search index still loading must not turn a 409 into a 500.
      this.logger.warn(
        `no suggestions for ${digits}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (this.recent.size >= MAX_ENTRIES) this.recent.clear();
    this.recent.set(digits, { at: now, items });
    return items;
  }
}
