import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The pnpm workspace root: esbuild runs here, the lock file lives here. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The API's Lambda adapter (exports `handler`). */
export const API_ENTRY = join(REPO_ROOT, 'functions/api/src/lambda.ts');
/** Builds the API bundle into the folder named by its argument (infra/lib/api-bundle.ts). */
export const API_BUNDLE_SCRIPT = join(REPO_ROOT, 'infra/bin/build-api-bundle.ts');
/** The application layer declares the services' runtime packages (idn-area-data among them). */
export const APP_PACKAGE_JSON = join(REPO_ROOT, 'packages/app/package.json');
/** The evidence worker's Lambda adapter (exports `handler`). */
export const EVIDENCE_WORKER_ENTRY = join(REPO_ROOT, 'functions/workers/src/lambda.ts');
/** The jobs worker's Lambda adapter: exports and imports (exports `handler`). */
export const JOBS_WORKER_ENTRY = join(REPO_ROOT, 'functions/workers/src/background-job-lambda.ts');
/** The scheduled worker's Lambda adapter: outbox, reminders, jobs sweep, summary rebuild. */
export const SCHEDULED_WORKER_ENTRY = join(REPO_ROOT, 'functions/workers/src/scheduled-lambda.ts');
/** The summary projector's Lambda adapter: the table's change stream (exports `handler`). */
export const SUMMARY_PROJECTOR_ENTRY = join(REPO_ROOT, 'functions/workers/src/summary-projector-lambda.ts');
/** The workers package: where pdfkit is resolved from. */
export const WORKERS_PACKAGE_JSON = join(REPO_ROOT, 'functions/workers/package.json');
/** The built single-page app. */
export const WEB_DIST = join(REPO_ROOT, 'web/dist');
export const CDK_JSON = join(REPO_ROOT, 'infra/cdk.json');
