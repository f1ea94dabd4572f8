import { createHash } from 'node:crypto';
import { CATALOG_FACETS, DomainError } from '@inovasi/core';
import type { CatalogQuery } from './types.ts';

/** Where a page ended, in the ranking's total order: fewer typos, higher score, newer, then by id. */
export interface CursorKey {
  readonly typos: number;
  readonly score: number;
  readonly publishedAt: number;
  readonly catalogId: string;
}

/** A cursor continues only the query it came from. */
export function queryFingerprint(query: CatalogQuery): string {
  const filters = CATALOG_FACETS.map((facet) => [facet, [...(query.filters[facet] ?? [])].sort()]);
  return createHash('sha256')
    .update(JSON.stringify([query.text?.trim() ?? '', query.sort, filters]))
    .digest('base64url')
    .slice(0, 12);
}

export function encodeSearchCursor(key: CursorKey, fingerprint: string): string {
  return Buffer.from(
    JSON.stringify({ q: fingerprint, t: key.typos, s: key.score, p: key.publishedAt, i: key.catalogId }),
  ).toString('base64url');
}

export function decodeSearchCursor(cursor: string, fingerprint: string): CursorKey {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    // Cursors issued before typo tolerance carry no `t`: they ranked exact matches only.
    const typos = parsed.t ?? 0;
    if (
      parsed.q === fingerprint &&
      typeof typos === 'number' &&
      typeof parsed.s === 'number' &&
      typeof parsed.p === 'number' &&
      typeof parsed.i === 'string'
    ) {
      return { typos, score: parsed.s, publishedAt: parsed.p, catalogId: parsed.i };
    }
  } catch {
    // fall through: a cursor this API did not issue for this query
  }
  throw new DomainError('invalid_cursor', 'cursor');
}
