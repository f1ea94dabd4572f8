/**
 * The tag every export and import file carries from the moment it is written. The bucket keeps all
 * tenants under `tenants/<code>/`, and S3 lifecycle prefixes cannot hold a wildcard for the code, so
 * a prefix cannot single out `tenants/<code>/exports/`: the lifecycle rules match this tag instead,
 * and evidence, which never carries it, is never expired by them. Pure data: the CDK app imports it
 * at synth time.
 */
export const JOB_OBJECT_TAG = 'job-object';
export const JOB_OBJECT_EXPORT = 'export';
export const JOB_OBJECT_IMPORT = 'import';

/** A finished export stays downloadable for a week (its job record lives as long). */
export const EXPORT_OBJECT_EXPIRY_DAYS = 7;
/** An import's uploaded file, preview and report stay as long as its record: a month. */
export const IMPORT_OBJECT_EXPIRY_DAYS = 30;

/** The `x-amz-tagging` value of an export or import file. */
export const jobObjectTagging = (kind: typeof JOB_OBJECT_EXPORT | typeof JOB_OBJECT_IMPORT): string =>
  `${JOB_OBJECT_TAG}=${kind}`;
