import { createRouter } from '../router.ts';
import { evidenceIntakeRoutes } from './evidence-intake.ts';
import { evidenceLibraryRoutes } from './evidence-library.ts';
import { evidenceLinkRoutes } from './evidence-links.ts';
import { evidenceUploadRoutes } from './evidence-uploads.ts';

export { rejected } from './evidence-intake.ts';
export {
  authorize,
  evidenceIdSchema,
  evidenceSummary,
  evidenceSummarySchema,
  ownerFor,
  uploadSchema,
} from './evidence-shared.ts';

/**
 * The evidence routes (docs/decisions/0047), one file per seam: adding items (uploads and links),
 * intake, the library, and what items support; resumable uploads are in evidence-multipart.ts.
 * Mounted in the order they were always registered, so the OpenAPI document keeps its order.
 */
export const evidenceRoutes = createRouter()
  .route('/', evidenceUploadRoutes)
  .route('/', evidenceIntakeRoutes)
  .route('/', evidenceLibraryRoutes)
  .route('/', evidenceLinkRoutes);
