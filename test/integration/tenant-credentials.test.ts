import {
  type AssumeRoleClient,
  type AssumeRoleCommand,
  type AssumeRoleCommandInput,
  credentialPlanFor,
  DATA_ROLE_NAMES,
  DATA_ROLES,
  type DataRoleDefinition,
  type DataRoleName,
  INDEXES,
  ITEM_WRITE_ACTIONS,
  PEER_TAG_KEY,
  PROVINCE_TAG_KEY,
  type ScopedClients,
  ScopedCredentialVendor,
  TABLE_KEY,
  TENANT_TAG_KEY,
} from '@inovasi/data';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../support/environment.ts';
import { fillPath, type Operation, operationsOf, sampleOf } from '../support/openapi.ts';

/**
 * The AWS code path of tenant-scoped credentials, run on the local stack. The data layer gets its
 * credentials from the same `ScopedCredentialVendor` as in Lambda; STS is a stand-in (there is no
 * STS here) that records each AssumeRole and hands back the local stack's keys. Every DynamoDB
 * request is then checked against the policy of the role the vendor picked, evaluated like IAM
 * would: `dynamodb:LeadingKeys` against the role's prefixes with the session's tags substituted.
 * DynamoDB Local ignores IAM, so this is how the suite proves that what the code sends in AWS is
 * what the CDK app (infra/test/data-access.test.ts pins the same definitions) allows.
 *
 * Walking every route of the OpenAPI document as every kind of caller, no route may need a scope
 * without a role (a 500 here), and no request may fall outside its role.
 */
interface Violation {
  readonly role: DataRoleName;
  readonly command: string;
  readonly key: string;
}

const assumed: AssumeRoleCommandInput[] = [];
const violations: Violation[] = [];
const local = inject('dataConfig').credentials;

/** No STS exists locally: a stand-in records the call and answers with the local stack's keys. */
const sts: AssumeRoleClient = {
  send: async (command: AssumeRoleCommand) => {
    assumed.push(command.input);
    return {
      Credentials: {
        AccessKeyId: local?.accessKeyId ?? 'S3RVER',
        SecretAccessKey: local?.secretAccessKey ?? 'S3RVER',
        SessionToken: undefined,
        Expiration: new Date(Date.now() + 3_600_000),
      },
    };
  },
};

const roleArns = Object.fromEntries(
  DATA_ROLE_NAMES.map((name) => [name, `arn:aws:iam::111122223333:role/${DATA_ROLES[name].constructId}`]),
);

type Attributes = Record<string, unknown>;
/** Values arrive marshalled (`{ S: 'T#…' }`) below the document client. */
const text = (value: unknown): string =>
  value && typeof value === 'object' && 'S' in value
    ? String((value as { S: unknown }).S)
    : String(value ?? '');
const partitionOf = (item: unknown): string => text((item as Attributes | undefined)?.[TABLE_KEY.partition]);
const WRITES = new Set([
  'Put',
  'Update',
  'Delete',
  'BatchWrite',
  'TransactWrite',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
]);

/** The `dynamodb:LeadingKeys` of a request, as IAM sees them. */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
function leadingKeys(command: string, input: Attributes): string[] {
  switch (command) {
    case 'Get':
    case 'Delete':
    case 'Update':
      return [partitionOf(input.Key)];
    case 'Put':
      return [partitionOf(input.Item)];
    case 'Query': {
      const index = Object.values(INDEXES).find((candidate) => candidate.name === input.IndexName);
      const attribute = index?.partition ?? TABLE_KEY.partition;
      const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
      const values = (input.ExpressionAttributeValues ?? {}) as Attributes;
      for (const match of String(input.KeyConditionExpression).matchAll(/([#\w]+)\s*=\s*(:\w+)/g)) {
        const name = match[1]?.startsWith('#') ? names[match[1]] : match[1];
        if (name === attribute) return [text(values[match[2] ?? ''])];
      }
      return ['<unbound>'];
    }
    case 'BatchGet':
      return Object.values((input.RequestItems ?? {}) as Record<string, { Keys?: Attributes[] }>).flatMap(
        (request) => (request.Keys ?? []).map(partitionOf),
      );
    case 'BatchWrite':
      return Object.values((input.RequestItems ?? {}) as Record<string, Attributes[]>).flatMap((requests) =>
        requests.map((request) =>
          partitionOf(
            (request.PutRequest as Attributes | undefined)?.Item ??
              (request.DeleteRequest as Attributes | undefined)?.Key,
          ),
        ),
      );
    case 'TransactGet':
    case 'TransactWrite':
      return ((input.TransactItems ?? []) as Record<string, Attributes>[]).map((entry) => {
        const [operation] = Object.values(entry);
        return partitionOf(operation?.Key ?? operation?.Item);
      });
    default:
      return ['<not an item action>'];
  }
}

/** Checks every request of a scope's table client against its role's policy (test instrumentation). */
function simulateIam(clients: ScopedClients): void {
  const plan = credentialPlanFor(clients.scope);
  const definition: DataRoleDefinition = DATA_ROLES[plan.role];
  const values: string[] = definition.tags.map((tag) => plan.tags[tag] ?? '');
  const allowed = definition.keyPrefixes(...values);
  clients.table.middlewareStack.add(
    (next, context) => async (args) => {
      // `GetItemCommand` below the document client, `GetCommand` above it: one name for both.
      const command = String(context.commandName ?? '')
        .replace(/Command$/, '')
        .replace(/Items?$/, '');
      const input = args.input as Attributes;
      const writes = WRITES.has(command);
      for (const key of leadingKeys(command, input)) {
        const inRole = allowed.some((prefix) => key.startsWith(prefix));
        if (!inRole || (writes && definition.readOnly)) violations.push({ role: plan.role, command, key });
      }
      return next(args);
    },
    { step: 'build', name: 'iamSimulator', priority: 'low' },
  );
}

let env: TestEnvironment;
let vendor: ScopedCredentialVendor;
let operations: Operation[];
let ids: Record<string, string>;

const CALLERS = [
  'admin.3522@demo.local',
  'verifikator.3522@demo.local',
  'opd1.3522@demo.local',
  // A province overseeing one of its regencies (read-only).
  'admin.35@demo.local',
  'platform@demo.local',
];

beforeAll(async () => {
  vendor = new ScopedCredentialVendor({ roleArns, bucketName: inject('dataConfig').bucketName, sts });
  env = await createTestEnvironment({ factory: { credentials: vendor, instrument: simulateIam } });
  const doc = await env.request('GET', '/openapi.json');
  operations = operationsOf(doc.json);
  const admin = await env.login('admin.3522@demo.local');
  const innovations = await env.request('GET', '/tenants/35.22/innovations?limit=1', { token: admin });
  ids = {
    code: '35.22',
    id: innovations.json.items[0].id,
    opdId: 'opd-dinkes',
    userId: 'u-3522-opd2',
    year: '2026',
  };
}, 120_000);

describe('tenant-scoped credentials on the AWS code path', () => {
  it('serves every route with a data role, each request inside that role’s policy', async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const operation of operations) {
      for (const email of CALLERS) {
        const token = await env.login(email);
        const response = await env.request(operation.method, fillPath(operation, ids), {
          token,
          headers: { 'if-match': '"1"' },
          ...(operation.bodySchema ? { body: sampleOf(operation.bodySchema) } : {}),
        });
        calls++;
        if (response.status >= 500) {
          failures.push(
            `${operation.method} ${operation.path} as ${email}: ${response.status} ${response.text.slice(0, 160)}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(violations).toEqual([]);
    expect(calls).toBeGreaterThan(operations.length * 4);
  }, 300_000);

  it('tags every tenant session with a Kemendagri code, transitively, and nothing else', () => {
    const tagged = assumed.filter((call) => call.Tags?.length);
    expect(tagged.length).toBeGreaterThan(0);
    for (const call of tagged) {
      for (const tag of call.Tags ?? []) {
        expect([TENANT_TAG_KEY, PEER_TAG_KEY, PROVINCE_TAG_KEY]).toContain(tag.Key);
        expect(tag.Value).toMatch(/^\d{2}(\.\d{2})?$/);
      }
      expect(call.TransitiveTagKeys).toEqual(call.Tags?.map((tag: { Key?: string }) => tag.Key));
    }
  });

  it('gives a province’s view of a regency a read-only session of that regency alone', () => {
    const readOnly = assumed.filter(
      (call) =>
        call.RoleArn === roleArns.tenant &&
        call.Tags?.[0]?.Value === '35.22' &&
        !ITEM_WRITE_ACTIONS.some((action) => String(call.Policy).includes(action)),
    );
    expect(readOnly.length).toBeGreaterThan(0);
    const leadingKeys = (call: (typeof readOnly)[number]) =>
      JSON.parse(String(call.Policy)).Statement[0].Condition['ForAllValues:StringLike'][
        'dynamodb:LeadingKeys'
      ];
    // The province's (docs/decisions/0032): the summaries and the main partition named exactly, no
    // files; the regency's own read-only requests: the regency.
    const oversight = readOnly.filter((call) => leadingKeys(call).includes('T#35.22#'));
    expect(oversight.length).toBeGreaterThan(0);
    for (const call of oversight) {
      expect(leadingKeys(call)).toEqual(['T#35.22#SUMMARY#*', 'T#35.22#']);
      expect(JSON.parse(String(call.Policy)).Statement).toHaveLength(1);
    }
    for (const call of readOnly.filter((candidate) => !oversight.includes(candidate)))
      expect(leadingKeys(call)).toEqual(['T#35.22#*']);
  });

  it('assumes a role once per tenant and scope shape, not once per request', () => {
    const distinct = new Set(assumed.map((call) => JSON.stringify([call.RoleArn, call.Tags, call.Policy])));
    expect(assumed.length).toBe(distinct.size);
    expect(vendor.assumeRoleCalls).toBe(assumed.length);
  });
});
