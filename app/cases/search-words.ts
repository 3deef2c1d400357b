// What the case search looks for, from what was typed: up to four words, each
// of which must match somewhere (a name, an organisation, a reference), as
// LIKE patterns. Pure, so the rules are tested without a database.

/** More words than this are ignored: four narrow a search enough. */
export const MAX_WORDS = 4;

/**
 * Below this length a word has no trigram to look up by (pg_trgm indexes
 * three-letter pieces), so it matches the start of a name instead of any
 * part of it: "Li" finds Li and Lisa, not every Olivia and William.
 */
const SHORTEST_ANYWHERE = 3;

export type SearchWord = {
  /** For names and organisations: the word anywhere (or, short, at the start), case-insensitively. */
  name: string;
  /**
   * For references: the word at the start, so a whole reference or its
   * beginning finds the case. Only for a word with a digit in it: every
   * reference starts "LADO-", so "La" or "Lado" would otherwise match them all.
   */
  reference: string | null;
  /**
   * For a word of digits only: the case number at the end of a reference,
   * without its leading zeros, so "123" finds LADO-2026-00123 (of any year).
   */
  number: string | null;
};

/** What was typed, as LIKE patterns: % and _ typed are looked for as themselves. */
export function searchWords(q: string): SearchWord[] {
  return q
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, MAX_WORDS)
    .map((word) => {
      const literal = word.replace(/[\\%_]/g, (c) => `\\${c}`);
      return {
        name: word.length < SHORTEST_ANYWHERE ? `${literal}%` : `%${literal}%`,
        reference: /\d/.test(word) ? `${literal}%` : null,
        number: /^\d{1,9}$/.test(word) ? word.replace(/^0+/, "") : null,
      };
    });
}
