import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The pnpm workspace root: esbuild runs here, the lock file lives here. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The API's Lambda adapter (exports `handler`). */
export const API_ENTRY = join(REPO_ROOT, 'functions/api/src/lambda.ts');
/** The API workspace package: where idn-area-data is resolved from. */
export const API_PACKAGE_JSON = join(REPO_ROOT, 'functions/api/package.json');
/** The evidence worker's Lambda adapter (exports `handler`). */
export const EVIDENCE_WORKER_ENTRY = join(REPO_ROOT, 'functions/workers/src/lambda.ts');
/** The built single-page app. */
export const WEB_DIST = join(REPO_ROOT, 'web/dist');
export const CDK_JSON = join(REPO_ROOT, 'infra/cdk.json');
