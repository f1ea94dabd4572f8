import { GetObjectCommand } from '@aws-sdk/client-s3';
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  evidenceKeys,
  keys,
  provinceOversightScope,
  repositoriesFor,
  summaryKeys,
  TenantGuardError,
  tenantKeyPrefix,
  tenantScope,
} from '@inovasi/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

/**
 * Issue 19, point 3, in the data layer (docs/decisions/0032): the clients a province receives for
 * a regency inside it reach the regency's dashboard sources only. The route layer refuses raw
 * records already (0023); here the guard itself refuses them, on the real DynamoDB Local and
 * object store, so a route that forgot the policy still could not leak one.
 */
let env: TestEnvironment;
const YEAR = 2026;
const REGENCY = '35.22';
let innovationId: string;
let evidence: { id: string; objectKey: string };

const province = () => env.data.forScope(provinceOversightScope(REGENCY));
const TableName = () => env.config.tableName;

beforeAll(async () => {
  env = await createTestEnvironment();
  // What exists, read through the regency's own scope: the province must be refused real records.
  const own = env.data.forScope(tenantScope(REGENCY, true));
  const innovations = await repositoriesFor(own).innovations.listForPeriod(YEAR);
  innovationId = innovations[0]?.id ?? '';
  const library = await repositoriesFor(own).evidence.list({ limit: 50 });
  const id = library.items.find((item) => item.source === 'upload')?.id ?? '';
  // The stored item keeps the file's key (the repository's views leave it out).
  const stored = await own.table.send(
    new GetCommand({ TableName: TableName(), Key: evidenceKeys.item(REGENCY, id) }),
  );
  evidence = { id, objectKey: String(stored.Item?.objectKey) };
  expect(innovationId).not.toBe('');
  expect(evidence.objectKey).toContain(`tenants/${REGENCY}/`);
  expect(await repositoriesFor(own).spd.get(YEAR)).toBeDefined();
});

describe('a province’s clients at a regency inside it', () => {
  it('read what the dashboard needs: profile, period, official results, summary and trend', async () => {
    const clients = province();
    expect((await repositoriesFor(clients).profile.get())?.code).toBe(REGENCY);
    const own = env.data.forScope(tenantScope(REGENCY, true));
    // The same answers as the regency's own scope gives. The demo opens no period: store one.
    const period = { ...keys.period(REGENCY, 1999), year: 1999, version: 1 };
    await env.data
      .forScope(tenantScope(REGENCY))
      .table.send(new PutCommand({ TableName: TableName(), Item: period }));
    const read = await clients.table.send(
      new GetCommand({ TableName: TableName(), Key: keys.period(REGENCY, 1999) }),
    );
    expect(read.Item).toEqual(period);
    expect(await repositoriesFor(clients).officialResults.list()).toEqual(
      await repositoriesFor(own).officialResults.list(),
    );
    const summary = await repositoriesFor(clients).summaries.get(YEAR);
    expect(summary).toBeDefined();
    expect(summary).toEqual(await repositoriesFor(own).summaries.get(YEAR));
    expect(await repositoriesFor(clients).summaries.trend(YEAR)).toEqual(
      await repositoriesFor(own).summaries.trend(YEAR),
    );
  });

  it.each([
    ['an innovation record', () => repositoriesFor(province()).innovations.get(innovationId)],
    ['the innovations of a period', () => repositoriesFor(province()).innovations.listForPeriod(YEAR)],
    ['the innovation list', () => repositoriesFor(province()).innovations.list({ limit: 5 })],
    ['the settings', () => repositoriesFor(province()).settings.get()],
    ['the SPD answers', () => repositoriesFor(province()).spd.get(YEAR)],
    ['the evidence library', () => repositoriesFor(province()).evidence.list({ limit: 5 })],
    ['one evidence item', () => repositoriesFor(province()).evidence.get(evidence.id)],
    ['the OPDs', () => repositoriesFor(province()).opds.list()],
    ['the members', () => repositoriesFor(province()).members.list()],
  ])('are refused %s by the guard', async (_label, read) => {
    await expect(read()).rejects.toThrow(TenantGuardError);
  });

  it('are refused an evidence file', async () => {
    const { client } = await province().objects();
    await expect(
      client.send(new GetObjectCommand({ Bucket: env.config.bucketName, Key: evidence.objectKey })),
    ).rejects.toThrow(TenantGuardError);
  });

  it.each([
    ['the SPD answers item (a look-alike of a period key)', keys.spdAnswers(REGENCY, YEAR)],
    ['the settings item', keys.tenantSettings(REGENCY)],
    ['an innovation item', keys.innovation(REGENCY, 'x')],
  ])('cannot get %s by key, alone or in a batch', async (_label, key) => {
    const { table } = province();
    await expect(table.send(new GetCommand({ TableName: TableName(), Key: key }))).rejects.toThrow(
      TenantGuardError,
    );
    await expect(
      table.send(
        new BatchGetCommand({
          RequestItems: { [TableName()]: { Keys: [keys.tenantProfile(REGENCY), key] } },
        }),
      ),
    ).rejects.toThrow(TenantGuardError);
  });

  it.each([
    ['the whole main partition', 'pk = :pk', {}],
    ['the periods (SPD answers share their prefix)', 'pk = :pk AND begins_with(sk, :p)', { ':p': 'PERIOD#' }],
    ['everything after the results', 'pk = :pk AND sk > :p', { ':p': 'RESULT#' }],
  ])('cannot query %s of the regency', async (_label, condition, values) => {
    await expect(
      province().table.send(
        new QueryCommand({
          TableName: TableName(),
          KeyConditionExpression: condition,
          ExpressionAttributeValues: { ':pk': tenantKeyPrefix(REGENCY), ...values },
        }),
      ),
    ).rejects.toThrow(TenantGuardError);
  });

  it('write nothing, not even the summary they may read', async () => {
    const key = summaryKeys.current(REGENCY, 1999);
    await expect(
      province().table.send(new PutCommand({ TableName: TableName(), Item: { ...key, name: 'x' } })),
    ).rejects.toThrow(TenantGuardError);
  });

  it('do not share a cached client with the regency’s own read-only scope', async () => {
    // The factory caches clients per scope: the two scopes must not collide.
    const own = env.data.forScope(tenantScope(REGENCY, true));
    expect(own).not.toBe(province());
    expect(await repositoriesFor(own).settings.get()).toBeDefined();
    await expect(repositoriesFor(province()).settings.get()).rejects.toThrow(TenantGuardError);
  });
});

describe('admin.35 through the API', () => {
  it('still reads 35.22’s dashboard routes, which run on the narrowed clients', async () => {
    const token = await env.login('admin.35@demo.local');
    for (const path of [
      `/tenants/${REGENCY}/periods/${YEAR}/summary`,
      `/tenants/${REGENCY}/periods/${YEAR}/trend`,
      `/tenants/${REGENCY}/results`,
      `/tenants/${REGENCY}/periods/${YEAR}/province-note`,
    ]) {
      const response = await env.request('GET', path, { token });
      expect(response.status, path).toBe(200);
    }
  });
});
