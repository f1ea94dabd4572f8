import { existsSync, readFileSync } from 'node:fs';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readConfig } from './config.ts';
import { CDK_JSON, WEB_DIST } from './paths.ts';
import { InovasiStack } from './stack.ts';

export interface BuildOptions {
  /** Extra context, merged over cdk.json's (tests pass the bundling switch and settings here). */
  readonly context?: Record<string, unknown>;
  /** Built SPA to upload; by default web/dist when it exists at synth time. */
  readonly webDistPath?: string | null;
  readonly apiEntry?: string;
  /** Register cdk-nag's AWS Solutions pack as a synth-time validation plugin (default true). */
  readonly nag?: boolean;
}

/** The `context` block of infra/cdk.json, so tests synthesize with the same feature flags as the CLI. */
export const cdkJsonContext = (): Record<string, unknown> => {
  const cdkJson = JSON.parse(readFileSync(CDK_JSON, 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
};

/** Builds the app: used by bin/app.ts (with the CLI's context) and by the tests. */
export const buildApp = (options: BuildOptions = {}): { app: App; stack: InovasiStack } => {
  const app = new App({ context: { ...cdkJsonContext(), ...options.context } });
  const config = readConfig(app.node);
  const webDistPath =
    options.webDistPath === null ? undefined : (options.webDistPath ?? (existsSync(WEB_DIST) ? WEB_DIST : undefined));
  const stack = new InovasiStack(app, `Inovasi-${config.stage}`, {
    config,
    webDistPath,
    ...(options.apiEntry === undefined ? {} : { apiEntry: options.apiEntry }),
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    description: `Inovasi Daerah (${config.stage}): innovation registry for Indonesian regional governments`,
  });
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
};
