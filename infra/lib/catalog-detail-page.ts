import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';

/** The catalogue detail's shell in the web bucket (functions/api/src/detail-shell-source.ts reads it). */
export const DETAIL_SHELL_KEY = 'prerendered/katalog-detail.html';

/**
 * Viewer-request function for `/katalog/*` (a catalogue detail, not the catalogue itself): the API
 * fills the prerendered shell with the innovation (docs/decisions/0044) at `/api/v1/katalog/{id}`,
 * with the viewer's address for its anonymous rate limit as on `/api/*`. `/katalog/` matches the
 * pattern too and is sent back to the catalogue.
 */
export const CATALOG_DETAIL_FUNCTION = `function handler(event) {
  var request = event.request;
  var uri = request.uri.replace(/\\/+$/, '');
  if (uri === '/katalog') {
    return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: '/katalog' } } };
  }
  request.uri = '/api/v1' + uri;
  request.headers['x-inovasi-viewer-address'] = { value: event.viewer.ip };
  return request;
}`;

/** Tells the API the web bucket and lets it read the shell, that one object of it. */
export function grantCatalogDetailShell(bucket: IBucket, fn: LambdaFunction): void {
  fn.addEnvironment('WEB_BUCKET_NAME', bucket.bucketName);
  fn.addToRolePolicy(
    new PolicyStatement({
      sid: 'ReadCatalogDetailShell',
      actions: ['s3:GetObject'],
      resources: [bucket.arnForObjects(DETAIL_SHELL_KEY)],
    }),
  );
}
