import { type DATA_ROLE_NAMES, DATA_ROLES } from '@inovasi/data/data-roles';
import {
  EXPORT_OBJECT_EXPIRY_DAYS,
  IMPORT_OBJECT_EXPIRY_DAYS,
  JOB_OBJECT_TAG,
} from '@inovasi/data/job-objects';
import { SCHEDULED_JOBS, SUMMARY_METRICS } from '@inovasi/workers/scheduled-jobs';
import { describe, expect, it } from 'vitest';
import { ALARM_THRESHOLDS } from '../lib/alarms.ts';
import { CONTEXT_KEYS } from '../lib/config.ts';
import {
  JOBS_WORKER_CONCURRENCY,
  JOBS_WORKER_DATA_ROLES,
  JOBS_WORKER_MEMORY_MB,
  JOBS_WORKER_RETRIES,
  JOBS_WORKER_TIMEOUT,
} from '../lib/jobs-worker.ts';
import {
  SCHEDULED_WORKER_CONCURRENCY,
  SCHEDULED_WORKER_DATA_ROLES,
  SCHEDULED_WORKER_RETRIES,
  SCHEDULED_WORKER_TIMEOUT,
} from '../lib/schedules.ts';
import { logicalId, synthesize } from './support.ts';

type Resources = Record<string, { Type: string; Properties: Record<string, any> }>;

const SENDER = 'no-reply@inovasi.example.go.id';
const { stack, template } = synthesize({ context: { [CONTEXT_KEYS.sesSender]: SENDER } });
const resources = template.toJSON().Resources as Resources;

const arnOf = (construct: Parameters<typeof logicalId>[0]) => ({
  'Fn::GetAtt': [logicalId(construct), 'Arn'],
});
const roleArn = (name: (typeof DATA_ROLE_NAMES)[number]) => arnOf(stack.dataAccess.roles[name]);

/** The statements of the one inline policy CDK attaches to a function's role. */
const roleStatements = (from: Resources, roleId: string): Record<string, unknown>[] => {
  const policies = Object.values(from).filter(
    (resource) =>
      resource.Type === 'AWS::IAM::Policy' &&
      JSON.stringify(resource.Properties.Roles) === JSON.stringify([{ Ref: roleId }]),
  );
  expect(policies).toHaveLength(1);
  return policies[0]!.Properties.PolicyDocument.Statement;
};

const logsAndTraces = (logGroupPrefix: RegExp) => [
  {
    Effect: 'Allow',
    Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    Resource: { 'Fn::GetAtt': [expect.stringMatching(logGroupPrefix), 'Arn'] },
  },
  { Effect: 'Allow', Action: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], Resource: '*' },
];

const assumes = (names: readonly (typeof DATA_ROLE_NAMES)[number][]) => ({
  Sid: 'AssumeDataRoles',
  Effect: 'Allow',
  Action: ['sts:AssumeRole', 'sts:TagSession'],
  // CDK sorts the ARNs by logical id.
  Resource: names
    .map((name) => logicalId(stack.dataAccess.roles[name]))
    .sort()
    .map((id) => ({ 'Fn::GetAtt': [id, 'Arn'] })),
});

/** Exactly these statements, in whatever order CDK renders them. */
const expectExactly = (actual: Record<string, unknown>[], expected: Record<string, unknown>[]) => {
  expect(actual).toHaveLength(expected.length);
  expect(actual).toEqual(expect.arrayContaining(expected));
};

const dataRoleVariables = (names: readonly (typeof DATA_ROLE_NAMES)[number][]) =>
  Object.fromEntries(names.map((name) => [DATA_ROLES[name].envVar, roleArn(name)]));

describe('jobs worker (exports and imports)', () => {
  const worker = stack.jobsWorker;
  const fn = resources[logicalId(worker.function)]!.Properties;
  const queueArn = arnOf(worker.deadLetterQueue);

  it('has the memory and time of a national-entry pack, bounded concurrency and a dead-letter queue', () => {
    expect(fn).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: JOBS_WORKER_MEMORY_MB,
      Timeout: JOBS_WORKER_TIMEOUT.toSeconds(),
      ReservedConcurrentExecutions: JOBS_WORKER_CONCURRENCY,
      DeadLetterConfig: { TargetArn: queueArn },
      TracingConfig: { Mode: 'Active' },
    });
    expect(JOBS_WORKER_TIMEOUT.toMinutes()).toBe(15);
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: logicalId(worker.function) },
      MaximumRetryAttempts: JOBS_WORKER_RETRIES,
      MaximumEventAgeInSeconds: 6 * 3600,
    });
    expect(resources[logicalId(worker.deadLetterQueue)]!.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
  });

  it('learns the table, the bucket and exactly its three data roles', () => {
    expect(fn.Environment.Variables).toEqual({
      TABLE_NAME: { Ref: logicalId(stack.data.table) },
      BUCKET_NAME: { Ref: logicalId(stack.data.evidenceBucket) },
      ...dataRoleVariables(JOBS_WORKER_DATA_ROLES),
      POWERTOOLS_SERVICE_NAME: 'inovasi-jobs-worker',
      NODE_OPTIONS: '--enable-source-maps',
    });
  });

  it('may only write its logs, send traces, park failed events and assume its data roles', () => {
    expectExactly(roleStatements(resources, logicalId(worker.function.role!)), [
      ...logsAndTraces(/^JobsWorkerFunctionLogs/),
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: queueArn },
      assumes(JOBS_WORKER_DATA_ROLES),
    ]);
    expect(resources[logicalId(worker.function.role!)]!.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('previews imports off the API with the tenant’s own role: no role added for them (docs/decisions/0032)', () => {
    expect(resources[logicalId(worker.function.role!)]!.Properties.Description).toContain('import previews');
    expect([...JOBS_WORKER_DATA_ROLES]).toEqual(['tenant', 'platform']);
    // A capped parse (200,000 cells, docs/decisions/0021) fits with room beside the runtime.
    expect(JOBS_WORKER_MEMORY_MB).toBeGreaterThanOrEqual(1024);
  });

  it('is what the API invokes: its name in the API’s environment', () => {
    const variables = resources[logicalId(stack.api.function)]!.Properties.Environment.Variables;
    expect(variables.JOBS_FUNCTION_NAME).toEqual({ Ref: logicalId(worker.function) });
  });
});

describe('scheduled worker and its schedules', () => {
  const schedules = stack.schedules;
  const functionId = logicalId(schedules.function);
  const fn = resources[functionId]!.Properties;
  const queueArn = arnOf(schedules.deadLetterQueue);
  const rules = Object.values(resources).filter((resource) => resource.Type === 'AWS::Events::Rule');
  const targetsOfWorker = rules.flatMap((rule) =>
    (rule.Properties.Targets as any[])
      .filter(
        (target) => JSON.stringify(target.Arn) === JSON.stringify({ 'Fn::GetAtt': [functionId, 'Arn'] }),
      )
      .map((target) => ({ schedule: rule.Properties.ScheduleExpression, ...target })),
  );

  it('runs each job on its schedule, the job named in the rule’s constant input', () => {
    expect(
      targetsOfWorker
        .map((target) => ({ schedule: target.schedule, input: JSON.parse(target.Input) }))
        .sort((a, b) => a.input.job.localeCompare(b.input.job)),
    ).toEqual([
      { schedule: 'rate(15 minutes)', input: { job: 'jobs-sweep' } },
      { schedule: 'rate(5 minutes)', input: { job: 'outbox' } },
      { schedule: 'rate(1 hour)', input: { job: 'reminders' } },
      { schedule: 'cron(0 19 * * ? *)', input: { job: 'summaries-rebuild' } },
    ]);
    expect([...SCHEDULED_JOBS].sort()).toEqual(['jobs-sweep', 'outbox', 'reminders', 'summaries-rebuild']);
  });

  it('retries a failed delivery, then parks it in the dead-letter queue', () => {
    for (const target of targetsOfWorker) {
      expect(target).toMatchObject({
        DeadLetterConfig: { Arn: queueArn },
        RetryPolicy: { MaximumRetryAttempts: SCHEDULED_WORKER_RETRIES, MaximumEventAgeInSeconds: 3600 },
      });
    }
    expect(fn).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Timeout: SCHEDULED_WORKER_TIMEOUT.toSeconds(),
      ReservedConcurrentExecutions: SCHEDULED_WORKER_CONCURRENCY,
      DeadLetterConfig: { TargetArn: queueArn },
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: functionId },
      MaximumRetryAttempts: SCHEDULED_WORKER_RETRIES,
      MaximumEventAgeInSeconds: 3600,
    });
  });

  it('learns its data roles, the sender, the metrics namespace and the jobs worker', () => {
    expect(fn.Environment.Variables).toEqual({
      TABLE_NAME: { Ref: logicalId(stack.data.table) },
      BUCKET_NAME: { Ref: logicalId(stack.data.evidenceBucket) },
      ...dataRoleVariables(SCHEDULED_WORKER_DATA_ROLES),
      POWERTOOLS_SERVICE_NAME: 'inovasi-scheduled-worker',
      POWERTOOLS_METRICS_NAMESPACE: 'InovasiDaerah/dev',
      SES_REGION: 'ap-southeast-3',
      MAIL_FROM: SENDER,
      JOBS_FUNCTION_NAME: { Ref: logicalId(stack.jobsWorker.function) },
      NODE_OPTIONS: '--enable-source-maps',
    });
  });

  it('may send mail only as the configured sender, and invoke only the jobs worker', () => {
    expectExactly(roleStatements(resources, logicalId(schedules.function.role!)), [
      ...logsAndTraces(/^SchedulesFunctionLogs/),
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: queueArn },
      assumes(SCHEDULED_WORKER_DATA_ROLES),
      {
        Sid: 'InvokeJobsWorker',
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: arnOf(stack.jobsWorker.function),
      },
      {
        Sid: 'SendOutboxMail',
        Effect: 'Allow',
        Action: 'ses:SendEmail',
        Resource: {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':ses:ap-southeast-3:',
              { Ref: 'AWS::AccountId' },
              ':identity/inovasi.example.go.id',
            ],
          ],
        },
        Condition: { StringEquals: { 'ses:FromAddress': SENDER } },
      },
    ]);
  });

  it('without an SES sender: no outbox schedule, no sender and no SES permission', () => {
    const bare = synthesize();
    const bareResources = bare.template.toJSON().Resources as Resources;
    const inputs = Object.values(bareResources)
      .filter((resource) => resource.Type === 'AWS::Events::Rule' && resource.Properties.ScheduleExpression)
      .map((rule) => JSON.parse(rule.Properties.Targets[0].Input).job)
      .sort();
    expect(inputs).toEqual(['jobs-sweep', 'reminders', 'summaries-rebuild']);
    const variables =
      bareResources[logicalId(bare.stack.schedules.function)]!.Properties.Environment.Variables;
    expect(variables.MAIL_FROM).toBeUndefined();
    const actions = roleStatements(bareResources, logicalId(bare.stack.schedules.function.role!)).flatMap(
      (statement) => [statement.Action].flat(),
    );
    expect(actions.filter((action) => String(action).startsWith('ses:'))).toEqual([]);
  });

  it('holds no table, bucket or mail access beyond the above', () => {
    const actions = Object.values(resources)
      .filter(
        (resource) =>
          resource.Type === 'AWS::IAM::Policy' &&
          [logicalId(schedules.function.role!), logicalId(stack.jobsWorker.function.role!)].some((id) =>
            JSON.stringify(resource.Properties.Roles).includes(id),
          ),
      )
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement.flatMap((s: any) => [s.Action].flat()));
    expect(actions.filter((action: string) => /^(dynamodb|s3):/.test(action))).toEqual([]);
  });
});

describe('export and import files expire; evidence does not', () => {
  const rules = resources[logicalId(stack.data.evidenceBucket)]!.Properties.LifecycleConfiguration
    .Rules as Record<string, unknown>[];

  it('expires exports after a week and imports after a month, by the tag their writer sets', () => {
    expect(rules).toEqual(
      expect.arrayContaining([
        {
          Id: 'expire-export-files',
          Prefix: 'tenants/',
          TagFilters: [{ Key: JOB_OBJECT_TAG, Value: 'export' }],
          ExpirationInDays: 7,
          NoncurrentVersionExpiration: { NoncurrentDays: 1 },
          Status: 'Enabled',
        },
        {
          Id: 'expire-import-files',
          Prefix: 'tenants/',
          TagFilters: [{ Key: JOB_OBJECT_TAG, Value: 'import' }],
          ExpirationInDays: 30,
          NoncurrentVersionExpiration: { NoncurrentDays: 1 },
          Status: 'Enabled',
        },
      ]),
    );
    expect([EXPORT_OBJECT_EXPIRY_DAYS, IMPORT_OBJECT_EXPIRY_DAYS]).toEqual([7, 30]);
  });

  it('has no rule that expires current objects without a tag filter (evidence is never touched)', () => {
    const untaggedExpiry = rules.filter(
      (rule) => rule.ExpirationInDays !== undefined && rule.TagFilters === undefined,
    );
    expect(untaggedExpiry).toEqual([]);
  });
});

describe('alarms on the workers and the nightly rebuild', () => {
  const alarms = Object.entries(resources).filter(
    ([, resource]) => resource.Type === 'AWS::CloudWatch::Alarm',
  );
  const alarm = (name: string) => {
    const found = alarms.find(([id]) => id.startsWith(`Alarms${name}`));
    if (!found) throw new Error(`no alarm ${name}`);
    return found[1].Properties;
  };

  it.each([
    ['JobsWorker', () => stack.jobsWorker],
    ['ScheduledWorker', () => stack.schedules],
  ] as const)('watches the %s’s errors, throttles and dead-letter queue', (name, worker) => {
    expect(alarm(`${name}FunctionErrors`)).toMatchObject({
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(worker().function) } }],
      Threshold: ALARM_THRESHOLDS.functionErrors,
    });
    expect(alarm(`${name}FunctionThrottles`)).toMatchObject({ MetricName: 'Throttles' });
    expect(alarm(`${name}DeadLetters`)).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [
        { Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(worker().deadLetterQueue), 'QueueName'] } },
      ],
      Threshold: ALARM_THRESHOLDS.deadLetters,
    });
  });

  it.each([
    ['SummaryDrift', SUMMARY_METRICS.drift],
    ['SummaryRebuildFailures', SUMMARY_METRICS.failures],
  ])('alarms on %s > 0 from the rebuild’s metric, per deployment, daily', (name, metricName) => {
    expect(alarm(name)).toMatchObject({
      Namespace: 'InovasiDaerah/dev',
      MetricName: metricName,
      Dimensions: [{ Name: 'service', Value: 'inovasi-scheduled-worker' }],
      Statistic: 'Maximum',
      Period: 86_400,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
  });
});
