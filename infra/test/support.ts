import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { type BuildOptions, buildApp } from '../lib/app.ts';

/** Context that skips NodejsFunction bundling (no esbuild run): synth takes about a second. */
export const SKIP_BUNDLING = { 'aws:cdk:bundling-stacks': [] } as const;

/**
 * Builds the app for template assertions: bundling skipped, synth-time validation off (the nag test
 * runs it), no web build unless one is passed.
 */
export const synthesize = (options: BuildOptions = {}) => {
  const { app, stack, edge } = buildApp({
    validate: false,
    webDistPath: null,
    ...options,
    context: { ...SKIP_BUNDLING, ...options.context },
  });
  return { app, stack, edge, template: Template.fromStack(stack) };
};

/** A stand-in for `web/dist`: an index.html and one hashed asset. */
export const fakeWebDist = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'inovasi-web-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Inovasi Daerah</title>');
  writeFileSync(join(dir, 'assets', 'index-3f2a1b.js'), 'console.log("app");');
  return dir;
};

type Resource = { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string };

/** The one resource of a type, failing clearly when there are none or several. */
export const onlyResource = (template: Template, type: string): { id: string; resource: Resource } => {
  const found = Object.entries(template.findResources(type) as Record<string, Resource>);
  if (found.length !== 1) throw new Error(`Expected one ${type}, found ${found.length}`);
  const [entry] = found;
  if (entry === undefined) throw new Error(`Expected one ${type}`);
  return { id: entry[0], resource: entry[1] };
};

/** The logical id CloudFormation will see for a construct's main resource. */
export const logicalId = (construct: IConstruct): string => {
  const element = construct.node.defaultChild;
  if (!(element instanceof CfnElement))
    throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return Stack.of(element).resolve(element.logicalId) as string;
};
