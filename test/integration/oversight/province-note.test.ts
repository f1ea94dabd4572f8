import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  credentialPlanFor,
  oversightNoteKeys,
  provinceNoteReaderScope,
  TenantGuardError,
} from '@inovasi/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

/**
 * A regency reads the note and pendamping contact its province left for it, and nothing else of
 * the province: the route answers only the caller's own item, and the scope behind it reaches
 * exactly that one item of the province's partition (docs/decisions/0015).
 */
let env: TestEnvironment;
let province: string;
const YEAR = 2026;

beforeAll(async () => {
  env = await createTestEnvironment();
  province = await env.login('admin.35@demo.local');
});

const provinceNote = (token: string, code: string, year = YEAR) =>
  env.request('GET', `/tenants/${code}/periods/${year}/province-note`, { token });

describe('the province’s note, as the regency sees it', () => {
  it('shows the regency what its province wrote and whom it assigned, without who typed it', async () => {
    // Prepare
    const saved = await env.request('PUT', `/tenants/35/oversight/${YEAR}/regencies/35.16/note`, {
      token: province,
      headers: { 'if-match': '"0"' },
      body: {
        note: 'Tiga inovasi belum punya data dukung; klinik hari Selasa.',
        pendamping: { name: 'Rina Pratiwi', phone: '+62 812 3456 7890', email: 'rina@jatimprov.go.id' },
      },
    });
    expect(saved.status).toBe(200);
    const regency = await env.login('admin.3516@demo.local');

    // Act
    const response = await provinceNote(regency, '35.16');

    // Assess
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      provinceCode: '35',
      provinceName: expect.stringMatching(/jawa timur/i),
      note: {
        year: YEAR,
        note: 'Tiga inovasi belum punya data dukung; klinik hari Selasa.',
        pendamping: { name: 'Rina Pratiwi', phone: '+62 812 3456 7890', email: 'rina@jatimprov.go.id' },
        updatedAt: saved.json.updatedAt,
        version: 1,
      },
    });
    expect(response.text).not.toContain(saved.json.updatedBy);
  });

  it('answers null where the province wrote nothing: another year, another regency, a province', async () => {
    const bojonegoro = await env.login('admin.3522@demo.local');
    const verifier = await env.login('verifikator.3516@demo.local');
    expect((await provinceNote(bojonegoro, '35.22')).json.note).toBeNull();
    expect((await provinceNote(verifier, '35.16', 2025)).json.note).toBeNull();
    expect((await provinceNote(verifier, '35.16')).json.note.pendamping.name).toBe('Rina Pratiwi');
    const own = await provinceNote(province, '35');
    expect(own.status).toBe(200);
    expect(own.json.note).toBeNull();
  });

  it('refuses a neighbour and another province, and lets the province read its own note back', async () => {
    const neighbour = await env.login('admin.3520@demo.local');
    const banjar = await env.login('admin.6303@demo.local');
    expect([403, 404]).toContain((await provinceNote(neighbour, '35.16')).status);
    expect([403, 404]).toContain((await provinceNote(banjar, '35.16')).status);
    // A province oversees its regencies read-only, so it may see what the regency sees.
    expect((await provinceNote(province, '35.16')).json.note.pendamping.name).toBe('Rina Pratiwi');
  });
});

describe('the province-note reader scope', () => {
  const reader = () => env.data.forScope(provinceNoteReaderScope('35.16', YEAR));

  it('reads the regency’s own note of that year and no other item of the province', async () => {
    const TableName = env.config.tableName;
    const own = await reader().table.send(
      new GetCommand({ TableName, Key: oversightNoteKeys.note('35', YEAR, '35.16') }),
    );
    expect(own.Item?.note).toMatch(/klinik hari Selasa/);

    const refused = [
      new GetCommand({ TableName, Key: oversightNoteKeys.note('35', YEAR, '35.20') }),
      new GetCommand({ TableName, Key: oversightNoteKeys.note('35', YEAR - 1, '35.16') }),
      new GetCommand({ TableName, Key: { pk: 'T#35#', sk: 'PROFILE' } }),
      new QueryCommand({
        TableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'T#35#' },
      }),
    ];
    for (const command of refused) {
      await expect(reader().table.send(command as GetCommand)).rejects.toBeInstanceOf(TenantGuardError);
    }
  });

  it('maps in AWS to a read-only session of the province tenant', () => {
    const plan = credentialPlanFor(provinceNoteReaderScope('35.16', YEAR));
    expect(plan).toMatchObject({ role: 'tenant', tags: { TenantId: '35' }, readOnly: true });
  });
});
