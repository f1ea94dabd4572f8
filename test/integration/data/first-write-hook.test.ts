import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { tenantCodesIn, tenantScope, withFirstWriteHook } from '@inovasi/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

/**
 * The hook the summary refresh uses to leave its stale marker: it runs once, before the first item
 * write of the work and only then; when it fails, the write is never sent.
 */
let env: TestEnvironment;
const CODE = '63.03';

beforeAll(async () => {
  env = await createTestEnvironment({ seed: false });
});

const table = () => env.data.forScope(tenantScope(CODE)).table;
const keyOf = (name: string) => ({ pk: `T#${CODE}#HOOK`, sk: name });
const put = (name: string) =>
  table().send(new PutCommand({ TableName: env.config.tableName, Item: { ...keyOf(name), name } }));
const exists = async (name: string) =>
  (await table().send(new GetCommand({ TableName: env.config.tableName, Key: keyOf(name) }))).Item !==
  undefined;

describe('the first-write hook', () => {
  it('does not run for work that only reads', async () => {
    let runs = 0;
    const { result, fired } = await withFirstWriteHook(
      async () => {
        runs++;
      },
      async () => {
        await table().send(
          new QueryCommand({
            TableName: env.config.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': `T#${CODE}#HOOK` },
          }),
        );
        return 'read';
      },
    );
    expect({ result, fired, runs }).toEqual({ result: 'read', fired: false, runs: 0 });
  });

  it('runs once, before the first write, with its own writes outside the scope', async () => {
    const order: string[] = [];
    const { fired } = await withFirstWriteHook(
      async () => {
        order.push(`hook saw first=${await exists('first')}`);
        await put('marker');
      },
      async () => {
        await Promise.all([put('first'), put('second')]);
        await put('third');
        order.push('work done');
      },
    );
    expect(fired).toBe(true);
    expect(order).toEqual(['hook saw first=false', 'work done']);
    for (const name of ['marker', 'first', 'second', 'third']) expect(await exists(name)).toBe(true);
  });

  it('shows the hook the first write, so it can tell which tenants the write is about to change', async () => {
    const seen: string[][] = [];
    await withFirstWriteHook(
      async (firstWrite) => {
        seen.push(tenantCodesIn(firstWrite));
      },
      () => put('named'),
    );
    expect(seen).toEqual([[CODE]]);
    expect(
      tenantCodesIn({
        TransactItems: [
          { Put: { Item: { pk: 'T#35.22#REPL#1', sk: 'x' } } },
          { Put: { Item: { pk: 'T#17.71#REPL#1', sk: 'x' } } },
          { Update: { Key: { pk: 'CATALOG#ENTRY#35.22#1' } } },
        ],
      }),
    ).toEqual(['35.22', '17.71']);
  });

  it('fails the write, and sends nothing, when the hook fails', async () => {
    const outcome = withFirstWriteHook(
      async () => {
        throw new Error('marker refused');
      },
      () => put('never'),
    );
    await expect(outcome).rejects.toThrow('marker refused');
    expect(await exists('never')).toBe(false);
  });

  it('does not fire for writes started after the work settled', async () => {
    let runs = 0;
    let late: (() => Promise<unknown>) | undefined;
    await withFirstWriteHook(
      async () => {
        runs++;
      },
      async () => {
        late = () => put('late');
      },
    );
    await late?.();
    expect(runs).toBe(0);
    expect(await exists('late')).toBe(true);
  });
});
