import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeWebDist, logicalId, synthesize } from './support.ts';

interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: unknown;
  Condition?: unknown;
}
type Resources = Record<string, { Type: string; Properties?: Record<string, any> }>;

/** Every identity-policy statement in the template, with where it came from. */
const identityStatements = (resources: Resources): { source: string; statement: Statement }[] =>
  Object.entries(resources).flatMap(([id, resource]) => {
    const documents: { PolicyDocument: { Statement: Statement[] } }[] =
      resource.Type === 'AWS::IAM::Policy' || resource.Type === 'AWS::IAM::ManagedPolicy'
        ? [resource.Properties as { PolicyDocument: { Statement: Statement[] } }]
        : resource.Type === 'AWS::IAM::Role'
          ? (resource.Properties?.Policies ?? [])
          : [];
    return documents.flatMap((document) =>
      document.PolicyDocument.Statement.map((statement) => ({ source: id, statement })),
    );
  });

const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** IAM action matching: `*` and `?` wildcards, case-insensitive. */
const matches = (pattern: string, action: string): boolean =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  ).test(action);

describe('IAM', () => {
  // Prepare: with a web build, so the deployment handler's generated policy is checked too.
  const dist = fakeWebDist();
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const { stack, template } = synthesize({ webDistPath: dist });
  const resources = template.toJSON().Resources as Resources;
  const allows = identityStatements(resources).filter(({ statement }) => statement.Effect === 'Allow');

  it('finds the policies it checks', () => {
    expect(allows.length).toBeGreaterThan(3);
  });

  it.each(['dynamodb:Scan', 'dynamodb:PartiQLSelect', 'dynamodb:DeleteTable'])(
    'never allows %s',
    (action) => {
      const offending = allows.filter(({ statement }) =>
        list(statement.Action).some((pattern) => matches(pattern, action)),
      );
      expect(offending).toEqual([]);
    },
  );

  it('never allows a service-wide or global wildcard action', () => {
    const offending = allows.filter(({ statement }) =>
      list(statement.Action).some((action) => ['*', 'dynamodb:*', 's3:*'].includes(action.toLowerCase())),
    );
    expect(offending).toEqual([]);
  });

  it('never allows by NotAction', () => {
    expect(allows.filter(({ statement }) => statement.NotAction !== undefined)).toEqual([]);
  });

  it('allows Resource "*" only for actions that cannot be scoped (X-Ray, CloudFront invalidation, ListStreams)', () => {
    const unscopable = [
      'xray:PutTraceSegments',
      'xray:PutTelemetryRecords',
      'cloudfront:CreateInvalidation',
      'cloudfront:GetInvalidation',
      // The stream event source's account-level lookup (docs/decisions/0018).
      'dynamodb:ListStreams',
    ];
    const offending = allows.filter(
      ({ statement }) =>
        list(statement.Resource as string | string[]).includes('*') &&
        list(statement.Action).some((action) => !unscopable.includes(action)),
    );
    expect(offending).toEqual([]);
  });

  it('gives table or evidence access to the data roles only (ADR 0008), never to a function role', () => {
    const refs = [logicalId(stack.data.table), logicalId(stack.data.evidenceBucket)];
    const dataRoles = Object.values(stack.dataAccess.roles).map((role) => logicalId(role));
    const others = allows.filter(
      ({ source, statement }) =>
        !dataRoles.includes(source) &&
        !isProjectorStreamRead(source, statement) &&
        refs.some((ref) => JSON.stringify(statement).includes(ref)),
    );
    expect(others).toEqual([]);
  });

  /**
   * The one exception (docs/decisions/0018): a Lambda event source mapping reads the table's
   * stream with the function's own role, so the summary projector's role may read the stream (its
   * records, nothing of the table's items or indexes) and nothing else of the table.
   */
  const STREAM_READ = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'];
  const projectorRole = logicalId(stack.summaryProjector.function.role!);
  const isProjectorStreamRead = (source: string, statement: Statement) =>
    source.startsWith(projectorRole.replace(/[0-9A-F]{8}$/, '')) &&
    list(statement.Action).every((action) => STREAM_READ.includes(action)) &&
    JSON.stringify(statement.Resource) ===
      JSON.stringify({ 'Fn::GetAtt': [logicalId(stack.data.table), 'StreamArn'] });

  it('lets only the summary projector read the table’s stream, and only the stream', () => {
    const streamReads = allows.filter(({ statement }) =>
      list(statement.Action).some((action) => STREAM_READ.includes(action)),
    );
    expect(streamReads.length).toBeGreaterThan(0);
    for (const { source, statement } of streamReads) {
      expect(isProjectorStreamRead(source, statement), source).toBe(true);
    }
  });
});
