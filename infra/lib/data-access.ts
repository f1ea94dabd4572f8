import {
  APPEND_ONLY_DENIED_ACTIONS,
  APPEND_ONLY_KEY_PATTERN,
  DATA_ROLE_NAMES,
  DATA_ROLES,
  type DataRoleDefinition,
  type DataRoleName,
  ITEM_READ_ACTIONS,
  ITEM_WRITE_ACTIONS,
  OBJECT_READ_ACTIONS,
  OBJECT_WRITE_ACTIONS,
  tagPatterns,
  tagVariable,
} from '@inovasi/data/data-roles';
import { Duration } from 'aws-cdk-lib';
import {
  ArnPrincipal,
  Effect,
  type IGrantable,
  type IPrincipal,
  type IRole,
  PolicyDocument,
  PolicyStatement,
  Role,
  SessionTagsPrincipal,
} from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { Data } from './data.ts';
import { acknowledge, arnFindingToken } from './nag.ts';

/**
 * Sessions are assumed by a Lambda role (role chaining), which STS caps at one hour whatever the
 * role allows; the data layer refreshes them a quarter of an hour early.
 */
export const DATA_SESSION_DURATION = Duration.hours(1);

/** Trust conditions: every tag the role needs is present, shaped like an area code, and nothing else is tagged. */
export const trustConditions = (definition: DataRoleDefinition): Record<string, unknown> | undefined =>
  definition.tags.length === 0
    ? undefined
    : {
        StringLike: Object.fromEntries(
          definition.tags.map((tag) => [`aws:RequestTag/${tag}`, [...tagPatterns(definition, tag)]]),
        ),
        'ForAllValues:StringEquals': { 'aws:TagKeys': [...definition.tags] },
      };

/** The role's prefixes with each tag's IAM policy variable in place of its value. */
const keyPatterns = (definition: DataRoleDefinition): string[] =>
  definition.keyPrefixes(...definition.tags.map(tagVariable)).map((prefix) => `${prefix}*`);

const objectPatterns = (definition: DataRoleDefinition): string[] =>
  definition.objectPrefixes(...definition.tags.map(tagVariable)).map((prefix) => `${prefix}*`);

export interface DataAccessProps {
  readonly data: Data;
  /** The only principal allowed to assume the data roles: the API function's role. */
  readonly consumer: IRole;
}

/**
 * The roles that hold data access (docs/decisions/0008). Each role's policy is built from the shared
 * definition in `@inovasi/data/data-roles`: item actions on the table and its indexes under a
 * `dynamodb:LeadingKeys` condition, object actions under a prefix, with the tenant as the session
 * tag's policy variable. No role allows `Scan`, PartiQL or table management, and the API
 * function's own role holds none of this: it may only assume these roles.
 */
export class DataAccess extends Construct {
  readonly roles: Record<DataRoleName, Role>;

  constructor(scope: Construct, id: string, props: DataAccessProps) {
    super(scope, id);
    const { table, evidenceBucket } = props.data;

    const build = (name: DataRoleName): Role => {
      const definition: DataRoleDefinition = DATA_ROLES[name];
      const statements = [
        new PolicyStatement({
          sid: 'Items',
          actions: definition.readOnly
            ? [...ITEM_READ_ACTIONS]
            : [...ITEM_READ_ACTIONS, ...ITEM_WRITE_ACTIONS],
          resources: [table.tableArn, `${table.tableArn}/index/*`],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': keyPatterns(definition) } },
        }),
      ];
      if (!definition.readOnly) {
        // Explicit, so no Allow anywhere (this policy or a later one) can reopen it.
        statements.push(
          new PolicyStatement({
            sid: 'AuditAppendOnly',
            effect: Effect.DENY,
            actions: [...APPEND_ONLY_DENIED_ACTIONS],
            resources: [table.tableArn, `${table.tableArn}/index/*`],
            conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [APPEND_ONLY_KEY_PATTERN] } },
          }),
        );
      }
      const objects = objectPatterns(definition);
      if (objects.length > 0) {
        statements.push(
          new PolicyStatement({
            sid: 'Objects',
            actions: definition.readOnly
              ? [...OBJECT_READ_ACTIONS]
              : [...OBJECT_READ_ACTIONS, ...OBJECT_WRITE_ACTIONS],
            resources: objects.map((pattern) => evidenceBucket.arnForObjects(pattern)),
          }),
          new PolicyStatement({
            sid: 'ListObjects',
            actions: ['s3:ListBucket'],
            resources: [evidenceBucket.bucketArn],
            conditions: { StringLike: { 's3:prefix': objects } },
          }),
        );
      }
      const conditions = trustConditions(definition);
      const trusted: IPrincipal = new ArnPrincipal(props.consumer.roleArn);
      const role = new Role(this, definition.constructId, {
        description: definition.description,
        assumedBy: conditions ? new SessionTagsPrincipal(trusted).withConditions(conditions) : trusted,
        maxSessionDuration: DATA_SESSION_DURATION,
        inlinePolicies: { Data: new PolicyDocument({ statements }) },
      });
      acknowledge(
        role,
        {
          id: `AwsSolutions-IAM5[Resource::${arnFindingToken(table)}/index/*]`,
          reason:
            'Queries on the tenant-prefixed GSIs need index ARNs; dynamodb:LeadingKeys limits every index partition the session may read to its own prefixes.',
        },
        ...objects.map((pattern) => ({
          id: `AwsSolutions-IAM5[Resource::${arnFindingToken(evidenceBucket)}/${pattern.replaceAll('${', '<').replaceAll('}', '>')}]`,
          reason:
            'Objects are addressed by key under the role’s own prefix (for tenant roles the TenantId session tag), never the whole bucket.',
        })),
      );
      return role;
    };

    this.roles = Object.fromEntries(DATA_ROLE_NAMES.map((name) => [name, build(name)])) as Record<
      DataRoleName,
      Role
    >;
  }

  /** Lets a function assume the data roles (and tag its sessions); it also learns their ARNs. */
  grantAssume(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'AssumeDataRoles',
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        resources: DATA_ROLE_NAMES.map((name) => this.roles[name].roleArn),
      }),
    );
  }

  /**
   * Lets another function's role assume some data roles, under the same trust conditions as the API
   * (the evidence worker: only the tenant role, tagged with the tenant its object key names).
   */
  trust(consumer: IRole, names: readonly DataRoleName[]): void {
    for (const name of names) {
      const conditions = trustConditions(DATA_ROLES[name]);
      this.roles[name].assumeRolePolicy?.addStatements(
        new PolicyStatement({
          actions: conditions ? ['sts:AssumeRole', 'sts:TagSession'] : ['sts:AssumeRole'],
          principals: [new ArnPrincipal(consumer.roleArn)],
          ...(conditions ? { conditions } : {}),
        }),
      );
    }
    consumer.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'AssumeDataRoles',
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        resources: names.map((name) => this.roles[name].roleArn),
      }),
    );
  }

  /** The environment variables through which the data layer learns each role's ARN. */
  environment(): Record<string, string> {
    return Object.fromEntries(
      DATA_ROLE_NAMES.map((name) => [DATA_ROLES[name].envVar, this.roles[name].roleArn]),
    );
  }
}
