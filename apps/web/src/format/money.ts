/**
 * Money as the shop shows it: `¥1,234.56` from integer fen. Integer arithmetic only (a float
 * detour through fen / 100 prints 0.29 as 0.28999…); the same form as the API's `display`.
 */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`${fen} is not a whole number of fen`);
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${fen < 0 ? '-' : ''}¥${yuan}.${cents}`;
}

/**
 * Reads what a person types into a yuan field (`1200`, `1,200.5`, `¥ 99.9`) as integer fen;
 * undefined for blank input, NaN for anything else, so a form can say what is wrong.
 */
export function parseYuan(text: string): number | undefined {
  const cleaned = text.replace(/[¥￥,\s]/g, '');
  if (cleaned === '') return undefined;
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return NaN;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
