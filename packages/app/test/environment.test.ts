import { DATA_ROLES } from '@inovasi/data';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  dataFunctionEnvironment,
  grantedDataRoleArns,
  optionalSetting,
  readEnvironment,
} from '../src/environment.ts';

const base = { AWS_REGION: 'ap-southeast-3', TABLE_NAME: 'inovasi', BUCKET_NAME: 'inovasi-evidence' };

describe("a function's environment", () => {
  it('names every missing variable at once', () => {
    expect(() => readEnvironment(dataFunctionEnvironment, { AWS_REGION: 'ap-southeast-3' })).toThrow(
      /TABLE_NAME[\s\S]*BUCKET_NAME|BUCKET_NAME[\s\S]*TABLE_NAME/,
    );
  });

  it('reads an empty variable as unset', () => {
    const schema = dataFunctionEnvironment.extend({ MAIL_FROM: optionalSetting });
    expect(readEnvironment(schema, { ...base, MAIL_FROM: '' }).MAIL_FROM).toBeUndefined();
    expect(readEnvironment(schema, { ...base, MAIL_FROM: 'noreply@x.go.id' }).MAIL_FROM).toBe(
      'noreply@x.go.id',
    );
  });

  it('refuses a malformed value with the variable and the problem', () => {
    const schema = dataFunctionEnvironment.extend({ COGNITO_DOMAIN_ORIGIN: z.url() });
    expect(() => readEnvironment(schema, { ...base, COGNITO_DOMAIN_ORIGIN: 'bukan url' })).toThrow(
      /COGNITO_DOMAIN_ORIGIN/,
    );
  });

  it('grants only the data roles the deployment set', () => {
    const env = readEnvironment(dataFunctionEnvironment, {
      ...base,
      [DATA_ROLES.tenant.envVar]: 'arn:aws:iam::123456789012:role/tenant',
      [DATA_ROLES.catalogReader.envVar]: '',
    });
    expect(grantedDataRoleArns(env)).toEqual({ tenant: 'arn:aws:iam::123456789012:role/tenant' });
  });
});
