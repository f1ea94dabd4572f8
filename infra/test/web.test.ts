import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTEXT_KEYS } from '../lib/config.ts';
import { PUBLIC_FILES_FUNCTION, SPA_FALLBACK_FUNCTION } from '../lib/web.ts';
import { fakeWebDist, logicalId, onlyResource, synthesize } from './support.ts';

/** CloudFront's managed policy ids (stable, documented by AWS). */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

describe('security headers', () => {
  // Prepare
  const { stack, template } = synthesize();
  const { resource: policy } = onlyResource(template, 'AWS::CloudFront::ResponseHeadersPolicy');
  const headers = (policy.Properties as any).ResponseHeadersPolicyConfig.SecurityHeadersConfig;
  const csp = stack.resolve(headers.ContentSecurityPolicy.ContentSecurityPolicy);
  const cspText = JSON.stringify(csp);

  it('sends a CSP that forbids framing and foreign scripts', () => {
    expect(headers.ContentSecurityPolicy.Override).toBe(true);
    expect(cspText).toContain("frame-ancestors 'none'");
    expect(cspText).toContain("default-src 'self'");
    expect(cspText).toContain("script-src 'self';");
    expect(cspText).toContain("object-src 'none'");
  });

  it('lets the page reach the evidence bucket and Cognito, and nothing else', () => {
    const connect = /connect-src ([^;]*);/.exec(cspText)?.[1] ?? '';
    expect(connect).toContain('-evidence-');
    expect(connect).toContain('.amazoncognito.com');
    expect(connect).toContain('https://cognito-idp.');
    expect(connect).not.toContain('*');
  });

  it('lets the page frame evidence PDFs from the evidence bucket only, while nothing may frame the app', () => {
    const frame = /frame-src ([^;]*);/.exec(cspText)?.[1] ?? '';
    expect(frame).toContain("'self'");
    expect(frame).toContain('-evidence-');
    expect(frame).not.toContain('*');
    expect(cspText).toContain("frame-ancestors 'none'");
  });

  it('sends HSTS for two years, nosniff, DENY framing and a strict referrer policy', () => {
    expect(headers.StrictTransportSecurity).toEqual({
      AccessControlMaxAgeSec: 730 * 24 * 3600,
      IncludeSubdomains: true,
      Override: true,
    });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(headers.ReferrerPolicy).toMatchObject({ ReferrerPolicy: 'strict-origin-when-cross-origin' });
  });
});

describe('distribution', () => {
  const { stack, template } = synthesize();
  const { resource } = onlyResource(template, 'AWS::CloudFront::Distribution');
  const config = (resource.Properties as any).DistributionConfig;
  const headersPolicy = { Ref: logicalId(stack.web.responseHeadersPolicy) };

  it('serves the SPA bucket through Origin Access Control with the security headers', () => {
    const s3Origin = config.Origins.find((origin: any) => origin.S3OriginConfig !== undefined);
    expect(s3Origin.OriginAccessControlId).toBeDefined();
    expect(s3Origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      ResponseHeadersPolicyId: headersPolicy,
      FunctionAssociations: [expect.objectContaining({ EventType: 'viewer-request' })],
    });
    expect(config.DefaultRootObject).toBe('index.html');
  });

  it('routes /api/* to the HTTP API uncached, with viewer headers (Authorization) forwarded', () => {
    expect(config.CacheBehaviors).toHaveLength(4);
    const api = config.CacheBehaviors.find((behaviour: any) => behaviour.PathPattern === '/api/*');
    expect(api).toMatchObject({
      PathPattern: '/api/*',
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
      ResponseHeadersPolicyId: headersPolicy,
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']),
    });
    const apiOrigin = config.Origins.find((origin: any) => origin.Id === api.TargetOriginId);
    expect(JSON.stringify(apiOrigin.DomainName)).toContain(logicalId(stack.api.httpApi));
    expect(apiOrigin.CustomOriginConfig).toMatchObject({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
  });

  it('sends /robots.txt and /sitemap.xml to the API, read-only, through the function that maps them under /api/v1', () => {
    const api = config.CacheBehaviors.find((behaviour: any) => behaviour.PathPattern === '/api/*');
    const functionId = logicalId(stack.web.node.findChild('PublicFiles'));
    for (const path of ['/robots.txt', '/sitemap.xml']) {
      const behaviour = config.CacheBehaviors.find((candidate: any) => candidate.PathPattern === path);
      expect(behaviour).toMatchObject({
        TargetOriginId: api.TargetOriginId,
        CachePolicyId: CACHING_DISABLED,
        OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
        ResponseHeadersPolicyId: headersPolicy,
        AllowedMethods: ['GET', 'HEAD'],
        Compress: true,
        FunctionAssociations: [
          { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } },
        ],
      });
    }
  });

  it('falls back to index.html by function, not by error responses that would mask API errors', () => {
    expect(config.CustomErrorResponses).toBeUndefined();
  });

  it('writes access logs', () => {
    expect(config.Logging).toMatchObject({ Prefix: 'cloudfront/' });
  });

  it('uses a custom domain with TLS 1.2+ when configured', () => {
    // Act
    const { template: custom } = synthesize({
      context: {
        [CONTEXT_KEYS.webDomainName]: 'inovasi.example.go.id',
        [CONTEXT_KEYS.webCertificateArn]: 'arn:aws:acm:us-east-1:111122223333:certificate/abc',
      },
    });
    // Assess
    const customConfig = (onlyResource(custom, 'AWS::CloudFront::Distribution').resource.Properties as any)
      .DistributionConfig;
    expect(customConfig.Aliases).toEqual(['inovasi.example.go.id']);
    expect(customConfig.ViewerCertificate).toMatchObject({ MinimumProtocolVersion: 'TLSv1.2_2021' });
  });
});

describe('public files function', () => {
  const handler = new Function(`${PUBLIC_FILES_FUNCTION}; return handler;`)() as (event: {
    request: { uri: string; headers: Record<string, { value: string }> };
    viewer: { ip: string };
  }) => { uri: string; headers: Record<string, { value: string }> };

  it('maps the root file under /api/v1 and overwrites any viewer address the client sent', () => {
    const request = handler({
      request: { uri: '/sitemap.xml', headers: { 'x-inovasi-viewer-address': { value: '10.0.0.1' } } },
      viewer: { ip: '203.0.113.9' },
    });
    expect(request.uri).toBe('/api/v1/sitemap.xml');
    expect(request.headers['x-inovasi-viewer-address']).toEqual({ value: '203.0.113.9' });
  });
});

describe('SPA fallback function', () => {
  const handler = new Function(`${SPA_FALLBACK_FUNCTION}; return handler;`)() as (event: {
    request: { uri: string };
  }) => { uri: string };

  it.each([
    ['/', '/index.html'],
    ['/inovasi/01HZX', '/index.html'],
    ['/pengaturan/opd/', '/index.html'],
    ['/assets/index-3f2a1b.js', '/assets/index-3f2a1b.js'],
    ['/favicon.svg', '/favicon.svg'],
    // The prerendered public pages (web/scripts/prerender.mjs), as the local server maps them.
    ['/katalog', '/prerendered/katalog.html'],
    ['/katalog/', '/prerendered/katalog.html'],
    // A catalogue detail (`/katalog/*`) has its own behaviour: catalog-detail-page.test.ts.
    ['/katalogus', '/index.html'],
    ['/masuk', '/prerendered/masuk.html'],
    ['/masuk/callback', '/index.html'],
    ['/robots.txt', '/robots.txt'],
  ])('maps %s to %s', (uri, expected) => {
    expect(handler({ request: { uri } }).uri).toBe(expected);
  });
});

describe('web build upload', () => {
  const dist = fakeWebDist();
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('uploads nothing when there is no build', () => {
    const { template } = synthesize({ webDistPath: null });
    expect(Object.keys(template.findResources('Custom::CDKBucketDeployment'))).toEqual([]);
  });

  it('uploads hashed assets as immutable, then the shell with revalidation and an invalidation', () => {
    // Act
    const { stack, template } = synthesize({ webDistPath: dist });
    // Assess
    const deployments = Object.values(template.findResources('Custom::CDKBucketDeployment')) as any[];
    expect(deployments).toHaveLength(2);
    const assets = deployments.find((deployment) => deployment.Properties.Include?.includes('assets/*'));
    const shell = deployments.find((deployment) => deployment.Properties.Exclude?.includes('assets/*'));
    expect(assets.Properties).toMatchObject({
      Prune: false,
      DestinationBucketName: { Ref: logicalId(stack.web.bucket) },
    });
    expect(assets.Properties.SystemMetadata['cache-control']).toContain('immutable');
    expect(shell.Properties.SystemMetadata['cache-control']).toBe('no-cache');
    expect(shell.Properties.DistributionId).toEqual({ Ref: logicalId(stack.web.distribution) });
    expect(shell.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^WebDeployAssets/)]));
  });
});

describe('outputs', () => {
  const { template } = synthesize();

  it.each(['WebUrl', 'ApiUrl', 'UserPoolId', 'UserPoolClientId'])('exports %s', (name) => {
    expect(Object.keys(template.findOutputs(name))).toEqual([name]);
  });
});
