import { describe, expect, it } from 'vitest';
import { APPEND_ONLY_KEY_PATTERN } from '../src/data-roles.ts';
import { auditKeys, auditListPartition, isAppendOnlyPartition, keys, tenantKeyPrefix } from '../src/keys.ts';

/** IAM's StringLike: `*` is any run of characters, `?` one character. */
const matchesIamPattern = (pattern: string, value: string): boolean =>
  new RegExp(
    `^${pattern
      .split('')
      .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`,
  ).test(value);

describe('the IAM pattern of the append-only audit trail', () => {
  const entry = { id: '01J', at: '2026-12-06T07:00:00.000Z', entityId: 'inno-1', userId: 'u-1' };
  const auditPartitions = ['35.22', '35', '63.03'].flatMap((tenant) => [
    auditKeys(tenant, entry).pk,
    auditListPartition(tenant, { month: '2026-12' }).value,
  ]);
  const otherPartitions = ['35.22', '35'].flatMap((tenant) => [
    tenantKeyPrefix(tenant),
    keys.innovation(tenant, 'AUDIT').pk,
    keys.notification(tenant, 'u-1', '2026', 'n').pk,
    `${tenantKeyPrefix(tenant)}SUMMARY#`,
  ]);

  it('covers every audit partition the guard treats as append-only', () => {
    for (const partition of auditPartitions) {
      expect(isAppendOnlyPartition(partition), partition).toBe(true);
      expect(matchesIamPattern(APPEND_ONLY_KEY_PATTERN, partition), partition).toBe(true);
    }
  });

  it('leaves every other partition of a tenant writable', () => {
    for (const partition of otherPartitions) {
      expect(isAppendOnlyPartition(partition), partition).toBe(false);
      expect(matchesIamPattern(APPEND_ONLY_KEY_PATTERN, partition), partition).toBe(false);
    }
  });
});
