import { ArnFormat, CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, ResourcePolicy, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/**
 * Requests one client address may send to `/api/` in five minutes before the WAF answers 429 for
 * a while: about 10 a second sustained. A backstop against floods and scripts from one address;
 * the API's own limits per user, region and address are finer (docs/decisions/0022). Set for a
 * Bappeda office of 30 people behind one NAT address, each making a page of reads a minute.
 */
export const API_RATE_PER_ADDRESS = 3_000;
/** Every path (the SPA's files are cached at the edge, so this is about the API and cache misses). */
export const ANY_RATE_PER_ADDRESS = 6_000;
/** WAF's rate window, in seconds. */
export const RATE_WINDOW_SECONDS = 300;

/** The body WAF answers a rate-limited request with: the API's own 429 shape, in Bahasa Indonesia. */
export const WAF_RATE_LIMITED_BODY = JSON.stringify({
  error: {
    code: 'rate_limited',
    message:
      'Terlalu banyak permintaan dari alamat ini dalam waktu singkat. Tunggu beberapa menit, lalu coba lagi.',
  },
});

/** AWS managed rule groups in front of everything, in order: known-bad addresses first. */
export const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
] as const;

/** How long the WAF's decisions are kept: as long as the API's own logs (infra/lib/api.ts). */
export const WAF_LOG_RETENTION = RetentionDays.THREE_MONTHS;

/**
 * Request headers never written to the WAF log: the bearer token and the session cookies are
 * credentials, and a log reader must not be able to replay a request as its sender. WAF can redact
 * single headers (not the parsed cookies), so the whole `cookie` header goes.
 */
export const WAF_REDACTED_HEADERS = ['authorization', 'cookie'] as const;

/**
 * What the log keeps: the requests a rule blocked or counted. Allowed requests are in CloudFront's
 * standard logs already (infra/lib/access-logs.ts); the WAF log adds which rule matched and why.
 */
export const WAF_LOGGED_ACTIONS = ['BLOCK', 'COUNT', 'EXCLUDED_AS_COUNT', 'CAPTCHA', 'CHALLENGE'] as const;

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

const rateRule = (
  name: string,
  priority: number,
  limit: number,
  pathPrefix?: string,
): CfnWebACL.RuleProperty => ({
  name,
  priority,
  action: {
    block: {
      customResponse: {
        responseCode: 429,
        customResponseBodyKey: 'rate_limited',
        responseHeaders: [{ name: 'Retry-After', value: String(RATE_WINDOW_SECONDS) }],
      },
    },
  },
  statement: {
    rateBasedStatement: {
      limit,
      aggregateKeyType: 'IP',
      evaluationWindowSec: RATE_WINDOW_SECONDS,
      ...(pathPrefix
        ? {
            scopeDownStatement: {
              byteMatchStatement: {
                fieldToMatch: { uriPath: {} },
                positionalConstraint: 'STARTS_WITH',
                searchString: pathPrefix,
                textTransformations: [{ priority: 0, type: 'NONE' }],
              },
            },
          }
        : {}),
    },
  },
  visibilityConfig: visibility(name),
});

/**
 * The web ACL in front of the CloudFront distribution, which serves the web app and, under
 * `/api/`, the HTTP API (an HTTP API cannot carry a web ACL itself; CloudFront can). A CLOUDFRONT
 * web ACL must be created in us-east-1, hence a stack of its own (`EdgeSecurityStack`).
 */
export class EdgeWebAcl extends Construct {
  readonly webAcl: CfnWebACL;
  /** `aws-waf-logs-inovasi-<stage>-edge`, in us-east-1 with the web ACL. */
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: { readonly stage: string }) {
    super(scope, id);
    const managed: CfnWebACL.RuleProperty[] = MANAGED_RULE_GROUPS.map((name, index) => ({
      name,
      priority: index,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          // The common rule set blocks bodies over 8 KB; the API takes JSON up to 256 KiB (an
          // innovation's design text, an SPD answer sheet) and refuses larger ones itself (413).
          ...(name === 'AWSManagedRulesCommonRuleSet'
            ? { ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }] }
            : {}),
        },
      },
      visibilityConfig: visibility(name),
    }));
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `inovasi-${props.stage}-edge`,
      description: 'Inovasi Daerah: managed rule groups and rate limits per address, in front of CloudFront',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      customResponseBodies: {
        rate_limited: { contentType: 'APPLICATION_JSON', content: WAF_RATE_LIMITED_BODY },
      },
      rules: [
        ...managed,
        rateRule('ApiRatePerAddress', managed.length, API_RATE_PER_ADDRESS, '/api/'),
        rateRule('AnyRatePerAddress', managed.length + 1, ANY_RATE_PER_ADDRESS),
      ],
      visibilityConfig: visibility(`inovasi-${props.stage}-edge`),
    });
    this.logGroup = wafLogging(this, this.webAcl, `inovasi-${props.stage}-edge`);
  }
}

/**
 * Logs a web ACL's decisions to a CloudWatch Logs group in the web ACL's region. WAF delivers only
 * to groups whose name begins with `aws-waf-logs-`; the resource policy for the log delivery
 * service is ours (scoped to this web ACL and account) rather than one WAF would add on the first
 * deployment, so it is reviewed with the rest of the template and removed with it.
 */
export function wafLogging(scope: Construct, webAcl: CfnWebACL, name: string): LogGroup {
  const logGroup = new LogGroup(scope, 'WafLogs', {
    logGroupName: `aws-waf-logs-${name}`,
    retention: WAF_LOG_RETENTION,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const stack = Stack.of(scope);
  // The log group's `Arn` attribute ends in `:*`, which WAF refuses as a destination.
  const logGroupArn = stack.formatArn({
    service: 'logs',
    resource: 'log-group',
    resourceName: logGroup.logGroupName,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
  const delivery = new ResourcePolicy(scope, 'WafLogDelivery', {
    policyStatements: [
      new PolicyStatement({
        principals: [new ServicePrincipal('delivery.logs.amazonaws.com')],
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [`${logGroupArn}:log-stream:*`],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:*` },
        },
      }),
    ],
  });
  const logging = new CfnLoggingConfiguration(scope, 'WafLogging', {
    resourceArn: webAcl.attrArn,
    logDestinationConfigs: [logGroupArn],
    redactedFields: WAF_REDACTED_HEADERS.map((header) => ({ singleHeader: { Name: header } })),
    loggingFilter: {
      DefaultBehavior: 'DROP',
      Filters: [
        {
          Behavior: 'KEEP',
          Requirement: 'MEETS_ANY',
          Conditions: WAF_LOGGED_ACTIONS.map((action) => ({ ActionCondition: { Action: action } })),
        },
      ],
    },
  });
  logging.node.addDependency(delivery);
  return logGroup;
}

/**
 * The us-east-1 stack holding the CloudFront web ACL. The main stack is environment-agnostic
 * (it deploys to the region of the credentials, Jakarta for production) and CloudFormation cannot
 * reference across regions, so the ARN this stack outputs is handed to the main stack as the
 * context value `inovasi:webAclArn` (README, "Deploying to AWS").
 */
export class EdgeSecurityStack extends Stack {
  readonly acl: EdgeWebAcl;

  constructor(scope: Construct, id: string, props: StackProps & { readonly stage: string }) {
    super(scope, id, props);
    this.acl = new EdgeWebAcl(this, 'Edge', { stage: props.stage });
    new CfnOutput(this, 'WebAclArn', {
      value: this.acl.webAcl.attrArn,
      description: 'Pass to the main stack: -c inovasi:webAclArn=<this value>',
    });
  }
}
