import { sql, type RawBuilder, type SqlBool } from 'kysely';

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `column` contains `fragment`, ignoring case, with LIKE wildcards in the fragment taken literally (both dialects). */
export function containsIgnoringCase(column: string, fragment: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${`%${escapeLike(fragment.toLowerCase())}%`} escape '\\'`;
}
