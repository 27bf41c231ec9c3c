import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { GradeCode, GradingRules } from '@haoma/domain';
import { NumberIndexBuilder, type NumberIndex } from '@haoma/search';

/**
 * Every number that is not retired, with whether it can be bought now: available, or held
 * by a hold that has run out (a hold expires by itself; the sweeper only tidies the row).
 */
const EXPORT_SQL = `
  COPY (
    SELECT number, grade, tags, selection_fee_fen, grading_version,
           status = 'available' OR (status = 'held' AND held_until <= now()) AS available,
           CASE WHEN status = 'held' AND held_until > now()
                THEN floor(extract(epoch FROM held_until) * 1000)::bigint END AS held_until_ms
      FROM numbers
     WHERE status <> 'retired'
  ) TO STDOUT`;

/** A hold that will run out: the index makes the number available again at `untilMs`. */
export interface PendingHold {
  number: string;
  untilMs: number;
}

// Tags come as a Postgres array literal, e.g. {tail:AAAA,"middle:AAAAA+"}; none of our tag
// names needs quoting, but quoted elements are read correctly all the same.
export function parseTextArray(literal: string): string[] {
  const body = literal.slice(1, -1);
  if (body === '') return [];
  return body
    .split(',')
    .map((item) => (item.startsWith('"') ? item.slice(1, -1).replace(/\\(.)/g, '$1') : item));
}

/**
 * Streams the inventory out of Postgres (COPY, no row objects kept) into a new index.
 * Returns the index and the holds that are still running, so they can be timed out.
 */
export async function loadNumberIndex(
  databaseUrl: string,
  rules: GradingRules,
): Promise<{
  index: NumberIndex;
  holds: PendingHold[];
  refused: string[];
  olderGrading: Map<string, number>;
}> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'haoma-api-index' });
  await client.connect();
  try {
    const builder = new NumberIndexBuilder({ rules });
    const holds: PendingHold[] = [];
    // A row the index cannot take (a grade the active rules do not know, say) is left out
    // and reported, rather than keeping the whole storefront from searching.
    const refused: string[] = [];
    // Numbers graded by another rule set than the active one (until they are re-graded):
    // few, so a map beside the index rather than a column in it.
    const olderGrading = new Map<string, number>();
    const stream = client.query(copyTo(EXPORT_SQL));
    let rest = '';
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const [number = '', grade, tags = '{}', fee = '0', version, available, heldUntilMs] =
          line.split('\t');
        try {
          builder.add({
            number,
            grade: grade as GradeCode,
            tags: parseTextArray(tags),
            selectionFeeFen: Number(fee),
            available: available === 't',
          });
        } catch (error) {
          if (!(error instanceof RangeError)) throw error;
          refused.push(`${number}: ${error.message}`);
          continue;
        }
        if (Number(version) !== rules.version) olderGrading.set(number, Number(version));
        if (heldUntilMs !== undefined && heldUntilMs !== '\\N')
          holds.push({ number, untilMs: Number(heldUntilMs) });
      }
    }
    return { index: builder.build(), holds, refused, olderGrading };
  } finally {
    await client.end();
  }
}
