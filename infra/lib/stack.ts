import { Aws, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { AccessLogs } from './access-logs.ts';
import { Alarms } from './alarms.ts';
import { Api } from './api.ts';
import { Auth } from './auth.ts';
import type { DeploymentConfig } from './config.ts';
import { Data } from './data.ts';
import { DataAccess } from './data-access.ts';
import { EvidenceWorker } from './evidence-worker.ts';
import { JobsWorker } from './jobs-worker.ts';
import { RateLimits } from './rate-limits.ts';
import { Schedules } from './schedules.ts';
import { SummaryProjector } from './summary-projector.ts';
import { Web } from './web.ts';

export interface InovasiStackProps extends StackProps {
  readonly config: DeploymentConfig;
  /** Built SPA folder, or undefined to create the hosting without uploading a build. */
  readonly webDistPath: string | undefined;
}

/**
 * The whole product in one stack, split into constructs along its seams. One stack keeps every
 * reference inside CloudFormation (no cross-stack exports to untangle) and deploys atomically;
 * the stateful parts (table, evidence bucket, user pool) are retained and deletion-protected.
 */
export class InovasiStack extends Stack {
  readonly data: Data;
  readonly auth: Auth;
  readonly api: Api;
  readonly rateLimits: RateLimits;
  readonly dataAccess: DataAccess;
  readonly evidenceWorker: EvidenceWorker;
  readonly summaryProjector: SummaryProjector;
  readonly jobsWorker: JobsWorker;
  readonly schedules: Schedules;
  readonly alarms: Alarms;
  readonly web: Web;
  readonly webClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: InovasiStackProps) {
    super(scope, id, { ...props, terminationProtection: props.config.terminationProtection });
    const { config } = props;

    const logs = new AccessLogs(this, 'AccessLogs');
    this.data = new Data(this, 'Data', { stage: config.stage, accessLogsBucket: logs.bucket });
    this.auth = new Auth(this, 'Auth', {
      stage: config.stage,
      domainPrefix: config.authDomainPrefix,
      featurePlan: config.authFeaturePlan,
      sesSender: config.sesSender,
      sesRegion: config.sesRegion,
      firstAdminEmail: config.adminEmail,
    });
    this.api = new Api(this, 'Api', {
      stage: config.stage,
      data: this.data,
      userPool: this.auth.userPool,
    });
    // The deploy's Cognito account becomes the platform's administrator member at its first sign-in.
    if (config.adminEmail) this.api.function.addEnvironment('FIRST_ADMIN_EMAIL', config.adminEmail);
    // Counters of the limits every API instance shares (docs/decisions/0022).
    this.rateLimits = new RateLimits(this, 'RateLimits');
    this.rateLimits.grantCounting(this.api.function);
    // The function's own role has no data access; it assumes these per request scope (ADR 0008).
    if (this.api.function.role === undefined) throw new Error('The API function has no role');
    this.dataAccess = new DataAccess(this, 'DataAccess', {
      data: this.data,
      consumer: this.api.function.role,
    });
    this.api.useDataAccess(this.dataAccess);
    this.evidenceWorker = new EvidenceWorker(this, 'EvidenceWorker', {
      data: this.data,
      dataAccess: this.dataAccess,
    });
    // Summaries, province rows and national rows follow the table's stream (docs/decisions/0018).
    this.summaryProjector = new SummaryProjector(this, 'SummaryProjector', {
      data: this.data,
      dataAccess: this.dataAccess,
    });
    // Exports and imports run in their own worker; the API only queues them and invokes it.
    this.jobsWorker = new JobsWorker(this, 'JobsWorker', { data: this.data, dataAccess: this.dataAccess });
    this.jobsWorker.allowDispatchFrom(this.api.function);
    this.schedules = new Schedules(this, 'Schedules', {
      stage: config.stage,
      data: this.data,
      dataAccess: this.dataAccess,
      jobsWorker: this.jobsWorker,
      sesSender: config.sesSender,
      sesRegion: config.sesRegion,
    });
    this.alarms = new Alarms(this, 'Alarms', {
      api: this.api,
      table: this.data.table,
      email: config.adminEmail,
    });
    this.alarms.watchWorker(
      'EvidenceWorker',
      this.evidenceWorker.function,
      this.evidenceWorker.deadLetterQueue,
    );
    this.alarms.watchWorker('JobsWorker', this.jobsWorker.function, this.jobsWorker.deadLetterQueue);
    this.alarms.watchWorker(
      'SummaryProjector',
      this.summaryProjector.function,
      this.summaryProjector.deadLetterQueue,
    );
    this.alarms.watchWorker('ScheduledWorker', this.schedules.function, this.schedules.deadLetterQueue);
    this.alarms.watchSummaryRebuild(this.schedules.summaryDrift, this.schedules.summaryRebuildFailures);
    this.web = new Web(this, 'Web', {
      accessLogsBucket: logs.bucket,
      apiEndpoint: this.api.httpApi.apiEndpoint,
      customDomain: config.customDomain,
      distPath: props.webDistPath,
      originSecret: this.api.originSecret.secretValue.unsafeUnwrap(),
      webAclArn: config.webAclArn,
      csp: {
        connect: [
          this.data.evidenceBucketOrigin,
          this.auth.domainOrigin,
          `https://cognito-idp.${Aws.REGION}.${Aws.URL_SUFFIX}`,
        ],
        img: [this.data.evidenceBucketOrigin],
        frame: [this.data.evidenceBucketOrigin],
      },
    });

    // CloudFront sends `/katalog/{id}` to the API, which fills the web build's shell (ADR 0044).
    this.web.serveCatalogDetailFrom(this.api.function);

    // Wiring that needs the web URL, which exists only once the distribution does. The order of
    // CloudFormation dependencies stays acyclic: bucket CORS and the client depend on the
    // distribution, the distribution on the HTTP API resource only, never on the function.
    const webOrigins = [this.web.url, ...config.extraWebOrigins];
    this.data.allowBrowserOrigins(webOrigins);
    this.webClient = this.auth.addWebClient(webOrigins);
    this.api.setWebClient(this.webClient, this.auth.userPool, this.auth.domainOrigin);
    // CORS: only the web app's origins may call the API from a browser.
    this.api.function.addEnvironment('WEB_ORIGINS', webOrigins.join(','));

    new CfnOutput(this, 'WebUrl', { value: this.web.url, description: 'The web app' });
    new CfnOutput(this, 'ApiUrl', {
      value: this.api.stage.url,
      description: 'HTTP API endpoint (browsers use <WebUrl>/api/ through CloudFront)',
    });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.webClient.userPoolClientId });
    new CfnOutput(this, 'AuthDomainUrl', { value: this.auth.domainOrigin, description: 'Hosted sign-in' });
    new CfnOutput(this, 'EvidenceBucketName', { value: this.data.evidenceBucket.bucketName });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.alarms.topic.topicArn,
      description: 'Operational alarms (subscribe more addresses here)',
    });
  }
}
