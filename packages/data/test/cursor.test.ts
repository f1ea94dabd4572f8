import { describe, expect, it } from 'vitest';
import { INDEXES } from '../src/index.ts';
import { decodeCursor, encodeCursor } from '../src/repositories/cursor.ts';

const innovations = { tenantCode: '35.22', index: INDEXES.byType, partition: 'T#35.22#INNO' };
const jobs = { tenantCode: '35.22', partition: 'T#35.22#EXPORT#', sortPrefix: 'JOB#' };
const issued = {
  pk: 'T#35.22#INNO#01J',
  sk: 'A',
  gsi1pk: 'T#35.22#INNO',
  gsi1sk: '2026-12-06T07:00:00.000Z#01J',
};
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** What the data layer throws for a cursor it did not issue for this list. */
const invalidCursor = expect.objectContaining({
  name: 'DomainError',
  code: 'invalid_cursor',
  field: 'cursor',
});

describe('a paging cursor', () => {
  it('round-trips a key the listing issued', () => {
    expect(decodeCursor(encodeCursor(issued), innovations)).toEqual(issued);
    const job = { pk: 'T#35.22#EXPORT#', sk: 'JOB#01J' };
    expect(decodeCursor(encodeCursor(job), jobs)).toEqual(job);
    expect(decodeCursor(undefined, jobs)).toBeUndefined();
  });

  it.each([
    ['not base64 JSON', 'bukan-kursor!!'],
    ['JSON that is not an object', cursorOf(['a'])],
    ['a missing index key', cursorOf({ pk: issued.pk, sk: issued.sk, gsi1pk: issued.gsi1pk })],
    ['an extra key', cursorOf({ ...issued, gsi2pk: 'x' })],
    ['an empty key value', cursorOf({ ...issued, sk: '' })],
    ['a number as a key value', cursorOf({ ...issued, sk: 1 })],
    ['an over-long sort key', cursorOf({ ...issued, gsi1sk: 'x'.repeat(1025) })],
    ['another list', cursorOf({ ...issued, gsi1pk: 'T#35.22#EVID' })],
    ['another region’s list', cursorOf({ ...issued, gsi1pk: 'T#35.20#INNO' })],
    ['another region’s table key', cursorOf({ ...issued, pk: 'T#35.20#INNO#01J' })],
  ])('refuses %s', (_label, cursor) => {
    expect(() => decodeCursor(cursor, innovations)).toThrow(invalidCursor);
  });

  it('refuses a position outside the key condition', () => {
    expect(() => decodeCursor(cursorOf({ pk: 'T#35.22#EXPORT#', sk: 'REQ#abc' }), jobs)).toThrow(
      invalidCursor,
    );
  });
});
