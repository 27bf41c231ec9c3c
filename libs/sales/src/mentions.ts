/**
 * Mentions in a staff note. The rule: a mention is an `@` that starts a word (at the start of
 * the note or after a character that cannot be part of an email address) followed by the
 * staff member's email, `@li.wei@haoma.cn`. Email addresses are unique and have no spaces,
 * where names are neither, so an email is the one unambiguous handle. A plain address in the
 * text (`write to bob@example.com`) is not a mention: its `@` follows a letter. Any other
 * `@token` (`@bob`) is kept as an unresolvable mention, so a typo is refused rather than
 * silently notifying no one.
 */
export interface ParsedMentions {
  /** Lower-cased email addresses, in order of first appearance, without repeats. */
  emails: string[];
  /** Tokens after an `@` that are not email addresses, as written, without repeats. */
  invalid: string[];
}

const TOKEN_CHAR = /[A-Za-z0-9._%+\-@]/;
const TOKEN = /[A-Za-z0-9._%+\-@]+/y;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
/** At most this many people may be mentioned in one note. */
export const MAX_MENTIONS = 20;

/** The mentions of `body` by the rule above. */
export function parseMentions(body: string): ParsedMentions {
  const emails: string[] = [];
  const invalid: string[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '@') continue;
    const before = i === 0 ? '' : (body[i - 1] ?? '');
    if (before && TOKEN_CHAR.test(before)) continue;
    TOKEN.lastIndex = i + 1;
    const match = TOKEN.exec(body);
    if (!match) continue;
    // Sentence punctuation after a mention is not part of it: "@a@b.cn." or "@a@b.cn-".
    const token = match[0].replace(/[.-]+$/, '');
    i += match[0].length;
    if (!token) continue;
    if (EMAIL.test(token)) {
      const email = token.toLowerCase();
      if (!emails.includes(email)) emails.push(email);
    } else if (!invalid.includes(token)) invalid.push(token);
  }
  return { emails, invalid };
}
