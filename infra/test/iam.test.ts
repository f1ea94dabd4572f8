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

  it('allows Resource "*" only for actions that cannot be scoped (X-Ray, CloudFront invalidation)', () => {
    const unscopable = [
      'xray:PutTraceSegments',
      'xray:PutTelemetryRecords',
      'cloudfront:CreateInvalidation',
      'cloudfront:GetInvalidation',
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
        !dataRoles.includes(source) && refs.some((ref) => JSON.stringify(statement).includes(ref)),
    );
    expect(others).toEqual([]);
  });
});
