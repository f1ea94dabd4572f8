import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  evidenceKeys,
  INDEXES,
  keys,
  provinceOversightScope,
  resultKeys,
  ScopedClientFactory,
  summaryKeys,
  TenantGuardError,
  tenantKeyPrefix,
  tenantScope,
} from '../src/index.ts';

/**
 * The guard's decisions for a province at a regency (docs/decisions/0032), without a database: the
 * guard runs in the client's build step, before anything is sent. The endpoint is a closed port,
 * so a request the guard lets through fails to connect instead: refused means `TenantGuardError`,
 * allowed means any other error. (The same rules against DynamoDB Local:
 * test/integration/oversight/province-scope.test.ts.)
 */
const factory = new ScopedClientFactory({
  tableName: 't',
  bucketName: 'b',
  region: 'ap-southeast-3',
  dynamoEndpoint: 'http://127.0.0.1:9',
  credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
});
const TableName = 't';
const REGENCY = '35.22';
const province = () => factory.forScope(provinceOversightScope(REGENCY)).table;

/** 'guard' when the guard refused, 'sent' when the request left for the (closed) endpoint. */
async function verdict(send: () => Promise<unknown>): Promise<'guard' | 'sent'> {
  try {
    await send();
    return 'sent';
  } catch (error) {
    return error instanceof TenantGuardError ? 'guard' : 'sent';
  }
}

const get = (key: { pk: string; sk: string }) => () =>
  province().send(new GetCommand({ TableName, Key: key }));
const query = (condition: string, values: Record<string, unknown>) => () =>
  province().send(
    new QueryCommand({
      TableName,
      KeyConditionExpression: condition,
      ExpressionAttributeValues: { ':pk': tenantKeyPrefix(REGENCY), ...values },
    }),
  );

describe('the guard of a province at a regency', () => {
  it.each([
    ['the profile', keys.tenantProfile(REGENCY)],
    ['a period', keys.period(REGENCY, 2026)],
    ['an official result', resultKeys.result(REGENCY, 2025)],
    ['the summary', summaryKeys.current(REGENCY, 2026)],
  ])(
    'lets a get of %s through',
    async (_label, key) => {
      expect(await verdict(get(key))).toBe('sent');
    },
    20_000,
  );

  it.each([
    ['the settings', keys.tenantSettings(REGENCY)],
    ['the SPD answers (a period key with a suffix)', keys.spdAnswers(REGENCY, 2026)],
    ['an OPD', keys.opd(REGENCY, 'opd-dinkes')],
    ['a member', keys.member(REGENCY, 'u-1')],
    ['an innovation', keys.innovation(REGENCY, 'i-1')],
    ['an evidence item', evidenceKeys.item(REGENCY, 'e-1')],
    ['a neighbour’s profile', keys.tenantProfile('35.20')],
    ['a neighbour’s summary', summaryKeys.current('35.20', 2026)],
  ])('refuses a get of %s', async (_label, key) => {
    expect(await verdict(get(key))).toBe('guard');
  });

  it('lets the results query through, and refuses any other query of the main partition', async () => {
    expect(await verdict(query('pk = :pk AND begins_with(sk, :p)', { ':p': resultKeys.sortPrefix }))).toBe(
      'sent',
    );
    for (const [condition, values] of [
      ['pk = :pk', {}],
      ['pk = :pk AND begins_with(sk, :p)', { ':p': 'PERIOD#' }],
      ['pk = :pk AND begins_with(sk, :p)', { ':p': 'RESULT' }],
      ['pk = :pk AND sk BETWEEN :a AND :b', { ':a': 'RESULT#', ':b': 'USER#~' }],
      ['pk = :pk AND sk >= :p', { ':p': 'RESULT#' }],
    ] as const) {
      expect(await verdict(query(condition, values)), condition).toBe('guard');
    }
    // The innovation list (an index partition of the regency's) is out of reach too.
    expect(
      await verdict(() =>
        province().send(
          new QueryCommand({
            TableName,
            IndexName: INDEXES.byType.name,
            KeyConditionExpression: 'gsi1pk = :pk',
            ExpressionAttributeValues: { ':pk': `${tenantKeyPrefix(REGENCY)}INNO` },
          }),
        ),
      ),
    ).toBe('guard');
  }, 20_000);

  it('refuses a batch that hides one raw item among allowed ones', async () => {
    const batch = () =>
      province().send(
        new BatchGetCommand({
          RequestItems: {
            [TableName]: { Keys: [keys.tenantProfile(REGENCY), keys.tenantSettings(REGENCY)] },
          },
        }),
      );
    expect(await verdict(batch)).toBe('guard');
  });

  it('is not the regency’s own read-only scope, which reads its settings', async () => {
    const own = factory.forScope(tenantScope(REGENCY, true)).table;
    expect(own).not.toBe(province());
    expect(
      await verdict(() => own.send(new GetCommand({ TableName, Key: keys.tenantSettings(REGENCY) }))),
    ).toBe('sent');
  }, 20_000);
});
