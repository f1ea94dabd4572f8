import { CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** One cdk-nag finding we accept, with the reason a reviewer can check. */
export interface Acknowledgment {
  /** Rule id, with the finding in brackets where the rule reports several (`AwsSolutions-IAM5[Resource::*]`). */
  readonly id: string;
  readonly reason: string;
}

const MIN_REASON_LENGTH = 40;

/**
 * Context switch that records nothing, so a test can list every finding the acknowledgments cover
 * and prove none of them is stale. It only ever makes synth stricter.
 */
export const IGNORE_ACKNOWLEDGMENTS_CONTEXT = 'inovasi:ignoreNagAcknowledgments';

/**
 * Acknowledges cdk-nag findings on a construct (and everything below it) through CDK's
 * `Validations` API, which cdk-nag 3 reads. A reason too short to say why is refused at synth,
 * so "suppressed because it failed" cannot slip in.
 */
export const acknowledge = (scope: IConstruct, ...rules: Acknowledgment[]): void => {
  for (const rule of rules) {
    if (rule.reason.trim().length < MIN_REASON_LENGTH) {
      throw new Error(`Acknowledgment of ${rule.id} on ${scope.node.path} needs a concrete reason`);
    }
    if (scope.node.tryGetContext(IGNORE_ACKNOWLEDGMENTS_CONTEXT) === true) continue;
    Validations.of(scope).acknowledge({ id: rule.id, reason: rule.reason });
  }
};

/**
 * How cdk-nag names a resource ARN inside an IAM finding: `<LogicalId.Arn>`. Resolved from the
 * construct, so acknowledgments follow a renamed construct instead of silently going stale.
 */
export const arnFindingToken = (resource: IConstruct): string => {
  const element = resource.node.defaultChild;
  if (!(element instanceof CfnElement))
    throw new Error(`${resource.node.path} has no CloudFormation resource`);
  return `<${Stack.of(element).resolve(element.logicalId)}.Arn>`;
};
