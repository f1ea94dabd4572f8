import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  keys,
  nationalReaderScope,
  provinceReaderScope,
  summaryKeys,
  summaryWriterScope,
  TenantGuardError,
  tenantScope,
} from '@inovasi/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

/**
 * The scopes of the oversight read models (docs/decisions/0010), checked by the guard inside the
 * data client on the real DynamoDB Local: a regency writes only its own rows of its own province's
 * and the national read model; a province reads only its own read model; the national reader
 * reads only the national rows.
 */
let env: TestEnvironment;
const TableName = () => env.config.tableName;
const YEAR = 2026;

beforeAll(async () => {
  env = await createTestEnvironment();
});

const writer = (code = '35.22') => env.data.forScope(summaryWriterScope(code));
const row = (key: { pk: string; sk: string }) => ({ ...key, sourceAt: '0', computedAt: '0', name: 'x' });

describe('a regency’s summary writer', () => {
  it('writes and reads its own items: summary, province row, drill-down, national row', async () => {
    const { table } = writer();
    for (const key of [
      summaryKeys.current('35.22', 1999),
      summaryKeys.provinceRow('35', 1999, '35.22'),
      summaryKeys.provinceDetail('35', 1999, '35.22'),
      summaryKeys.nationalRow(1999, '35.22'),
    ]) {
      await table.send(new PutCommand({ TableName: TableName(), Item: row(key) }));
      const read = await table.send(new GetCommand({ TableName: TableName(), Key: key }));
      expect(read.Item?.name).toBe('x');
    }
  });

  it.each([
    ['a neighbour’s row in its own province', summaryKeys.provinceRow('35', YEAR, '35.20')],
    ['a neighbour’s drill-down item', summaryKeys.provinceDetail('35', YEAR, '35.20')],
    ['its own code in another province’s read model', summaryKeys.provinceRow('63', YEAR, '35.22')],
    ['a neighbour’s national row', summaryKeys.nationalRow(YEAR, '35.20')],
    ['a look-alike sort key', { pk: `PROV#35#${YEAR}`, sk: 'R#35.221#' }],
    ['a neighbour’s summary', summaryKeys.current('35.20', YEAR)],
    ['its own profile (outside the summary partition)', keys.tenantProfile('35.22')],
    ['its own innovations', keys.innovation('35.22', 'x')],
  ])('may not touch %s', async (_label, key) => {
    const { table } = writer();
    const attempts = [
      () => table.send(new PutCommand({ TableName: TableName(), Item: row(key) })),
      () => table.send(new GetCommand({ TableName: TableName(), Key: key })),
      () => table.send(new DeleteCommand({ TableName: TableName(), Key: key })),
      () =>
        table.send(
          new UpdateCommand({
            TableName: TableName(),
            Key: key,
            UpdateExpression: 'SET #n = :n',
            ExpressionAttributeNames: { '#n': 'name' },
            ExpressionAttributeValues: { ':n': 'y' },
          }),
        ),
      () => table.send(new BatchGetCommand({ RequestItems: { [TableName()]: { Keys: [key] } } })),
      () =>
        table.send(
          new TransactWriteCommand({ TransactItems: [{ Put: { TableName: TableName(), Item: row(key) } }] }),
        ),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toThrow(TenantGuardError);
  });

  it.each([
    ['its province’s cockpit rows', summaryKeys.provinceRows('35', YEAR)],
    ['the national rows', summaryKeys.nationalRows(YEAR)],
  ])('may not query %s (it would read its neighbours)', async (_label, partition) => {
    await expect(
      writer().table.send(
        new QueryCommand({
          TableName: TableName(),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': partition },
        }),
      ),
    ).rejects.toThrow(TenantGuardError);
  });

  it('writes no province row for a province: it oversees, it is not overseen', async () => {
    await expect(
      writer('35').table.send(
        new PutCommand({ TableName: TableName(), Item: row(summaryKeys.provinceRow('35', YEAR, '35')) }),
      ),
    ).rejects.toThrow(TenantGuardError);
    await writer('35').table.send(
      new PutCommand({ TableName: TableName(), Item: row(summaryKeys.nationalRow(1999, '35')) }),
    );
  });
});

describe('a province’s reader', () => {
  const query = (scope: ReturnType<typeof provinceReaderScope>, partition: string) =>
    env.data.forScope(scope).table.send(
      new QueryCommand({
        TableName: TableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
      }),
    );

  it('reads its cockpit rows in one query: the seeded demo regencies', async () => {
    const result = await query(provinceReaderScope('35'), summaryKeys.provinceRows('35', YEAR));
    expect(result.Items?.map((item) => item.tenantCode).sort()).toEqual(['35.16', '35.20', '35.22']);
  });

  it.each([
    ['another province’s rows', summaryKeys.provinceRows('63', YEAR)],
    ['a look-alike province', `PROV#351#${YEAR}`],
    ['the national rows', summaryKeys.nationalRows(YEAR)],
    ['a regency’s own summaries', summaryKeys.current('35.22', YEAR).pk],
    ['its own tenant partition', keys.tenantProfile('35').pk],
  ])('may not read %s', async (_label, partition) => {
    await expect(query(provinceReaderScope('35'), partition)).rejects.toThrow(TenantGuardError);
  });

  it('writes nothing', async () => {
    await expect(
      env.data
        .forScope(provinceReaderScope('35'))
        .table.send(
          new PutCommand({ TableName: TableName(), Item: row(summaryKeys.provinceRow('35', YEAR, '35.22')) }),
        ),
    ).rejects.toThrow(TenantGuardError);
  });
});

describe('the national reader', () => {
  it('reads every region’s row and nothing else', async () => {
    const { table } = env.data.forScope(nationalReaderScope);
    const rows = await table.send(
      new QueryCommand({
        TableName: TableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': summaryKeys.nationalRows(YEAR) },
      }),
    );
    expect(rows.Items?.length).toBe(6);
    await expect(
      table.send(
        new GetCommand({ TableName: TableName(), Key: summaryKeys.provinceRow('35', YEAR, '35.22') }),
      ),
    ).rejects.toThrow(TenantGuardError);
    await expect(
      table.send(
        new PutCommand({ TableName: TableName(), Item: row(summaryKeys.nationalRow(YEAR, '35.22')) }),
      ),
    ).rejects.toThrow(TenantGuardError);
  });

  it('keeps a regency’s own tenant scope out of the shared read models', async () => {
    await expect(
      env.data
        .forScope(tenantScope('35.22'))
        .table.send(
          new GetCommand({ TableName: TableName(), Key: summaryKeys.provinceRow('35', YEAR, '35.22') }),
        ),
    ).rejects.toThrow(TenantGuardError);
  });
});
