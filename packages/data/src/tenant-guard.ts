import type { BuildMiddleware, MiddlewareStack } from '@smithy/types';
import { isAppendOnlyPartition } from './keys.ts';
import { INDEXES, PARTITION_ATTRIBUTES, TABLE_KEY } from './table-definition.ts';

/**
 * What one request-scoped client may touch: the key prefixes of its partitions and objects.
 * A tenant's scope is `T#<code>#` and `tenants/<code>/`; nothing is allowed by default.
 */
export interface DataScope {
  /**
   * The one tenant whose data this scope is for (the regency, for a province's oversight scope),
   * or absent for a scope that belongs to no tenant (the public catalogue, the platform registry,
   * the national read model). Repositories take their tenant from here, through the scoped
   * clients, never as a separate argument (docs/decisions/0048).
   */
  readonly tenantCode?: string | undefined;
  readonly keyPrefixes: readonly string[];
  readonly objectPrefixes: readonly string[];
  readonly readOnly: boolean;
  /**
   * Index partition attributes with a rule of their own: an attribute named here must begin with
   * one of these prefixes *instead of* `keyPrefixes` (the sparse public catalogue index belongs to
   * no tenant; an agreement may add a draft to exactly one tenant's lists). Attributes not named
   * follow `keyPrefixes`; the table's own partition key always does.
   */
  readonly indexPrefixes?: Readonly<Partial<Record<string, readonly string[]>>> | undefined;
  /**
   * Shared partitions in which this scope reaches only its own items (a regency writing its row of
   * its province's read model): an item key in a partition beginning with `partitionPrefix` must
   * carry a sort key beginning with one of `sortKeyPrefixes`, and such a partition cannot be
   * queried, since a query would read every region's items.
   */
  readonly ownItems?: readonly OwnItemsRule[] | undefined;
  /**
   * Single partitions reached only at some of their sort keys (a province reading a regency's
   * profile, periods and official results in `T#<code>#`, but not its settings or SPD answers in
   * the same partition). The partition is matched exactly, not as a prefix, so the tenant's other
   * partitions (innovations, evidence) stay out of reach.
   */
  readonly sortKeyLimited?: readonly SortKeyLimitedPartition[] | undefined;
}

/** A scope that belongs to exactly one tenant. */
export interface TenantDataScope extends DataScope {
  readonly tenantCode: string;
}

export interface OwnItemsRule {
  readonly partitionPrefix: string;
  readonly sortKeyPrefixes: readonly string[];
}

export interface SortKeyLimitedPartition {
  /** The partition key, exactly. */
  readonly partition: string;
  /** A key read in it must match one of these as a whole. */
  readonly sortKeys: readonly RegExp[];
  /** A query of it must bind `begins_with(sk, :p)` with `:p` one of these (each yields only allowed keys). */
  readonly queryPrefixes: readonly string[];
}

export class TenantGuardError extends Error {
  override readonly name = 'TenantGuardError';
}

type Attributes = Record<string, unknown>;

const READ_COMMANDS = new Set(['GetItem', 'Query', 'BatchGetItem', 'TransactGetItems']);
const WRITE_COMMANDS = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
]);
const S3_READ_COMMANDS = new Set([
  'GetObject',
  'HeadObject',
  'ListObjectsV2',
  'GetObjectTagging',
  'ListParts',
]);
const S3_WRITE_COMMANDS = new Set([
  'PutObject',
  'DeleteObject',
  'CopyObject',
  'CreateMultipartUpload',
  'UploadPart',
  'CompleteMultipartUpload',
  'AbortMultipartUpload',
  'PutObjectTagging',
]);

/** The document client names its commands after the shorter verbs; map both to the table API. */
const DOCUMENT_COMMANDS: Record<string, string> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  BatchGet: 'BatchGetItem',
  BatchWrite: 'BatchWriteItem',
  TransactGet: 'TransactGetItems',
  TransactWrite: 'TransactWriteItems',
};

const commandOf = (commandName: unknown): string => {
  const bare = String(commandName ?? '').replace(/Command$/, '');
  return DOCUMENT_COMMANDS[bare] ?? bare;
};

/** Key values arrive marshalled (`{ S: 'T#…' }`) or plain, depending on the client layer. */
const stringOf = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'S' in value && typeof value.S === 'string') return value.S;
  return undefined;
};

/** The prefixes a partition attribute (table or index) may carry under a scope. */
const prefixesFor = (scope: DataScope, attribute: string): readonly string[] =>
  attribute === TABLE_KEY.partition
    ? scope.keyPrefixes
    : (scope.indexPrefixes?.[attribute] ?? scope.keyPrefixes);

function assertPrefixed(value: unknown, scope: DataScope, attribute: string, what: string): void {
  const text = stringOf(value);
  if (text === undefined || !prefixesFor(scope, attribute).some((prefix) => text.startsWith(prefix))) {
    throw new TenantGuardError(`${what} is outside the caller's scope`);
  }
}

/** The sort-key-limited partition a table partition key names exactly, if any. */
const limitedPartition = (scope: DataScope, partition: unknown): SortKeyLimitedPartition | undefined => {
  const text = stringOf(partition);
  return text === undefined ? undefined : scope.sortKeyLimited?.find((rule) => rule.partition === text);
};

/** An item key of a sort-key-limited partition: its sort key must be one the scope names. */
function assertLimitedItem(rule: SortKeyLimitedPartition, item: Attributes, what: string): void {
  const sort = stringOf(item[TABLE_KEY.sort]);
  if (sort === undefined || !rule.sortKeys.some((pattern) => pattern.test(sort))) {
    throw new TenantGuardError(`${what} sort key is outside the caller's scope`);
  }
  for (const attribute of PARTITION_ATTRIBUTES) {
    if (attribute !== TABLE_KEY.partition && item[attribute] !== undefined) {
      throw new TenantGuardError(`${what} ${attribute} is outside the caller's scope`);
    }
  }
}

/** In a shared partition of an `ownItems` rule, the sort key must be one of the caller's own. */
function assertOwnItem(item: Attributes, scope: DataScope, what: string): void {
  const partition = stringOf(item[TABLE_KEY.partition]) ?? '';
  for (const rule of scope.ownItems ?? []) {
    if (!partition.startsWith(rule.partitionPrefix)) continue;
    const sort = stringOf(item[TABLE_KEY.sort]);
    if (sort === undefined || !rule.sortKeyPrefixes.some((prefix) => sort.startsWith(prefix))) {
      throw new TenantGuardError(`${what} sort key is not one of the caller's own items`);
    }
  }
}

/** Any partition attribute an item carries (table or index) must stay inside the scope. */
function assertItem(item: Attributes | undefined, scope: DataScope, what: string): void {
  if (!item) throw new TenantGuardError(`${what} has no key`);
  const limited = limitedPartition(scope, item[TABLE_KEY.partition]);
  if (limited) {
    assertLimitedItem(limited, item, what);
    return;
  }
  assertPrefixed(item[TABLE_KEY.partition], scope, TABLE_KEY.partition, `${what} partition key`);
  assertOwnItem(item, scope, what);
  for (const attribute of PARTITION_ATTRIBUTES) {
    if (attribute !== TABLE_KEY.partition && item[attribute] !== undefined) {
      assertPrefixed(item[attribute], scope, attribute, `${what} ${attribute}`);
    }
  }
}

const resolveName = (token: string, names: Record<string, string> | undefined): string =>
  token.startsWith('#') ? (names?.[token] ?? token) : token;

/** Equalities `name = :value` (either side) in an expression, with names resolved. */
function equalities(expression: string, names: Record<string, string> | undefined) {
  const pairs: { name: string; placeholder: string }[] = [];
  const pattern = /([#\w.]+)\s*=\s*([#:\w.]+)/g;
  for (const match of expression.matchAll(pattern)) {
    const [, left = '', right = ''] = match;
    if (right.startsWith(':')) pairs.push({ name: resolveName(left, names), placeholder: right });
    else if (left.startsWith(':')) pairs.push({ name: resolveName(right, names), placeholder: left });
  }
  return pairs;
}

function assertQuery(input: Attributes, scope: DataScope): void {
  const indexName = input.IndexName as string | undefined;
  const index = Object.values(INDEXES).find((candidate) => candidate.name === indexName);
  if (indexName !== undefined && !index) throw new TenantGuardError(`unknown index ${indexName}`);
  const partition = index ? index.partition : TABLE_KEY.partition;
  const names = input.ExpressionAttributeNames as Record<string, string> | undefined;
  const values = (input.ExpressionAttributeValues ?? {}) as Attributes;
  const condition = String(input.KeyConditionExpression ?? '');
  const bound = equalities(condition, names).filter((pair) => pair.name === partition);
  if (bound.length !== 1) throw new TenantGuardError('query must bind its partition key by equality');
  const partitionValue = values[bound[0]?.placeholder ?? ''];
  const limited = index ? undefined : limitedPartition(scope, partitionValue);
  if (limited) {
    assertLimitedQuery(limited, condition, names, values);
    if (input.ExclusiveStartKey) assertItem(input.ExclusiveStartKey as Attributes, scope, 'query start key');
    return;
  }
  assertPrefixed(partitionValue, scope, partition, 'query partition key');
  const queried = stringOf(partitionValue) ?? '';
  if ((scope.ownItems ?? []).some((rule) => queried.startsWith(rule.partitionPrefix))) {
    throw new TenantGuardError('query of a shared partition would read other regions’ items');
  }
  if (input.ExclusiveStartKey) assertItem(input.ExclusiveStartKey as Attributes, scope, 'query start key');
}

/**
 * A query of a sort-key-limited partition reads only what `begins_with` with one of the rule's
 * prefixes yields; anything else (no sort key condition, a range, an `OR`) would read the rest.
 */
function assertLimitedQuery(
  rule: SortKeyLimitedPartition,
  condition: string,
  names: Record<string, string> | undefined,
  values: Attributes,
): void {
  const match = /^\s*[#\w]+\s*=\s*:\w+\s+AND\s+begins_with\(\s*([#\w]+)\s*,\s*(:\w+)\s*\)\s*$/i.exec(
    condition,
  );
  const prefix = match ? stringOf(values[match[2] ?? '']) : undefined;
  if (
    !match ||
    resolveName(match[1] ?? '', names) !== TABLE_KEY.sort ||
    !rule.queryPrefixes.includes(prefix ?? '')
  ) {
    throw new TenantGuardError('query of a partition the caller reaches only in part');
  }
}

/** The audit trail is append-only: entries are created once and never changed or removed. */
function assertNotAppendOnly(key: Attributes | undefined, what: string): void {
  const partition = stringOf(key?.[TABLE_KEY.partition]);
  if (partition !== undefined && isAppendOnlyPartition(partition)) {
    throw new TenantGuardError(`${what} would change an append-only entry`);
  }
}

function assertAppendOnlyPut(put: Attributes, what: string): void {
  const partition = stringOf((put.Item as Attributes | undefined)?.[TABLE_KEY.partition]);
  if (partition === undefined || !isAppendOnlyPartition(partition)) return;
  if (!/attribute_not_exists\(\s*pk\s*\)/.test(String(put.ConditionExpression ?? ''))) {
    throw new TenantGuardError(`${what} must not overwrite an append-only entry`);
  }
}

/** An update must not move an item's index entries into another partition. */
function assertUpdate(input: Attributes, scope: DataScope, what: string): void {
  assertNotAppendOnly(input.Key as Attributes, what);
  assertItem(input.Key as Attributes, scope, what);
  const names = input.ExpressionAttributeNames as Record<string, string> | undefined;
  const values = (input.ExpressionAttributeValues ?? {}) as Attributes;
  const expression = String(input.UpdateExpression ?? '');
  const assigned = equalities(expression, names).filter((pair) => PARTITION_ATTRIBUTES.includes(pair.name));
  for (const pair of assigned) {
    assertPrefixed(values[pair.placeholder], scope, pair.name, `${what} ${pair.name}`);
  }
  const mentioned = [...expression.matchAll(/[#\w]+/g)].map((match) => resolveName(match[0], names));
  if (mentioned.filter((name) => PARTITION_ATTRIBUTES.includes(name)).length !== assigned.length) {
    throw new TenantGuardError(`${what} changes a partition attribute in a way the guard cannot check`);
  }
}

function assertTableRequest(command: string, input: Attributes, scope: DataScope): void {
  if (!READ_COMMANDS.has(command) && !WRITE_COMMANDS.has(command)) {
    throw new TenantGuardError(`${command} is not allowed on a tenant-scoped client`);
  }
  if (scope.readOnly && WRITE_COMMANDS.has(command)) {
    throw new TenantGuardError(`${command} is not allowed on a read-only client`);
  }
  TABLE_COMMAND_CHECKS.get(command)?.(input, scope, command);
}

type TableCommandCheck = (input: Attributes, scope: DataScope, command: string) => void;

function assertKeyNotAppendOnly(input: Attributes, scope: DataScope, command: string): void {
  assertItem(input.Key as Attributes, scope, command);
  assertNotAppendOnly(input.Key as Attributes, command);
}

function assertBatchGet(input: Attributes, scope: DataScope, command: string): void {
  for (const request of Object.values(
    (input.RequestItems ?? {}) as Record<string, { Keys?: Attributes[] }>,
  )) {
    for (const itemKey of request.Keys ?? []) assertItem(itemKey, scope, command);
  }
}

function assertBatchWrite(input: Attributes, scope: DataScope, command: string): void {
  for (const requests of Object.values((input.RequestItems ?? {}) as Record<string, Attributes[]>)) {
    for (const request of requests) {
      const put = request.PutRequest as { Item?: Attributes } | undefined;
      const del = request.DeleteRequest as { Key?: Attributes } | undefined;
      assertItem(put?.Item ?? del?.Key, scope, command);
      // A batch write has no conditions: it may not touch append-only partitions at all.
      assertNotAppendOnly(put?.Item ?? del?.Key, command);
    }
  }
}

function assertTransactGet(input: Attributes, scope: DataScope, command: string): void {
  for (const entry of (input.TransactItems ?? []) as { Get?: { Key?: Attributes } }[]) {
    assertItem(entry.Get?.Key, scope, command);
  }
}

function assertTransactWrite(input: Attributes, scope: DataScope): void {
  for (const entry of (input.TransactItems ?? []) as Record<string, Attributes | undefined>[]) {
    if (entry.Put) {
      assertItem(entry.Put.Item as Attributes, scope, 'TransactWriteItems Put');
      assertAppendOnlyPut(entry.Put, 'TransactWriteItems Put');
    } else if (entry.Update) assertUpdate(entry.Update, scope, 'TransactWriteItems Update');
    else if (entry.Delete) {
      assertItem(entry.Delete.Key as Attributes, scope, 'TransactWriteItems Delete');
      assertNotAppendOnly(entry.Delete.Key as Attributes, 'TransactWriteItems Delete');
    } else if (entry.ConditionCheck) {
      assertItem(entry.ConditionCheck.Key as Attributes, scope, 'TransactWriteItems ConditionCheck');
    } else throw new TenantGuardError('empty transaction entry');
  }
}

/** What each allowed table command is checked for, beyond being allowed at all. */
const TABLE_COMMAND_CHECKS: ReadonlyMap<string, TableCommandCheck> = new Map<string, TableCommandCheck>([
  ['GetItem', assertKeyNotAppendOnly],
  ['DeleteItem', assertKeyNotAppendOnly],
  [
    'PutItem',
    (input, scope, command) => {
      assertItem(input.Item as Attributes, scope, command);
      assertAppendOnlyPut(input, command);
    },
  ],
  ['UpdateItem', assertUpdate],
  ['Query', assertQuery],
  ['BatchGetItem', assertBatchGet],
  ['BatchWriteItem', assertBatchWrite],
  ['TransactGetItems', assertTransactGet],
  ['TransactWriteItems', assertTransactWrite],
]);

function assertObjectRequest(command: string, input: Attributes, scope: DataScope): void {
  if (!S3_READ_COMMANDS.has(command) && !S3_WRITE_COMMANDS.has(command)) {
    throw new TenantGuardError(`${command} is not allowed on a tenant-scoped client`);
  }
  if (scope.readOnly && S3_WRITE_COMMANDS.has(command)) {
    throw new TenantGuardError(`${command} is not allowed on a read-only client`);
  }
  const objectKeys = command === 'ListObjectsV2' ? [input.Prefix] : [input.Key];
  if (command === 'CopyObject') {
    // CopySource is "bucket/key"; the source must be the caller's too.
    const source = String(input.CopySource ?? '');
    objectKeys.push(decodeURIComponent(source.slice(source.indexOf('/') + 1)));
  }
  for (const objectKey of objectKeys) {
    if (
      typeof objectKey !== 'string' ||
      !scope.objectPrefixes.some((prefix) => objectKey.startsWith(prefix))
    ) {
      throw new TenantGuardError(`object key is outside the caller's scope`);
    }
  }
}

const guardMiddleware =
  (check: (command: string, input: Attributes) => void): BuildMiddleware<object, object> =>
  (next, context) =>
  async (args) => {
    check(commandOf(context.commandName), args.input as Attributes);
    return next(args);
  };

/** Installs the guard on a DynamoDB client (plain or document client: they share one stack). */
export function guardTable(stack: MiddlewareStack<object, object>, scope: DataScope): void {
  stack.add(
    guardMiddleware((command, input) => assertTableRequest(command, input, scope)),
    { step: 'build', name: 'tenantGuard', priority: 'high' },
  );
}

/** Installs the guard on an S3 client; it also runs when a request is presigned. */
export function guardObjects(stack: MiddlewareStack<object, object>, scope: DataScope): void {
  stack.add(
    guardMiddleware((command, input) => assertObjectRequest(command, input, scope)),
    { step: 'build', name: 'tenantGuard', priority: 'high' },
  );
}
