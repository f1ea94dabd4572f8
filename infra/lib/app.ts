import { existsSync, readFileSync } from 'node:fs';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readConfig } from './config.ts';
import { EdgeSecurityStack } from './edge-security.ts';
import { CDK_JSON, WEB_DIST } from './paths.ts';
import { InovasiStack } from './stack.ts';

export interface BuildOptions {
  /** Extra context, merged over cdk.json's (tests pass the bundling switch and settings here). */
  readonly context?: Record<string, unknown>;
  /** Built SPA to upload; by default web/dist when it exists at synth time. */
  readonly webDistPath?: string | null;
  /**
   * Validate at synth: CDK's built-in CloudFormation schema check and cdk-nag's AWS Solutions pack as
   * a validation plugin, so a finding fails `cdk synth` (default true; template-only tests skip it).
   */
  readonly validate?: boolean;
  /** Cloud assembly directory; by default the CLI's, or a temporary one. */
  readonly outdir?: string;
}

/** The `context` block of infra/cdk.json, so tests synthesize with the same feature flags as the CLI. */
export const cdkJsonContext = (): Record<string, unknown> => {
  const cdkJson = JSON.parse(readFileSync(CDK_JSON, 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
};

/** Builds the app: used by bin/app.ts (with the CLI's context) and by the tests. */
export const buildApp = (
  options: BuildOptions = {},
): { app: App; stack: InovasiStack; edge: EdgeSecurityStack } => {
  const validate = options.validate ?? true;
  const app = new App({
    context: { ...cdkJsonContext(), ...options.context },
    builtinCloudFormationValidation: validate,
    ...(options.outdir === undefined ? {} : { outdir: options.outdir }),
  });
  const config = readConfig(app.node);
  const webDistPath =
    options.webDistPath === null
      ? undefined
      : (options.webDistPath ?? (existsSync(WEB_DIST) ? WEB_DIST : undefined));
  // Environment-agnostic on purpose: account and region come from the deploying credentials, so the
  // tests and `cdk synth` produce the same template wherever they run.
  const stack = new InovasiStack(app, `Inovasi-${config.stage}`, {
    config,
    webDistPath,
    description: `Inovasi Daerah (${config.stage}): innovation registry for Indonesian regional governments`,
  });
  // The CLOUDFRONT web ACL must be created in us-east-1; its ARN reaches the main stack as the
  // context value inovasi:webAclArn (CloudFormation cannot reference across regions).
  const edge = new EdgeSecurityStack(app, `Inovasi-${config.stage}-edge`, {
    stage: config.stage,
    env: { region: 'us-east-1', account: process.env.CDK_DEFAULT_ACCOUNT },
    description: `Inovasi Daerah (${config.stage}): WAF web ACL in front of CloudFront (us-east-1)`,
    terminationProtection: config.terminationProtection,
  });
  if (validate) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack, edge };
};
