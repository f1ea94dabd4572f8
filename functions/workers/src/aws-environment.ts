import { DATA_ROLE_NAMES, DATA_ROLES, type DataRoleName } from '@inovasi/data';

export const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
};

/**
 * The data roles the deployment gave this function (the CDK app sets one ARN variable per role it
 * trusts the function with). A scope whose role is missing gets no credentials and fails loudly,
 * so a worker can never quietly reach more than its deployment granted (ADR 0008).
 */
export const grantedDataRoleArns = (): Partial<Record<DataRoleName, string>> =>
  Object.fromEntries(
    DATA_ROLE_NAMES.flatMap((name) => {
      const arn = process.env[DATA_ROLES[name].envVar];
      return arn ? [[name, arn]] : [];
    }),
  );
