import { Annotations, DefaultStackSynthesizer, Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct, type IConstruct } from 'constructs';
import { CATALOG_DETAIL_FUNCTION, grantCatalogDetailShell } from './catalog-detail-page.ts';
import { acknowledge, arnFindingToken } from './nag.ts';

/** Origins (scheme + host) the browser app talks to besides its own. */
export interface CspSources {
  /** fetch/XHR targets: the evidence bucket (presigned uploads) and Cognito. */
  readonly connect: readonly string[];
  /** Image sources: the evidence bucket (presigned previews). */
  readonly img: readonly string[];
  /** Frame sources: the evidence bucket (the verifier's inline PDF preview). */
  readonly frame?: readonly string[];
}

/**
 * The app's Content-Security-Policy. Scripts only from our own origin; inline styles are allowed
 * because Mantine writes CSS variables and style attributes at run time.
 */
export const contentSecurityPolicy = (sources: CspSources): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...sources.img].join(' '),
    "font-src 'self' data:",
    ["connect-src 'self'", ...sources.connect].join(' '),
    ["frame-src 'self'", ...(sources.frame ?? [])].join(' '),
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');

/**
 * Viewer-request function for the SPA: a path whose last segment has no file extension is a client
 * route and gets `index.html`, except the public pages the build prerenders (web/scripts/prerender.mjs),
 * which get their own file (a catalogue detail, `/katalog/{id}`, goes to the API instead and
 * never reaches this function: CATALOG_DETAIL_FUNCTION) so they paint before JavaScript runs (docs/decisions/0034; the local server
 * maps the same addresses in functions/api/src/prerendered-pages.ts). Unlike CloudFront error
 * responses, this never rewrites `/api/*` errors (it is attached to the default behaviour only) and
 * never turns a missing asset into a 200.
 */
export const SPA_FALLBACK_FUNCTION = `function handler(event) {
  var request = event.request;
  var uri = request.uri.length > 1 ? request.uri.replace(/\\/$/, '') : request.uri;
  var lastSegment = uri.substring(uri.lastIndexOf('/') + 1);
  if (uri === '/katalog') {
    request.uri = '/prerendered/katalog.html';
  } else if (uri === '/masuk') {
    request.uri = '/prerendered/masuk.html';
  } else if (lastSegment.indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}`;

/**
 * Viewer-request function for `/robots.txt` and `/sitemap.xml`: the API answers them under
 * `/api/v1`, with the viewer's address for its anonymous rate limit as on `/api/*`.
 */
export const PUBLIC_FILES_FUNCTION = `function handler(event) {
  var request = event.request;
  request.uri = '/api/v1' + request.uri;
  request.headers['x-inovasi-viewer-address'] = { value: event.viewer.ip };
  return request;
}`;

/**
 * Viewer-request function for `/api/*`: hands the API the viewer's address in a header of its own,
 * overwriting whatever the client sent under that name, so the API can count anonymous requests
 * per address (API Gateway sees only CloudFront's address).
 */
export const VIEWER_ADDRESS_FUNCTION = `function handler(event) {
  var request = event.request;
  request.headers['x-inovasi-viewer-address'] = { value: event.viewer.ip };
  return request;
}`;

/** The header CloudFront adds to every request it forwards to the API (see `Api.originSecret`). */
export const ORIGIN_VERIFY_HEADER = 'X-Inovasi-Origin-Verify';

/** Hashed build output under `assets/` never changes, so browsers may keep it for a year. */
const IMMUTABLE = [
  CacheControl.setPublic(),
  CacheControl.maxAge(Duration.days(365)),
  CacheControl.immutable(),
];
/** index.html and other unhashed files must be revalidated so a deploy reaches users at once. */
const REVALIDATE = [CacheControl.noCache()];

export interface WebProps {
  readonly accessLogsBucket: IBucket;
  /** `https://<id>.execute-api.<region>.amazonaws.com` of the HTTP API serving `/api/*`. */
  readonly apiEndpoint: string;
  readonly csp: CspSources;
  readonly customDomain: { readonly domainName: string; readonly certificateArn: string } | undefined;
  /** Built SPA (`web/dist`); when absent the hosting is created empty and filled by a later deploy. */
  readonly distPath: string | undefined;
  /** Sent to the API as `X-Inovasi-Origin-Verify` (a deploy-time reference to the secret). */
  readonly originSecret: string;
  /** The edge stack's CLOUDFRONT web ACL (us-east-1); undefined: no WAF in front. */
  readonly webAclArn: string | undefined;
}

/** The SPA bucket, the CloudFront distribution in front of it and of the API, and the upload of the build. */
export class Web extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly responseHeadersPolicy: ResponseHeadersPolicy;
  /** `https://` + the distribution's (or the custom) domain. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);

    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'web/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.responseHeadersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Inovasi Daerah security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.csp), override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          {
            header: 'Permissions-Policy',
            value: 'camera=(), microphone=(), geolocation=(), payment=()',
            override: true,
          },
        ],
      },
    });

    const spaFallback = new EdgeFunction(this, 'SpaFallback', {
      code: FunctionCode.fromInline(SPA_FALLBACK_FUNCTION),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serve index.html for client-side routes',
    });

    const viewerAddress = new EdgeFunction(this, 'ViewerAddress', {
      code: FunctionCode.fromInline(VIEWER_ADDRESS_FUNCTION),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Tell the API the viewer address (rate limits per anonymous client)',
    });

    const publicFiles = new EdgeFunction(this, 'PublicFiles', {
      code: FunctionCode.fromInline(PUBLIC_FILES_FUNCTION),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'robots.txt and sitemap.xml from the API',
    });

    const catalogDetail = new EdgeFunction(this, 'CatalogDetail', {
      code: FunctionCode.fromInline(CATALOG_DETAIL_FUNCTION),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Catalogue details from the API, filled with the innovation',
    });

    const apiOrigin = new HttpOrigin(Fn.parseDomainName(props.apiEndpoint), {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      customHeaders: { [ORIGIN_VERIFY_HEADER]: props.originSecret },
    });

    // Public pages the API answers (not cached at the edge: what it says must change at once),
    // each with the edge function that rewrites the viewer's path into the API's route.
    const publicPageFromApi = (edgeFunction: EdgeFunction) => ({
      origin: apiOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: this.responseHeadersPolicy,
      functionAssociations: [{ function: edgeFunction, eventType: FunctionEventType.VIEWER_REQUEST }],
      compress: true,
    });

    const custom = props.customDomain;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Inovasi Daerah ${Stack.of(this).stackName}`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.responseHeadersPolicy,
        functionAssociations: [{ function: spaFallback, eventType: FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      additionalBehaviors: {
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // Nothing under /api is cached; with caching disabled CloudFront forwards Authorization too.
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: this.responseHeadersPolicy,
          functionAssociations: [{ function: viewerAddress, eventType: FunctionEventType.VIEWER_REQUEST }],
          compress: true,
        },
        '/robots.txt': publicPageFromApi(publicFiles),
        '/sitemap.xml': publicPageFromApi(publicFiles),
        // The detail page from the API (docs/decisions/0044). Its answer is `public, no-cache` with
        // an ETag: nothing is kept at the edge (a withdrawn innovation disappears at once) and the
        // viewer's If-None-Match reaches the API, which answers 304 when nothing changed.
        '/katalog/*': publicPageFromApi(catalogDetail),
      },
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      enableLogging: true,
      logBucket: props.accessLogsBucket,
      logFilePrefix: 'cloudfront/',
      ...(custom
        ? {
            domainNames: [custom.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', custom.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    this.url = `https://${custom ? custom.domainName : this.distribution.distributionDomainName}`;

    acknowledge(this.distribution, {
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: regional officials travel and the public replication catalogue is meant to be readable from anywhere.',
    });
    if (!props.webAclArn) {
      acknowledge(this.distribution, {
        id: 'AwsSolutions-CFR2',
        reason:
          'The CLOUDFRONT web ACL lives in the us-east-1 edge stack and is attached with -c inovasi:webAclArn (docs/decisions/0022); a dev synth without it is allowed, other stages get a synth warning.',
      });
      if (!Stack.of(this).stackName.endsWith('-dev')) {
        Annotations.of(this).addWarningV2(
          'inovasi:no-waf',
          'No WAF in front of CloudFront: deploy the edge stack and pass -c inovasi:webAclArn=<its WebAclArn output>.',
        );
      }
    }
    if (!custom) {
      acknowledge(this.distribution, {
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose TLS policy cannot be set; set inovasi:webDomainName for TLS 1.2+.',
      });
    }

    if (props.distPath !== undefined) this.deploy(props.distPath);
  }

  private deploy(distPath: string): void {
    // Hashed assets first, and never pruned: a browser still holding the previous index.html can
    // keep loading the previous bundle while the new one rolls out.
    const assets = new BucketDeployment(this, 'DeployAssets', {
      sources: [Source.asset(distPath)],
      destinationBucket: this.bucket,
      exclude: ['*'],
      include: ['assets/*'],
      prune: false,
      cacheControl: IMMUTABLE,
      memoryLimit: 512,
    });
    const shell = new BucketDeployment(this, 'DeployShell', {
      sources: [Source.asset(distPath)],
      destinationBucket: this.bucket,
      exclude: ['assets/*'],
      cacheControl: REVALIDATE,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    shell.node.addDependency(assets);
    acknowledgeDeploymentHandler(this);
  }
  /** The API fills the catalogue detail's shell from this bucket (docs/decisions/0044). */
  serveCatalogDetailFrom(fn: LambdaFunction): void {
    grantCatalogDetailShell(this.bucket, fn);
  }
}

/** The singleton Lambda that CDK's BucketDeployment adds at stack level. */
const acknowledgeDeploymentHandler = (web: Web): void => {
  const stack = Stack.of(web);
  const handlers = stack.node.children.filter((child: IConstruct) =>
    child.node.id.startsWith('Custom::CDKBucketDeployment'),
  );
  for (const handler of handlers) {
    acknowledge(
      handler,
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "CDK's BucketDeployment handler (deploy-time only, not reachable by users) is created by the library with the basic execution role.",
      },
      {
        id: 'AwsSolutions-L1',
        reason:
          "CDK's BucketDeployment handler runtime is chosen by aws-cdk-lib and moves with library upgrades; it runs only during deploys.",
      },
      ...['s3:GetBucket*', 's3:GetObject*', 's3:List*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `BucketDeployment's generated policy uses ${action} to read the build from the CDK asset bucket and to sync the web bucket.`,
      })),
      ...['s3:DeleteObject*', 's3:Abort*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `BucketDeployment's generated policy needs ${action} on the web bucket to replace and prune old build files.`,
      })),
      {
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-<AWS::AccountId>-<AWS::Region>/*]`,
        reason:
          'The handler reads the build zip from the CDK bootstrap asset bucket, whose object keys are content hashes unknown before synth.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::${arnFindingToken(web.bucket)}/*]`,
        reason:
          'The handler writes the whole SPA build into the web bucket, which holds nothing but that build.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'CloudFront CreateInvalidation/GetInvalidation, used after upload so users get the new index.html, do not support resource-level scoping in this generated policy.',
      },
    );
  }
};
