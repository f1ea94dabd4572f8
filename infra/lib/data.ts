import {
  EVIDENCE_STATE_PENDING,
  EVIDENCE_STATE_TAG,
  UNCHECKED_UPLOAD_EXPIRY_DAYS,
} from '@inovasi/data/evidence-objects';
import {
  EXPORT_OBJECT_EXPIRY_DAYS,
  IMPORT_OBJECT_EXPIRY_DAYS,
  JOB_OBJECT_EXPORT,
  JOB_OBJECT_IMPORT,
  JOB_OBJECT_TAG,
} from '@inovasi/data/job-objects';
import { tableDefinition } from '@inovasi/data/table-definition';
import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  type Attribute,
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  HttpMethods,
  type IBucket,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Noncurrent evidence versions (overwritten or deleted) stay recoverable for this many days. */
export const NONCURRENT_VERSION_RETENTION_DAYS = 90;

/** Every tenant's objects live under `tenants/<code>/`; lifecycle prefixes cannot name the code. */
export const EVIDENCE_OBJECTS_PREFIX = 'tenants/';

const ATTRIBUTE_TYPES = {
  S: AttributeType.STRING,
  N: AttributeType.NUMBER,
  B: AttributeType.BINARY,
} as const;

const attribute = (name: string): Attribute => {
  const definition = tableDefinition.attributeDefinitions.find((item) => item.AttributeName === name);
  if (definition === undefined) throw new Error(`Key attribute ${name} has no attribute definition`);
  return { name, type: ATTRIBUTE_TYPES[definition.AttributeType] };
};

const keyOf = (
  keySchema: readonly { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[],
  type: 'HASH' | 'RANGE',
): Attribute | undefined => {
  const element = keySchema.find((item) => item.KeyType === type);
  return element === undefined ? undefined : attribute(element.AttributeName);
};

const PROJECTIONS = { ALL: ProjectionType.ALL, KEYS_ONLY: ProjectionType.KEYS_ONLY } as const;

export interface DataProps {
  readonly stage: string;
  /** Destination of the evidence bucket's server access logs. */
  readonly accessLogsBucket: IBucket;
}

/**
 * The stateful core: the single table (built from the shared definition in `@inovasi/data`, so the
 * local runtime and AWS cannot drift) and the evidence bucket. Both are retained on stack deletion.
 */
export class Data extends Construct {
  readonly table: Table;
  readonly evidenceBucket: Bucket;
  /**
   * `https://<bucket>.s3.<region>.amazonaws.com`, the host presigned URLs point at. Built from the
   * physical name rather than a bucket reference, so the CloudFront CSP can name it without making the
   * distribution depend on the bucket (the bucket's CORS rule already depends on the distribution).
   */
  readonly evidenceBucketOrigin: string;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);

    const partitionKey = keyOf(tableDefinition.keySchema, 'HASH');
    if (partitionKey === undefined) throw new Error('The shared table definition has no partition key');
    this.table = new Table(this, 'Table', {
      partitionKey,
      sortKey: keyOf(tableDefinition.keySchema, 'RANGE'),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      stream: StreamViewType[tableDefinition.streamViewType],
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of tableDefinition.globalSecondaryIndexes) {
      const indexPartitionKey = keyOf(index.KeySchema, 'HASH');
      if (indexPartitionKey === undefined) throw new Error(`Index ${index.IndexName} has no partition key`);
      this.table.addGlobalSecondaryIndex({
        indexName: index.IndexName,
        partitionKey: indexPartitionKey,
        sortKey: keyOf(index.KeySchema, 'RANGE'),
        projectionType: PROJECTIONS[index.Projection.ProjectionType],
      });
    }

    // A fixed, account- and region-qualified name (see `evidenceBucketOrigin`). Stage keeps two
    // deployments in one account apart.
    const bucketName = `inovasi-${props.stage}-evidence-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
    this.evidenceBucket = new Bucket(this, 'EvidenceBucket', {
      bucketName,
      versioned: true,
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'evidence/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        {
          id: 'expire-noncurrent-versions',
          noncurrentVersionExpiration: Duration.days(NONCURRENT_VERSION_RETENTION_DAYS),
        },
        { id: 'remove-expired-delete-markers', expiredObjectDeleteMarker: true },
        {
          // Evidence uploads carry the pending tag until intake checks them (docs/decisions/0007):
          // one never checked, or rejected, is expired, and its bytes removed a day later.
          id: 'expire-unchecked-evidence-uploads',
          prefix: EVIDENCE_OBJECTS_PREFIX,
          tagFilters: { [EVIDENCE_STATE_TAG]: EVIDENCE_STATE_PENDING },
          expiration: Duration.days(UNCHECKED_UPLOAD_EXPIRY_DAYS),
          noncurrentVersionExpiration: Duration.days(1),
        },
        // Export and import files live under `tenants/<code>/exports|imports/`, which no lifecycle
        // prefix can name (no wildcard for the code), so they carry a tag from the moment they are
        // written and these rules match it. Evidence never carries it.
        {
          id: 'expire-export-files',
          prefix: EVIDENCE_OBJECTS_PREFIX,
          tagFilters: { [JOB_OBJECT_TAG]: JOB_OBJECT_EXPORT },
          expiration: Duration.days(EXPORT_OBJECT_EXPIRY_DAYS),
          noncurrentVersionExpiration: Duration.days(1),
        },
        {
          id: 'expire-import-files',
          prefix: EVIDENCE_OBJECTS_PREFIX,
          tagFilters: { [JOB_OBJECT_TAG]: JOB_OBJECT_IMPORT },
          expiration: Duration.days(IMPORT_OBJECT_EXPIRY_DAYS),
          noncurrentVersionExpiration: Duration.days(1),
        },
      ],
    });
    // Object-created events go to EventBridge, where the evidence worker's rule picks them up
    // (docs/decisions/0007). Set on the resource itself: CDK's notification helper would add a
    // custom-resource Lambda allowed s3:PutBucketNotification on every bucket.
    (this.evidenceBucket.node.defaultChild as CfnBucket).notificationConfiguration = {
      eventBridgeConfiguration: { eventBridgeEnabled: true },
    };
    this.evidenceBucketOrigin = `https://${bucketName}.s3.${Aws.REGION}.${Aws.URL_SUFFIX}`;
  }

  /**
   * Lets browsers on these origins PUT and GET evidence with presigned URLs. The signature, not CORS,
   * binds each request to one key, content type and expiry; CORS only decides which pages may use it.
   */
  allowBrowserOrigins(origins: readonly string[]): void {
    this.evidenceBucket.addCorsRule({
      id: 'presigned-browser-access',
      allowedOrigins: [...origins],
      allowedMethods: [HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
      allowedHeaders: ['*'],
      exposedHeaders: ['ETag', 'x-amz-version-id', 'x-amz-checksum-sha256'],
      maxAge: 3000,
    });
  }
}
