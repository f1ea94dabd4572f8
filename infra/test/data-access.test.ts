import {
  APPEND_ONLY_KEY_PATTERN,
  DATA_ROLE_NAMES,
  DATA_ROLES,
  NEVER_GRANTED_ACTIONS,
  tagVariable,
} from '@inovasi/data/data-roles';
import { describe, expect, it } from 'vitest';
import { logicalId, synthesize } from './support.ts';

/**
 * Pins the tenant-scoped IAM of ADR 0008 statement by statement: who may assume each data role and
 * with which session tags, what each role may do, and that the API function itself holds no data
 * access. A change to any of these is a change of the isolation model and must show up here.
 */
type Resources = Record<string, { Type: string; Properties: Record<string, any> }>;

const { stack, template } = synthesize();
const resources = template.toJSON().Resources as Resources;
const table = { 'Fn::GetAtt': [logicalId(stack.data.table), 'Arn'] };
const tableIndexes = { 'Fn::Join': ['', [table, '/index/*']] };
const bucket = { 'Fn::GetAtt': [logicalId(stack.data.evidenceBucket), 'Arn'] };
const objects = (pattern: string) => ({ 'Fn::Join': ['', [bucket, `/${pattern}`]] });
const apiRoleArn = { 'Fn::GetAtt': [logicalId(stack.api.function.role!), 'Arn'] };
/** The evidence worker assumes the tenant role too, under the same conditions (ADR 0007). */
const workerRoleArn = { 'Fn::GetAtt': [logicalId(stack.evidenceWorker.function.role!), 'Arn'] };
/**
 * The jobs worker (exports, imports) assumes the tenant and platform roles, the scheduled worker
 * those and the summary writer, under the API's conditions, and no other role.
 */
const jobsRoleArn = { 'Fn::GetAtt': [logicalId(stack.jobsWorker.function.role!), 'Arn'] };
const scheduledRoleArn = { 'Fn::GetAtt': [logicalId(stack.schedules.function.role!), 'Arn'] };
const withWorkers = [apiRoleArn, jobsRoleArn, scheduledRoleArn];
/** The summary projector reads a region as its tenant and writes its read models (docs/decisions/0018). */
const projectorRoleArn = { 'Fn::GetAtt': [logicalId(stack.summaryProjector.function.role!), 'Arn'] };

const ITEM_READ = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'];
const ITEM_ALL = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
];
const items = (actions: string[], leadingKeys: string[]) => ({
  Sid: 'Items',
  Effect: 'Allow',
  Action: actions,
  Resource: [table, tableIndexes],
  Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': leadingKeys } },
});
/** Every writing role: the audit trail's partitions are append-only (ADR 0009, 0019). */
const auditDeny = {
  Sid: 'AuditAppendOnly',
  Effect: 'Deny',
  Action: ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:UpdateItem'],
  Resource: [table, tableIndexes],
  Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['T#*#AUDIT#*'] } },
};
const objectStatements = (actions: string[], prefix: string) => [
  // CloudFormation renders a single action as a string.
  {
    Sid: 'Objects',
    Effect: 'Allow',
    Action: actions.length === 1 ? actions[0] : actions,
    Resource: objects(prefix),
  },
  {
    Sid: 'ListObjects',
    Effect: 'Allow',
    Action: 's3:ListBucket',
    Resource: bucket,
    Condition: { StringLike: { 's3:prefix': [prefix] } },
  },
];
/** Area codes (`35`, `35.22`); `ProvinceId` and a province reader's `TenantId` take provinces only. */
const AREA = ['??', '??.??'];
const PROVINCE = ['??'];
const taggedWith = (principal: unknown, patterns: Record<string, string[]>) => ({
  Effect: 'Allow',
  Action: ['sts:AssumeRole', 'sts:TagSession'],
  Principal: { AWS: principal },
  Condition: {
    StringLike: Object.fromEntries(
      Object.entries(patterns).map(([tag, shapes]) => [`aws:RequestTag/${tag}`, shapes]),
    ),
    'ForAllValues:StringEquals': { 'aws:TagKeys': Object.keys(patterns) },
  },
});
const taggedFor = (principal: unknown, ...tags: string[]) =>
  taggedWith(principal, Object.fromEntries(tags.map((tag) => [tag, AREA])));
const tagged = (...tags: string[]) => taggedFor(apiRoleArn, ...tags);
const untagged = { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: apiRoleArn } };

/** IAM policy variables of the session tags: `${aws:PrincipalTag/TenantId}` and the peer's. */
const TAG = tagVariable('TenantId');
const PEER_TAG = tagVariable('PeerTenantId');
const PROVINCE_TAG = tagVariable('ProvinceId');
const TENANT = `T#${TAG}#`;
const PEER = `T#${PEER_TAG}#`;
const CATALOG_KEYS = ['CATALOG#ENTRY#*', 'CATALOG#LOG#*', 'CATALOG#META#*', 'CATALOG#PUBLISHED#*'];

const EXPECTED = {
  tenant: {
    trust: taggedFor(
      [apiRoleArn, workerRoleArn, jobsRoleArn, scheduledRoleArn, projectorRoleArn],
      'TenantId',
    ),
    statements: [
      items(ITEM_ALL, [`${TENANT}*`]),
      auditDeny,
      ...objectStatements(
        [
          's3:AbortMultipartUpload',
          's3:DeleteObject',
          's3:GetObject',
          's3:ListMultipartUploadParts',
          's3:PutObject',
          's3:PutObjectTagging',
        ],
        `tenants/${TAG}/*`,
      ),
    ],
  },
  platform: {
    trust: { ...untagged, Principal: { AWS: withWorkers } },
    statements: [items(ITEM_ALL, ['PLATFORM#*', 'LOGIN#*']), auditDeny],
  },
  tenantAdmin: {
    trust: tagged('TenantId'),
    statements: [items(ITEM_ALL, [`${TENANT}*`, 'PLATFORM#*', 'LOGIN#*']), auditDeny],
  },
  catalogReader: {
    trust: untagged,
    statements: [items(ITEM_READ, CATALOG_KEYS), ...objectStatements(['s3:GetObject'], 'catalog/search/*')],
  },
  catalogPublisher: {
    // The projector keeps a published innovation's entry current (docs/decisions/0018, update).
    trust: taggedFor([apiRoleArn, projectorRoleArn], 'TenantId'),
    statements: [
      items(ITEM_ALL, [
        `CATALOG#ENTRY#${TAG}#*`,
        'CATALOG#LOG#*',
        'CATALOG#META#*',
        'CATALOG#PUBLISHED#*',
        `${TENANT}AUDIT#*`,
      ]),
      auditDeny,
    ],
  },
  contestCallWriter: {
    trust: tagged('TenantId'),
    statements: [items(ITEM_ALL, [`${TENANT}*`, 'CATALOG#META#CONTESTS*']), auditDeny],
  },
  catalogWriter: {
    trust: untagged,
    statements: [
      items(ITEM_ALL, CATALOG_KEYS),
      auditDeny,
      ...objectStatements(
        [
          's3:AbortMultipartUpload',
          's3:DeleteObject',
          's3:GetObject',
          's3:ListMultipartUploadParts',
          's3:PutObject',
          's3:PutObjectTagging',
        ],
        'catalog/search/*',
      ),
    ],
  },
  replication: {
    trust: tagged('TenantId', 'PeerTenantId'),
    statements: [
      items(ITEM_ALL, [
        `${TENANT}REPL#*`,
        `${PEER}REPL#*`,
        `${PEER}INNO*`,
        `${PEER}OPD#*`,
        `CATALOG#ENTRY#${TAG}#*`,
        `${TENANT}AUDIT#*`,
        `${PEER}AUDIT#*`,
      ]),
      auditDeny,
    ],
  },
  provinceReader: {
    trust: taggedWith(apiRoleArn, { TenantId: PROVINCE }),
    statements: [items(ITEM_READ, [`PROV#${TAG}#*`])],
  },
  nationalReader: { trust: untagged, statements: [items(ITEM_READ, ['NATIONAL#*'])] },
  summaryWriter: {
    // The jobs worker no longer writes summaries: an import's rows arrive on the stream.
    trust: taggedWith([apiRoleArn, scheduledRoleArn, projectorRoleArn], {
      TenantId: AREA,
      ProvinceId: PROVINCE,
    }),
    statements: [items(ITEM_ALL, [`${TENANT}SUMMARY#*`, `PROV#${PROVINCE_TAG}#*`, 'NATIONAL#*']), auditDeny],
  },
} as const;

const roleResource = (name: (typeof DATA_ROLE_NAMES)[number]) => {
  const resource = resources[logicalId(stack.dataAccess.roles[name])];
  if (resource?.Type !== 'AWS::IAM::Role') throw new Error(`no role for ${name}`);
  return resource.Properties;
};

describe('data roles (tenant-scoped credentials)', () => {
  it('defines exactly the roles the data layer plans with', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...DATA_ROLE_NAMES].sort());
  });

  it.each(DATA_ROLE_NAMES)(
    '%s: trusts only the functions that use it, with the session tags it needs',
    (name) => {
      const role = roleResource(name);
      expect(role.AssumeRolePolicyDocument).toEqual({
        Version: '2012-10-17',
        Statement: [EXPECTED[name].trust],
      });
      // Role chaining caps sessions at an hour; the role must not promise more.
      expect(role.MaxSessionDuration).toBe(3600);
      expect(role.ManagedPolicyArns).toBeUndefined();
    },
  );

  it.each(DATA_ROLE_NAMES)('%s: allows exactly its statements', (name) => {
    const role = roleResource(name);
    expect(role.Policies).toEqual([
      { PolicyName: 'Data', PolicyDocument: { Version: '2012-10-17', Statement: EXPECTED[name].statements } },
    ]);
  });

  it('denies changing or deleting an audit entry, explicitly, to every role that may write', () => {
    expect(APPEND_ONLY_KEY_PATTERN).toBe('T#*#AUDIT#*');
    const writers = DATA_ROLE_NAMES.filter((name) => !DATA_ROLES[name].readOnly);
    expect(writers).toEqual(
      expect.arrayContaining(['tenant', 'tenantAdmin', 'catalogPublisher', 'replication']),
    );
    for (const name of writers) {
      const statements = roleResource(name).Policies[0].PolicyDocument.Statement as Record<string, unknown>[];
      expect(statements, name).toContainEqual({
        Sid: 'AuditAppendOnly',
        Effect: 'Deny',
        Action: ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:UpdateItem'],
        Resource: [table, tableIndexes],
        Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['T#*#AUDIT#*'] } },
      });
    }
  });

  it('names the tenant by its session tag, closing delimiter included, in keys and objects', () => {
    const statements = roleResource('tenant').Policies[0].PolicyDocument.Statement;
    expect(statements[0].Condition['ForAllValues:StringLike']['dynamodb:LeadingKeys']).toEqual([
      `${TENANT}*`,
    ]);
    expect(JSON.stringify(statements)).toContain(`/tenants/${TAG}/*`);
  });

  it('never attaches any other policy to a data role', () => {
    const roleIds = DATA_ROLE_NAMES.map((name) => logicalId(stack.dataAccess.roles[name]));
    const attached = Object.values(resources).filter(
      (resource) =>
        (resource.Type === 'AWS::IAM::Policy' || resource.Type === 'AWS::IAM::ManagedPolicy') &&
        JSON.stringify(resource.Properties.Roles ?? []).match(new RegExp(roleIds.join('|'))),
    );
    expect(attached).toEqual([]);
  });
});

describe('the API function role', () => {
  const role = stack.api.function.role!;
  const policies = Object.values(resources).filter(
    (resource) =>
      resource.Type === 'AWS::IAM::Policy' &&
      JSON.stringify(resource.Properties.Roles) === JSON.stringify([{ Ref: logicalId(role) }]),
  );

  it('may only write its logs, send traces, assume the data roles, invoke the jobs worker, administer the pool’s users, count rate limits and read the detail shell: no data access', () => {
    expect(policies).toHaveLength(1);
    const logGroup = { 'Fn::GetAtt': [expect.stringMatching(/^ApiFunctionLogs/), 'Arn'] };
    expect(policies[0]?.Properties.PolicyDocument.Statement).toEqual([
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: logGroup },
      { Effect: 'Allow', Action: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], Resource: '*' },
      // Counting against the shared rate limits: the counters table only, no data (ADR 0022).
      {
        Effect: 'Allow',
        Action: 'dynamodb:UpdateItem',
        Resource: { 'Fn::GetAtt': [logicalId(stack.rateLimits.table), 'Arn'] },
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['LIMIT#*'] } },
      },
      {
        Sid: 'AssumeDataRoles',
        Effect: 'Allow',
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Resource: [...DATA_ROLE_NAMES]
          .map((name) => logicalId(stack.dataAccess.roles[name]))
          .sort()
          .map((id) => ({ 'Fn::GetAtt': [id, 'Arn'] })),
      },
      // Export and import jobs are handed to the jobs worker, and to no other function.
      {
        Sid: 'InvokeJobsWorker',
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: { 'Fn::GetAtt': [logicalId(stack.jobsWorker.function), 'Arn'] },
      },
      // The catalogue detail's shell, that one object of the web bucket (docs/decisions/0044).
      {
        Sid: 'ReadCatalogDetailShell',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: {
          'Fn::Join': [
            '',
            [{ 'Fn::GetAtt': [logicalId(stack.web.bucket), 'Arn'] }, '/prerendered/katalog-detail.html'],
          ],
        },
      },
      // Invitations, disabling, enabling and removal of members (docs/decisions/0020), and whether
      // an administrator has an authenticator app on (docs/decisions/0024).
      {
        Effect: 'Allow',
        Action: [
          'cognito-idp:AdminCreateUser',
          'cognito-idp:AdminDeleteUser',
          'cognito-idp:AdminDisableUser',
          'cognito-idp:AdminEnableUser',
          'cognito-idp:AdminGetUser',
          'cognito-idp:AdminUserGlobalSignOut',
        ],
        Resource: { 'Fn::GetAtt': [logicalId(stack.auth.userPool), 'Arn'] },
      },
    ]);
  });

  it('learns each data role’s ARN from its environment', () => {
    const variables = resources[logicalId(stack.api.function)]?.Properties.Environment.Variables;
    for (const name of DATA_ROLE_NAMES) {
      expect(variables[DATA_ROLES[name].envVar]).toEqual({
        'Fn::GetAtt': [logicalId(stack.dataAccess.roles[name]), 'Arn'],
      });
    }
  });
});

describe('no role anywhere', () => {
  const statements = Object.values(resources).flatMap((resource) => {
    const documents =
      resource.Type === 'AWS::IAM::Role'
        ? (resource.Properties.Policies ?? []).map((policy: any) => policy.PolicyDocument)
        : resource.Type === 'AWS::IAM::Policy' || resource.Type === 'AWS::IAM::ManagedPolicy'
          ? [resource.Properties.PolicyDocument]
          : [];
    return documents.flatMap((document: any) => document.Statement);
  });
  const actions = statements.flatMap((statement: any) => [statement.Action ?? []].flat() as string[]);

  it.each(NEVER_GRANTED_ACTIONS)('allows %s, not even by wildcard', (action) => {
    const matches = (pattern: string) =>
      new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i').test(action);
    expect(actions.filter(matches)).toEqual([]);
  });

  it('reaches table items without a dynamodb:LeadingKeys condition', () => {
    // An explicit Deny narrows access whatever its condition; only what is allowed needs one. The
    // summary projector's stream read is the one exception, held by its event source mapping
    // (docs/decisions/0018); iam.test.ts proves only that role has it, and only on the stream.
    const STREAM = [
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
    ];
    const unconditioned = statements.filter(
      (statement: any) =>
        statement.Effect === 'Allow' &&
        [statement.Action]
          .flat()
          .some((action: string) => action.startsWith('dynamodb:') && !STREAM.includes(action)) &&
        !statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'],
    );
    expect(unconditioned).toEqual([]);
  });
});
