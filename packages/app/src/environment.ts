import {
  DATA_ROLE_NAMES,
  DATA_ROLES,
  type DataRoleName,
  ScopedClientFactory,
  ScopedCredentialVendor,
} from '@inovasi/data';
import { z } from 'zod';

/** An unset variable and an empty one mean the same: the CDK app writes '' for "not configured". */
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);
export const setting = z.string().min(1);
export const optionalSetting = z.preprocess(unsetIfEmpty, setting.optional());

/** `a, b,,c` → `['a', 'b', 'c']`; unset → `[]`. */
export const commaSeparated = z
  .string()
  .default('')
  .transform((list) =>
    list
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

/** Where the data lives, and the data roles the deployment granted the function (ADR 0008). */
export const dataFunctionEnvironment = z.object({
  AWS_REGION: setting,
  TABLE_NAME: setting,
  BUCKET_NAME: setting,
  POWERTOOLS_SERVICE_NAME: optionalSetting,
  ...Object.fromEntries(DATA_ROLE_NAMES.map((name) => [DATA_ROLES[name].envVar, optionalSetting])),
});
export type DataFunctionEnvironment = z.output<typeof dataFunctionEnvironment>;

/**
 * Reads a deployable's environment through its schema once, at cold start. A missing or malformed
 * variable stops the function with every problem named, instead of failing later in a request.
 */
export function readEnvironment<S extends z.ZodType>(
  schema: S,
  env: Readonly<Record<string, string | undefined>> = process.env,
): z.output<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new Error(`environment variables are not usable:\n${z.prettifyError(parsed.error)}`);
}

/**
 * The data roles this deployment gave the function. A scope whose role is missing gets no
 * credentials and fails loudly, so a function never quietly reaches more than it was granted.
 */
export function grantedDataRoleArns(env: DataFunctionEnvironment): Partial<Record<DataRoleName, string>> {
  const variables = env as Record<string, string | undefined>;
  return Object.fromEntries(
    DATA_ROLE_NAMES.flatMap((name) => {
      const arn = variables[DATA_ROLES[name].envVar];
      return arn ? [[name, arn]] : [];
    }),
  );
}

/** The function's own role holds no data access: every scope's clients sign with a data role's session. */
export function scopedDataFrom(
  env: DataFunctionEnvironment,
  roleArns: Partial<Record<DataRoleName, string>> = grantedDataRoleArns(env),
): ScopedClientFactory {
  const { AWS_REGION: region, BUCKET_NAME: bucketName, TABLE_NAME: tableName } = env;
  const credentials = new ScopedCredentialVendor({ roleArns, bucketName, region });
  return new ScopedClientFactory({ tableName, bucketName, region }, { credentials });
}
