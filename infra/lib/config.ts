import type { Node } from 'constructs';

/** Deployment settings read from CDK context (`-c inovasi:stage=prod` or the `context` block of cdk.json). */
export interface DeploymentConfig {
  /** Short lower-case name of the deployment (`dev`, `staging`, `prod`); part of stack and resource names. */
  readonly stage: string;
  /**
   * Browser origins besides the CloudFront URL that may upload evidence and sign in, e.g. a
   * `http://localhost:5173` Vite dev server pointed at a dev deployment. Never use this for production.
   */
  readonly extraWebOrigins: readonly string[];
  /** Prefix of the Cognito domain `<prefix>.auth.<region>.amazoncognito.com`; must be unique per region. */
  readonly authDomainPrefix: string | undefined;
  /** `ESSENTIALS` (default) or `PLUS` (adds Cognito threat protection, billed per monthly active user). */
  readonly authFeaturePlan: 'ESSENTIALS' | 'PLUS';
  /** Custom web domain (e.g. `inovasi.example.go.id`) with an ACM certificate in us-east-1. */
  readonly customDomain: { readonly domainName: string; readonly certificateArn: string } | undefined;
  /** Termination protection for the stack; on for every stage except `dev`. */
  readonly terminationProtection: boolean;
  /**
   * The first platform administrator (a Cognito user created by the deploy, invited by e-mail) and
   * the address the operational alarms go to. Unset: no user is created and alarms have no subscriber.
   */
  readonly adminEmail: string | undefined;
  /**
   * A sender verified in SES (same region) for Cognito's invitations and resets; unset, Cognito's
   * default sender is used (about 50 messages a day: enough to try, not to run a region).
   */
  readonly sesSender: string | undefined;
  /** Region of the SES identity (the stack is environment-agnostic, so it cannot be derived). */
  readonly sesRegion: string;
  /**
   * The CLOUDFRONT web ACL of the edge stack (`Inovasi-<stage>-edge`, us-east-1), attached to the
   * distribution. Unset: no WAF in front (synth warns outside `dev`). docs/decisions/0022.
   */
  readonly webAclArn: string | undefined;
}

export const CONTEXT_KEYS = {
  stage: 'inovasi:stage',
  webOrigins: 'inovasi:webOrigins',
  authDomainPrefix: 'inovasi:authDomainPrefix',
  authFeaturePlan: 'inovasi:authFeaturePlan',
  webDomainName: 'inovasi:webDomainName',
  webCertificateArn: 'inovasi:webCertificateArn',
  adminEmail: 'inovasi:adminEmail',
  sesSender: 'inovasi:sesSender',
  sesRegion: 'inovasi:sesRegion',
  webAclArn: 'inovasi:webAclArn',
} as const;

/** Jakarta, where the product is meant to run; SES is available there. */
export const DEFAULT_SES_REGION = 'ap-southeast-3';

const STAGE = /^[a-z][a-z0-9]{1,9}$/;
const ORIGIN = /^(https:\/\/[a-z0-9.-]+(:\d+)?|http:\/\/localhost(:\d+)?)$/;
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const WEB_ACL_ARN = /^arn:aws:wafv2:us-east-1:\d{12}:global\/webacl\/[\w-]+\/[\w-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const optionalString = (node: Node, key: string): string | undefined => {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context ${key} must be a string`);
  return value;
};

const stringList = (node: Node, key: string): string[] => {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return [];
  if (typeof value === 'string')
    return value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  throw new Error(`Context ${key} must be a comma-separated string or a list of strings`);
};

const readWebOrigins = (node: Node): string[] => {
  const origins = stringList(node, CONTEXT_KEYS.webOrigins);
  for (const origin of origins) {
    if (!ORIGIN.test(origin)) {
      throw new Error(
        `Context ${CONTEXT_KEYS.webOrigins}: "${origin}" is not an https origin or http://localhost`,
      );
    }
  }
  return origins;
};

const readAuthFeaturePlan = (node: Node): DeploymentConfig['authFeaturePlan'] => {
  const plan = optionalString(node, CONTEXT_KEYS.authFeaturePlan) ?? 'ESSENTIALS';
  if (plan !== 'ESSENTIALS' && plan !== 'PLUS') {
    throw new Error(`Context ${CONTEXT_KEYS.authFeaturePlan} must be ESSENTIALS or PLUS, got "${plan}"`);
  }
  return plan;
};

const readCustomDomain = (node: Node): DeploymentConfig['customDomain'] => {
  const domainName = optionalString(node, CONTEXT_KEYS.webDomainName);
  const certificateArn = optionalString(node, CONTEXT_KEYS.webCertificateArn);
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    throw new Error(
      `Set both ${CONTEXT_KEYS.webDomainName} and ${CONTEXT_KEYS.webCertificateArn}, or neither`,
    );
  }
  if (certificateArn !== undefined && !certificateArn.startsWith('arn:aws:acm:us-east-1:')) {
    throw new Error(`Context ${CONTEXT_KEYS.webCertificateArn} must be an ACM certificate in us-east-1`);
  }
  return domainName !== undefined && certificateArn !== undefined
    ? { domainName, certificateArn }
    : undefined;
};

const readWebAclArn = (node: Node): string | undefined => {
  const webAclArn = optionalString(node, CONTEXT_KEYS.webAclArn);
  if (webAclArn !== undefined && !WEB_ACL_ARN.test(webAclArn)) {
    throw new Error(
      `Context ${CONTEXT_KEYS.webAclArn} must be a CLOUDFRONT web ACL (arn:aws:wafv2:us-east-1:<account>:global/webacl/...)`,
    );
  }
  return webAclArn;
};

/** Reads and validates the deployment settings, in this order; fails synth early on a malformed value. */
export const readConfig = (node: Node): DeploymentConfig => {
  const stage = optionalString(node, CONTEXT_KEYS.stage) ?? 'dev';
  if (!STAGE.test(stage))
    throw new Error(`Context ${CONTEXT_KEYS.stage} must match ${STAGE}, got "${stage}"`);

  const extraWebOrigins = readWebOrigins(node);

  const authDomainPrefix = optionalString(node, CONTEXT_KEYS.authDomainPrefix);
  if (authDomainPrefix !== undefined && !DOMAIN_PREFIX.test(authDomainPrefix)) {
    throw new Error(
      `Context ${CONTEXT_KEYS.authDomainPrefix} must be lower-case letters, digits and hyphens`,
    );
  }

  const authFeaturePlan = readAuthFeaturePlan(node);
  const customDomain = readCustomDomain(node);

  const adminEmail = optionalString(node, CONTEXT_KEYS.adminEmail);
  const sesSender = optionalString(node, CONTEXT_KEYS.sesSender);
  for (const [key, value] of [
    [CONTEXT_KEYS.adminEmail, adminEmail],
    [CONTEXT_KEYS.sesSender, sesSender],
  ] as const) {
    if (value !== undefined && !EMAIL.test(value))
      throw new Error(`Context ${key} must be an e-mail address`);
  }

  const sesRegion = optionalString(node, CONTEXT_KEYS.sesRegion) ?? DEFAULT_SES_REGION;
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(sesRegion)) {
    throw new Error(`Context ${CONTEXT_KEYS.sesRegion} must be an AWS region such as ${DEFAULT_SES_REGION}`);
  }

  const webAclArn = readWebAclArn(node);

  return {
    stage,
    extraWebOrigins,
    authDomainPrefix,
    authFeaturePlan,
    customDomain,
    terminationProtection: stage !== 'dev',
    adminEmail,
    sesSender,
    sesRegion,
    webAclArn,
  };
};
