import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { CONTEXT_KEYS } from '../lib/config.ts';
import {
  API_RATE_PER_ADDRESS,
  MANAGED_RULE_GROUPS,
  RATE_WINDOW_SECONDS,
  WAF_LOG_RETENTION,
  WAF_RATE_LIMITED_BODY,
} from '../lib/edge-security.ts';
import { ORIGIN_VERIFY_HEADER, VIEWER_ADDRESS_FUNCTION } from '../lib/web.ts';
import { logicalId, onlyResource, synthesize } from './support.ts';

/** Issue 19, point 2: WAF in front of the API and the web app, and no way around it. */
const WEB_ACL_ARN =
  'arn:aws:wafv2:us-east-1:111122223333:global/webacl/inovasi-dev-edge/0f1e2d3c-aaaa-bbbb-cccc-1234567890ab';

describe('the edge stack (us-east-1)', () => {
  // Prepare
  const { edge } = synthesize();
  const template = Template.fromStack(edge);
  const { resource } = onlyResource(template, 'AWS::WAFv2::WebACL');
  const acl = resource.Properties as any;
  const rule = (name: string) => acl.Rules.find((candidate: any) => candidate.Name === name);

  it('lives in us-east-1 with CLOUDFRONT scope, as WAF requires for a distribution', () => {
    expect(edge.region).toBe('us-east-1');
    expect(acl.Scope).toBe('CLOUDFRONT');
    expect(acl.DefaultAction).toEqual({ Allow: {} });
    expect(template.findOutputs('WebAclArn')).toHaveProperty('WebAclArn');
  });

  it('runs the AWS managed rule groups first, without overriding their blocks', () => {
    const managed = acl.Rules.filter((candidate: any) => candidate.Statement.ManagedRuleGroupStatement);
    expect(managed.map((candidate: any) => candidate.Statement.ManagedRuleGroupStatement.Name)).toEqual([
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
    ]);
    expect(MANAGED_RULE_GROUPS).toHaveLength(3);
    for (const group of managed) {
      expect(group.OverrideAction).toEqual({ None: {} });
      expect(group.Statement.ManagedRuleGroupStatement.VendorName).toBe('AWS');
    }
    // Only the 8 KB body rule is counted instead of blocking: the API takes JSON up to 256 KiB.
    expect(
      rule('AWSManagedRulesCommonRuleSet').Statement.ManagedRuleGroupStatement.RuleActionOverrides,
    ).toEqual([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]);
  });

  it('limits each address under /api/ with a rate-based rule answering 429 with the API’s error shape', () => {
    const api = rule('ApiRatePerAddress');
    expect(api.Statement.RateBasedStatement).toMatchObject({
      Limit: API_RATE_PER_ADDRESS,
      AggregateKeyType: 'IP',
      EvaluationWindowSec: RATE_WINDOW_SECONDS,
      ScopeDownStatement: {
        ByteMatchStatement: { SearchString: '/api/', PositionalConstraint: 'STARTS_WITH' },
      },
    });
    expect(api.Action.Block.CustomResponse).toEqual({
      ResponseCode: 429,
      CustomResponseBodyKey: 'rate_limited',
      ResponseHeaders: [{ Name: 'Retry-After', Value: String(RATE_WINDOW_SECONDS) }],
    });
    expect(acl.CustomResponseBodies.rate_limited).toEqual({
      ContentType: 'APPLICATION_JSON',
      Content: WAF_RATE_LIMITED_BODY,
    });
    expect(JSON.parse(WAF_RATE_LIMITED_BODY).error.code).toBe('rate_limited');
    expect(rule('AnyRatePerAddress').Statement.RateBasedStatement.ScopeDownStatement).toBeUndefined();
    // Rules run in priority order: each has its own.
    const priorities = acl.Rules.map((candidate: any) => candidate.Priority);
    expect(new Set(priorities).size).toBe(priorities.length);
  });
});

describe('the edge web ACL’s logs (docs/decisions/0032)', () => {
  // Prepare
  const { edge } = synthesize();
  const template = Template.fromStack(edge);
  const group = onlyResource(template, 'AWS::Logs::LogGroup');
  const logging = onlyResource(template, 'AWS::WAFv2::LoggingConfiguration').resource.Properties as any;
  const aclId = onlyResource(template, 'AWS::WAFv2::WebACL').id;
  const destination = JSON.stringify(logging.LogDestinationConfigs);

  it('go to a CloudWatch Logs group WAF accepts (aws-waf-logs-…), kept three months, in us-east-1', () => {
    const props = group.resource.Properties as any;
    expect(props.LogGroupName).toBe('aws-waf-logs-inovasi-dev-edge');
    expect(props.RetentionInDays).toBe(WAF_LOG_RETENTION);
    expect(WAF_LOG_RETENTION).toBe(90);
    expect(group.resource.DeletionPolicy).toBe('Retain');
    expect(edge.region).toBe('us-east-1');
  });

  it('log the web ACL itself, to the group’s ARN without the `:*` WAF refuses', () => {
    expect(logging.ResourceArn).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
    expect(logging.LogDestinationConfigs).toHaveLength(1);
    expect(destination).toContain(':log-group:');
    expect(destination).toContain(group.id);
    expect(destination).not.toContain(':*');
  });

  it('never write the bearer token or the session cookies', () => {
    expect(logging.RedactedFields).toEqual([
      { SingleHeader: { Name: 'authorization' } },
      { SingleHeader: { Name: 'cookie' } },
    ]);
  });

  it('keep what a rule blocked or counted and drop what CloudFront’s own logs already have', () => {
    expect(logging.LoggingFilter.DefaultBehavior).toBe('DROP');
    const [keep] = logging.LoggingFilter.Filters;
    expect(keep.Behavior).toBe('KEEP');
    expect(keep.Requirement).toBe('MEETS_ANY');
    const actions = keep.Conditions.map((condition: any) => condition.ActionCondition.Action);
    expect(actions).toEqual(expect.arrayContaining(['BLOCK', 'COUNT']));
    expect(actions).not.toContain('ALLOW');
  });

  it('let only the log delivery service write there, for this account', () => {
    const { resource } = onlyResource(template, 'AWS::Logs::ResourcePolicy');
    const policy = JSON.stringify((resource.Properties as any).PolicyDocument);
    expect(policy).toContain('delivery.logs.amazonaws.com');
    expect(policy).toContain('logs:PutLogEvents');
    expect(policy).toContain('aws:SourceAccount');
    expect(policy).toContain(':log-stream:*');
    expect(policy).not.toContain('"Resource":"*"');
  });
});

describe('the distribution and the API behind the WAF', () => {
  it('attaches the edge web ACL given as context to the distribution', () => {
    const { template } = synthesize({ context: { [CONTEXT_KEYS.webAclArn]: WEB_ACL_ARN } });
    const { resource } = onlyResource(template, 'AWS::CloudFront::Distribution');
    expect((resource.Properties as any).DistributionConfig.WebACLId).toBe(WEB_ACL_ARN);
  });

  it('refuses a web ACL that is not a CLOUDFRONT one in us-east-1', () => {
    expect(() =>
      synthesize({
        context: {
          [CONTEXT_KEYS.webAclArn]:
            'arn:aws:wafv2:ap-southeast-3:111122223333:regional/webacl/inovasi/0f1e2d3c-aaaa-bbbb-cccc-1234567890ab',
        },
      }),
    ).toThrow(/CLOUDFRONT web ACL/);
  });

  it('warns at synth when a stage other than dev has no WAF', () => {
    const { stack } = synthesize({ context: { [CONTEXT_KEYS.stage]: 'prod' } });
    const warnings = stack.node
      .findAll()
      .flatMap((construct) => construct.node.metadata)
      .filter((entry) => entry.type === 'aws:cdk:warning')
      .map((entry) => String(entry.data));
    expect(warnings.some((warning) => warning.includes('No WAF in front of CloudFront'))).toBe(true);
  });

  it('sends the origin secret to the API that the function checks, so nobody goes around CloudFront', () => {
    // Prepare
    const { stack, template } = synthesize();
    const { resource } = onlyResource(template, 'AWS::CloudFront::Distribution');
    const origins = (resource.Properties as any).DistributionConfig.Origins as any[];
    const apiOrigin = origins.find((origin) => origin.CustomOriginConfig);
    const functionEnv = (template.toJSON().Resources[logicalId(stack.api.function)] as any).Properties
      .Environment.Variables;
    // Assess: both carry the same deploy-time reference to the generated secret, never its value.
    const header = apiOrigin.OriginCustomHeaders.find(
      (item: any) => item.HeaderName === ORIGIN_VERIFY_HEADER,
    );
    expect(header.HeaderValue).toEqual(functionEnv.ORIGIN_VERIFY_SECRET);
    expect(JSON.stringify(functionEnv.ORIGIN_VERIFY_SECRET)).toContain('{{resolve:secretsmanager:');
    expect(JSON.stringify(functionEnv.ORIGIN_VERIFY_SECRET)).toContain(logicalId(stack.api.originSecret));
  });

  it('tells the API the viewer address on /api/* only, overwriting what the client sent', () => {
    const { template } = synthesize();
    const functions = template.findResources('AWS::CloudFront::Function');
    const viewer = Object.entries(functions).find(
      ([, fn]) => (fn as any).Properties.FunctionCode === VIEWER_ADDRESS_FUNCTION,
    );
    expect(viewer).toBeDefined();
    expect(VIEWER_ADDRESS_FUNCTION).toContain(
      "request.headers['x-inovasi-viewer-address'] = { value: event.viewer.ip }",
    );
    const { resource } = onlyResource(template, 'AWS::CloudFront::Distribution');
    const config = (resource.Properties as any).DistributionConfig;
    const api = config.CacheBehaviors.find((behavior: any) => behavior.PathPattern === '/api/*');
    expect(JSON.stringify(api.FunctionAssociations)).toContain(viewer?.[0]);
    expect(JSON.stringify(config.DefaultCacheBehavior.FunctionAssociations)).not.toContain(viewer?.[0]);
  });
});

describe('the shared rate-limit counters', () => {
  const { stack, template } = synthesize();
  const resources = template.toJSON().Resources as Record<string, any>;
  const table = resources[logicalId(stack.rateLimits.table)];

  it('keep their own table: TTL on, no stream (no projector invocation per request)', () => {
    expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'ttl', Enabled: true });
    expect(table.Properties.StreamSpecification).toBeUndefined();
    expect(table.Properties.KeySchema).toEqual([{ AttributeName: 'pk', KeyType: 'HASH' }]);
  });

  it('lets the API function only count there: UpdateItem on counter keys of that table', () => {
    const statements = Object.values(resources)
      .filter((resource) => resource.Type === 'AWS::IAM::Policy')
      .flatMap((resource) => resource.Properties.PolicyDocument.Statement)
      .filter((statement: any) =>
        JSON.stringify(statement.Resource).includes(logicalId(stack.rateLimits.table)),
      );
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: 'dynamodb:UpdateItem',
        Resource: { 'Fn::GetAtt': [logicalId(stack.rateLimits.table), 'Arn'] },
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['LIMIT#*'] } },
      },
    ]);
    const env = resources[logicalId(stack.api.function)].Properties.Environment.Variables;
    expect(env.RATE_LIMIT_TABLE_NAME).toEqual({ Ref: logicalId(stack.rateLimits.table) });
  });
});
