import { describe, expect, it } from 'vitest';
import { DETAIL_SHELL_KEY as API_SHELL_KEY } from '../../functions/api/src/detail-shell-source.ts';
import { CATALOG_DETAIL_FUNCTION, DETAIL_SHELL_KEY } from '../lib/catalog-detail-page.ts';
import { ORIGIN_VERIFY_HEADER } from '../lib/web.ts';
import { logicalId, onlyResource, synthesize } from './support.ts';

/** CloudFront's managed policy ids (stable, documented by AWS). */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

/** The catalogue detail in AWS (docs/decisions/0044): CloudFront to the API, which reads the shell. */
describe('the catalogue detail behaviour', () => {
  // Prepare
  const { stack, template } = synthesize();
  const config = (onlyResource(template, 'AWS::CloudFront::Distribution').resource.Properties as any)
    .DistributionConfig;
  const behaviour = config.CacheBehaviors.find((candidate: any) => candidate.PathPattern === '/katalog/*');
  const api = config.CacheBehaviors.find((candidate: any) => candidate.PathPattern === '/api/*');

  it('sends /katalog/* (not /katalog) to the API origin, read-only, uncached, with viewer headers and the security headers', () => {
    expect(behaviour).toMatchObject({
      TargetOriginId: api.TargetOriginId,
      CachePolicyId: CACHING_DISABLED,
      // If-None-Match reaches the API, which answers 304 for an unchanged page.
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
      ResponseHeadersPolicyId: { Ref: logicalId(stack.web.responseHeadersPolicy) },
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: ['GET', 'HEAD'],
      Compress: true,
      FunctionAssociations: [
        {
          EventType: 'viewer-request',
          FunctionARN: {
            'Fn::GetAtt': [logicalId(stack.web.node.findChild('CatalogDetail')), 'FunctionARN'],
          },
        },
      ],
    });
    expect(config.CacheBehaviors.map((candidate: any) => candidate.PathPattern)).not.toContain('/katalog');
  });

  it('reaches the API with the origin-verify header, as /api/* does', () => {
    const origin = config.Origins.find((candidate: any) => candidate.Id === behaviour.TargetOriginId);
    expect(JSON.stringify(origin.DomainName)).toContain(logicalId(stack.api.httpApi));
    expect(origin.OriginCustomHeaders).toEqual([
      { HeaderName: ORIGIN_VERIFY_HEADER, HeaderValue: expect.anything() },
    ]);
  });

  it('tells the API the web bucket and lets it read the shell object, and nothing else of the bucket', () => {
    const fn = template.toJSON().Resources[logicalId(stack.api.function)];
    expect(fn.Properties.Environment.Variables.WEB_BUCKET_NAME).toEqual({ Ref: logicalId(stack.web.bucket) });
    const reads = Object.values(template.findResources('AWS::IAM::Policy'))
      .flatMap((policy: any) => policy.Properties.PolicyDocument.Statement)
      .filter((statement: any) =>
        JSON.stringify(statement.Resource ?? '').includes(logicalId(stack.web.bucket)),
      );
    // No web build in this synth: no upload handler, so the API's read is the bucket's only grant.
    expect(reads).toEqual([
      {
        Sid: 'ReadCatalogDetailShell',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: {
          'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(stack.web.bucket), 'Arn'] }, `/${DETAIL_SHELL_KEY}`]],
        },
      },
    ]);
    expect(DETAIL_SHELL_KEY).toBe(API_SHELL_KEY);
  });
});

describe('catalogue detail function', () => {
  const handler = new Function(`${CATALOG_DETAIL_FUNCTION}; return handler;`)() as (event: {
    request: { uri: string; headers: Record<string, { value: string }> };
    viewer: { ip: string };
  }) => { uri?: string; statusCode?: number; headers: Record<string, { value: string }> };
  const run = (uri: string) =>
    handler({
      request: { uri, headers: { 'x-inovasi-viewer-address': { value: '10.0.0.1' } } },
      viewer: { ip: '203.0.113.9' },
    });

  it.each([
    ['/katalog/35.22~01JDEMO00000000000000000000', '/api/v1/katalog/35.22~01JDEMO00000000000000000000'],
    ['/katalog/35.22~01JDEMO00000000000000000000/', '/api/v1/katalog/35.22~01JDEMO00000000000000000000'],
    ['/katalog/a/b', '/api/v1/katalog/a/b'],
  ])('maps %s to %s with the viewer address, overwriting the client’s', (uri, expected) => {
    const request = run(uri);
    expect(request.uri).toBe(expected);
    expect(request.headers['x-inovasi-viewer-address']).toEqual({ value: '203.0.113.9' });
  });

  it('sends /katalog/ back to the catalogue', () => {
    expect(run('/katalog/')).toMatchObject({ statusCode: 301, headers: { location: { value: '/katalog' } } });
  });
});
