import { rmSync } from 'node:fs';
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../lib/app.ts';
import { CONTEXT_KEYS } from '../lib/config.ts';
import { IGNORE_ACKNOWLEDGMENTS_CONTEXT } from '../lib/nag.ts';
import { fakeWebDist, SKIP_BUNDLING } from './support.ts';

interface Finding {
  readonly rule: string;
  readonly severity: string;
  readonly path: string;
}

/** Runs the AWS Solutions pack over the construct tree (cdk-nag 3's direct entry point). */
const findings = (root: IConstruct): Finding[] =>
  new AwsSolutionsChecks().validateScope(root).violations.flatMap((violation) =>
    violation.violatingResources.map((resource) => ({
      rule: violation.ruleName,
      severity: violation.severity ?? 'error',
      path: resource.constructPath ?? '?',
    })),
  );

const describeFindings = (list: readonly Finding[]): string =>
  list.map((finding) => `${finding.severity} ${finding.rule} at ${finding.path}`).join('\n');

/** Every acknowledgment recorded in the tree: construct path, rule id and reason. */
const acknowledgments = (root: IConstruct) =>
  root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );

const dist = fakeWebDist();
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('cdk-nag AWS Solutions', () => {
  it('finds no unacknowledged errors or warnings in the default deployment', () => {
    // Prepare
    const { app } = buildApp({ context: SKIP_BUNDLING, webDistPath: dist, validate: false });
    // Act
    const found = findings(app);
    // Assess
    expect(
      found.filter((finding) => finding.severity === 'error'),
      describeFindings(found),
    ).toEqual([]);
    expect(found, describeFindings(found)).toEqual([]);
  });

  it('finds nothing with the production options (Plus plan, custom domain, WAF attached)', () => {
    const { app } = buildApp({
      context: {
        ...SKIP_BUNDLING,
        [CONTEXT_KEYS.stage]: 'prod',
        [CONTEXT_KEYS.authFeaturePlan]: 'PLUS',
        [CONTEXT_KEYS.webDomainName]: 'inovasi.example.go.id',
        [CONTEXT_KEYS.webCertificateArn]: 'arn:aws:acm:us-east-1:111122223333:certificate/abc',
        // With the edge stack's web ACL attached, CFR2 is met rather than acknowledged.
        [CONTEXT_KEYS.webAclArn]:
          'arn:aws:wafv2:us-east-1:111122223333:global/webacl/inovasi-prod-edge/0f1e2d3c-aaaa-bbbb-cccc-1234567890ab',
      },
      webDistPath: dist,
      validate: false,
    });
    const found = findings(app);
    expect(found, describeFindings(found)).toEqual([]);
  });

  it('acknowledges nothing that is not actually found (no stale acknowledgments)', () => {
    // Prepare: the same app twice, once recording acknowledgments and once ignoring them.
    const { app: acknowledged } = buildApp({ context: SKIP_BUNDLING, webDistPath: dist, validate: false });
    const { app: raw } = buildApp({
      context: { ...SKIP_BUNDLING, [IGNORE_ACKNOWLEDGMENTS_CONTEXT]: true },
      webDistPath: dist,
      validate: false,
    });
    // Act
    const rawFindings = findings(raw);
    const stale = acknowledgments(acknowledged).filter(
      (ack) =>
        !rawFindings.some(
          (finding) =>
            finding.rule === ack.id && (finding.path === ack.path || finding.path.startsWith(`${ack.path}/`)),
        ),
    );
    // Assess
    expect(acknowledgments(raw)).toEqual([]);
    expect(stale).toEqual([]);
  });

  it('gives every acknowledgment a rule id and a reason', () => {
    const { app } = buildApp({ context: SKIP_BUNDLING, webDistPath: dist, validate: false });
    const all = acknowledgments(app);
    expect(all.length).toBeGreaterThan(0);
    for (const ack of all) {
      expect(ack.id).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(40);
    }
  });

  it('lets the full synth pass with CloudFormation schema validation and cdk-nag as plugins', () => {
    // Prepare: as `cdk synth` runs it, only without bundling.
    const { app } = buildApp({ context: SKIP_BUNDLING, webDistPath: dist, validate: true });
    // Act: synth throws when a validation plugin reports a failure.
    const assembly = app.synth();
    // Assess
    expect(assembly.stacks.map((stack) => stack.stackName)).toEqual(['Inovasi-dev', 'Inovasi-dev-edge']);
  });
});
