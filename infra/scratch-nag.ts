import { AwsSolutionsChecks } from 'cdk-nag';
import { buildApp } from './lib/app.ts';

const t0 = Date.now();
const { app, stack } = buildApp({ context: { 'aws:cdk:bundling-stacks': [] }, nag: false, webDistPath: process.env.DIST ?? null });
const report = new AwsSolutionsChecks().validateScope(app);
for (const v of report.violations) {
  console.log(v.severity, v.ruleName, v.violatingResources.map((r) => r.constructPath).join(', '));
}
console.log('ms', Date.now() - t0, stack.stackName);
app.synth();
console.log('synth ms', Date.now() - t0);
