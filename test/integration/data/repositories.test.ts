import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Actor, DomainErrorCode } from '@inovasi/core';
import {
  IDEMPOTENCY_TTL_SECONDS,
  type InnovationRepository,
  keys,
  repositoriesFor,
  tenantScope,
} from '@inovasi/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

let env: TestEnvironment;
let innovations: InnovationRepository;
let opdId: string;
/** The one failure type the repositories throw, with the code a caller tells failures apart by. */
const failure = (code: DomainErrorCode) => ({ name: 'DomainError', code });

const author: Actor = {
  userId: 'u-test',
  email: 't@demo.local',
  tenantCode: '63.03',
  roles: ['tenant_admin'],
};

beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  const clients = env.data.forScope(tenantScope('63.03'));
  innovations = repositoriesFor(clients).innovations;
  opdId = (await repositoriesFor(clients).opds.create({ name: 'Dinas Uji', kind: 'dinas' })).id;
});

describe('optimistic locking', () => {
  it('accepts a write on the current version and bumps it', async () => {
    const { innovation } = await innovations.create(
      { opdId, periodYear: 2026, profile: { name: 'Uji Versi' } },
      author,
    );
    const updated = await innovations.update(innovation.id, 1, author, { profile: { name: 'Uji Versi 2' } });
    expect(updated.version).toBe(2);
    expect(updated.profile.name).toBe('Uji Versi 2');
  });

  it('rejects a stale write and keeps the newer data', async () => {
    const { innovation } = await innovations.create(
      { opdId, periodYear: 2026, profile: { name: 'Uji Basi' } },
      author,
    );
    await innovations.update(innovation.id, 1, author, { profile: { name: 'Perubahan pertama' } });
    await expect(
      innovations.update(innovation.id, 1, author, { profile: { name: 'Perubahan basi' } }),
    ).rejects.toMatchObject(failure('version_conflict'));
    expect((await innovations.get(innovation.id))?.profile.name).toBe('Perubahan pertama');
  });

  it('lets exactly one of two concurrent writers on the same version win', async () => {
    const { innovation } = await innovations.create(
      { opdId, periodYear: 2026, profile: { name: 'Uji Balapan' } },
      author,
    );
    const results = await Promise.allSettled(
      ['Penulis A', 'Penulis B', 'Penulis C'].map((name) =>
        innovations.update(innovation.id, 1, author, { profile: { name } }),
      ),
    );
    const winners = results.filter((result) => result.status === 'fulfilled');
    const losers = results.filter((result) => result.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(2);
    for (const loser of losers)
      expect((loser as PromiseRejectedResult).reason).toMatchObject(failure('version_conflict'));
    const stored = await innovations.get(innovation.id);
    expect(stored?.version).toBe(2);
    expect(stored?.profile.name).toBe(
      (winners[0] as PromiseFulfilledResult<{ profile: { name: string } }>).value.profile.name,
    );
  });

  it('reports a missing record as not found, not as a conflict', async () => {
    await expect(innovations.archive('does-not-exist', 1, author)).rejects.toMatchObject(
      failure('not_found'),
    );
  });
});

describe('idempotent create', () => {
  it('returns the original innovation when the same request is retried', async () => {
    const input = { opdId, periodYear: 2026, profile: { name: 'Uji Idempoten' } };
    const first = await innovations.create(input, author, 'retry-key-0001');
    const second = await innovations.create(input, author, 'retry-key-0001');
    expect(second.replayed).toBe(true);
    expect(second.innovation.id).toBe(first.innovation.id);
    const all = await innovations.list({ limit: 100 });
    expect(all.items.filter((item) => item.profile.name === 'Uji Idempoten')).toHaveLength(1);
  });

  it('keeps the key for 30 days: a create kept offline may be retried days later (ADR 0049)', async () => {
    const input = { opdId, periodYear: 2026, profile: { name: 'Uji Kunci Lama' } };
    const before = Math.floor(Date.now() / 1000);
    await innovations.create(input, author, 'retry-key-0003');
    const record = await env.data.forScope(tenantScope('63.03')).table.send(
      new GetCommand({
        TableName: env.config.tableName,
        Key: keys.idempotency('63.03', 'innovation.create', 'retry-key-0003'),
        ConsistentRead: true,
      }),
    );
    expect(Number(record.Item?.ttl) - before).toBeGreaterThanOrEqual(IDEMPOTENCY_TTL_SECONDS - 5);
    expect(IDEMPOTENCY_TTL_SECONDS).toBe(30 * 24 * 60 * 60);
  });

  it('refuses the same key with a different body', async () => {
    await innovations.create(
      { opdId, periodYear: 2026, profile: { name: 'Uji Kunci A' } },
      author,
      'retry-key-0002',
    );
    await expect(
      innovations.create(
        { opdId, periodYear: 2026, profile: { name: 'Uji Kunci B' } },
        author,
        'retry-key-0002',
      ),
    ).rejects.toMatchObject(failure('idempotency_mismatch'));
  });
});

describe('pagination and filters', () => {
  it('pages through every innovation exactly once, newest first', async () => {
    const clients = env.data.forScope(tenantScope('63.03'));
    const opd = await repositoriesFor(clients).opds.create({ name: 'Dinas Halaman', kind: 'dinas' });
    for (let index = 0; index < 23; index++) {
      const createdAt = new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString();
      await innovations.create(
        { opdId: opd.id, periodYear: 2026, profile: { name: `Halaman ${index}` } },
        author,
        undefined,
        createdAt,
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await innovations.list({ opdId: opd.id, limit: 10, cursor });
      seen.push(...page.items.map((item) => item.profile.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(seen[0]).toBe('Halaman 22');
    expect(seen.at(-1)).toBe('Halaman 0');
  });

  it('filters by stage and status across pages without losing matches', async () => {
    const clients = env.data.forScope(tenantScope('63.03'));
    const opd = await repositoriesFor(clients).opds.create({ name: 'Dinas Saring', kind: 'dinas' });
    for (let index = 0; index < 12; index++) {
      const stage = index % 4 === 0 ? 'uji_coba' : 'penerapan';
      await innovations.create(
        { opdId: opd.id, periodYear: 2026, profile: { name: `Saring ${index}`, stage } },
        author,
      );
    }
    const page = await innovations.list({ opdId: opd.id, stage: 'uji_coba', status: 'draft', limit: 10 });
    expect(page.items.map((item) => item.profile.stage)).toEqual(['uji_coba', 'uji_coba', 'uji_coba']);
  });

  it('hides archived innovations unless asked for them', async () => {
    const { innovation } = await innovations.create(
      { opdId, periodYear: 2026, profile: { name: 'Uji Arsip' } },
      author,
    );
    await innovations.archive(innovation.id, 1, author);
    const live = await innovations.list({ opdId, limit: 100 });
    const archived = await innovations.list({ opdId, limit: 100, archived: true });
    expect(live.items.map((item) => item.id)).not.toContain(innovation.id);
    expect(archived.items.map((item) => item.id)).toContain(innovation.id);
  });

  it('rejects a cursor that was not issued for this list', async () => {
    const foreign = Buffer.from(
      JSON.stringify({ gsi1pk: 'T#35.22#INNO', gsi1sk: 'x', pk: 'T#35.22#INNO#x', sk: 'A' }),
    ).toString('base64url');
    await expect(innovations.list({ limit: 5, cursor: foreign })).rejects.toMatchObject(
      failure('invalid_cursor'),
    );
    await expect(innovations.list({ limit: 5, cursor: 'not-base64-json' })).rejects.toMatchObject(
      failure('invalid_cursor'),
    );
  });

  it('never lists another tenant’s innovations', async () => {
    const banjar = await innovations.list({ limit: 100 });
    expect(banjar.items.length).toBeGreaterThan(0);
    expect(banjar.items.every((item) => item.tenantCode === '63.03')).toBe(true);
  });
});
