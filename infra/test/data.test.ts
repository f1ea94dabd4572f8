import { INDEXES, tableDefinition } from '@inovasi/data/table-definition';
import { describe, expect, it } from 'vitest';
import { CONTEXT_KEYS } from '../lib/config.ts';
import { NONCURRENT_VERSION_RETENTION_DAYS } from '../lib/data.ts';
import { logicalId, synthesize } from './support.ts';

const byName = <T extends { AttributeName?: string; IndexName?: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) =>
    (a.AttributeName ?? a.IndexName ?? '').localeCompare(b.AttributeName ?? b.IndexName ?? ''),
  );

describe('table', () => {
  // Prepare
  const { stack, template } = synthesize();
  // The data table; the rate-limit counters have a table of their own (edge-security.test.ts).
  type Resource = { Properties: unknown; DeletionPolicy?: string };
  const table = (template.toJSON().Resources as Record<string, Resource>)[
    logicalId(stack.data.table)
  ] as Resource;
  const props = table.Properties as Record<string, unknown>;

  it('has the key schema of the shared definition', () => {
    expect(props.KeySchema).toEqual(tableDefinition.keySchema);
    expect(byName(props.AttributeDefinitions as { AttributeName: string }[])).toEqual(
      byName(tableDefinition.attributeDefinitions),
    );
  });

  it('has exactly the GSIs of the shared definition', () => {
    const indexes = props.GlobalSecondaryIndexes as { IndexName: string }[];
    expect(byName(indexes)).toEqual(byName(tableDefinition.globalSecondaryIndexes));
    expect(indexes.map((index) => index.IndexName).sort()).toEqual(
      Object.values(INDEXES)
        .map((index) => index.name)
        .sort(),
    );
  });

  it('is on-demand, point-in-time recoverable, deletion-protected, streamed, encrypted and retained', () => {
    expect(props).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      // SSEEnabled without a key: the AWS-managed KMS key (aws/dynamodb), not the default AWS-owned key.
      SSESpecification: { SSEEnabled: true },
    });
    expect(table.DeletionPolicy).toBe('Retain');
  });

  it('expires items by the TTL attribute of the shared definition', () => {
    expect(props.TimeToLiveSpecification).toEqual({
      AttributeName: tableDefinition.timeToLiveAttribute,
      Enabled: true,
    });
  });
});

describe('evidence bucket', () => {
  const { stack, template } = synthesize();
  const bucketId = logicalId(stack.data.evidenceBucket);
  const bucket = template.toJSON().Resources[bucketId];

  it('is versioned, encrypted, private, logged and retained', () => {
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: {
        DestinationBucketName: {
          Ref: logicalId(stack.node.findChild('AccessLogs').node.findChild('Bucket')),
        },
      },
    });
  });

  it('aborts incomplete uploads and expires noncurrent versions', () => {
    const rules = bucket.Properties.LifecycleConfiguration.Rules as Record<string, unknown>[];
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
          Status: 'Enabled',
        }),
        expect.objectContaining({
          NoncurrentVersionExpiration: { NoncurrentDays: NONCURRENT_VERSION_RETENTION_DAYS },
          Status: 'Enabled',
        }),
      ]),
    );
  });

  it('allows presigned PUT and GET from the web origin only', () => {
    expect(bucket.Properties.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({
        AllowedOrigins: [stack.resolve(stack.web.url)],
        AllowedMethods: ['PUT', 'GET', 'HEAD'],
      }),
    ]);
  });

  it('adds configured extra origins to CORS', () => {
    // Act
    const { stack: dev, template: devTemplate } = synthesize({
      context: { [CONTEXT_KEYS.webOrigins]: 'http://localhost:5173' },
    });
    // Assess
    const devBucket = devTemplate.toJSON().Resources[logicalId(dev.data.evidenceBucket)];
    expect(devBucket.Properties.CorsConfiguration.CorsRules[0].AllowedOrigins).toEqual([
      dev.resolve(dev.web.url),
      'http://localhost:5173',
    ]);
  });

  it('refuses an origin that is neither https nor localhost', () => {
    expect(() => synthesize({ context: { [CONTEXT_KEYS.webOrigins]: 'http://evil.example' } })).toThrow(
      /not an https origin/,
    );
  });
});

describe('every bucket', () => {
  const { template } = synthesize();
  const buckets = Object.keys(template.findResources('AWS::S3::Bucket'));
  const policies = Object.values(template.findResources('AWS::S3::BucketPolicy')) as {
    Properties: { Bucket: { Ref: string }; PolicyDocument: { Statement: Record<string, unknown>[] } };
  }[];

  it.each(buckets)('%s denies requests without TLS or below TLS 1.2', (bucketId) => {
    const policy = policies.find((candidate) => candidate.Properties.Bucket.Ref === bucketId);
    expect(policy, `no bucket policy for ${bucketId}`).toBeDefined();
    expect(policy?.Properties.PolicyDocument.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
        expect.objectContaining({
          Effect: 'Deny',
          Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
        }),
      ]),
    );
  });

  it.each(buckets)('%s blocks all public access', (bucketId) => {
    expect(template.toJSON().Resources[bucketId].Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
  });
});
