import { normaliseMobile } from '../accounts/mobile';

// A mainland landline with its trunk prefix: 0 + 2–3 digit area code + 7–8 digit subscriber.
const LANDLINE = /^0[1-9]\d{8,10}$/;
const SEPARATORS = /[\s\u2010-\u2015\u2212.()-]/g;

/**
 * A number a 400 line may forward to, as digits: a mainland mobile (11 digits) or a landline
 * with its area code (`010…`, `0755…`). A 400 or 800 number cannot be a destination (they
 * take calls, they do not receive forwarded ones). Undefined when `raw` is neither.
 */
export function normaliseDestinationNumber(raw: string): string | undefined {
  const mobile = normaliseMobile(raw);
  if (mobile) return mobile;
  let text = raw.normalize('NFKC').replace(SEPARATORS, '');
  if (text.startsWith('+86')) text = `0${text.slice(3)}`;
  return LANDLINE.test(text) ? text : undefined;
}
