// Expression helpers that stores compose into their queries (case-insensitive matching per dialect).
import { sql, type RawBuilder, type SqlBool } from 'kysely';

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function likeIgnoringCase(column: string, pattern: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/** `column` contains `fragment`, ignoring case; LIKE wildcards in the fragment are taken literally (both dialects). */
export function containsIgnoringCase(column: string, fragment: string): RawBuilder<SqlBool> {
  return likeIgnoringCase(column, `%${escapeLike(fragment.toLowerCase())}%`);
}

/** `column` contains `fragment` somewhere after `marker` (e.g. the domain part after '@'), ignoring case. */
export function containsAfterIgnoringCase(
  column: string,
  marker: string,
  fragment: string,
): RawBuilder<SqlBool> {
  return likeIgnoringCase(column, `%${escapeLike(marker)}%${escapeLike(fragment.toLowerCase())}%`);
}
