import { createRouter } from '../../router.ts';
import { contestCallRoutes } from './calls.ts';
import { contestEnterableRoutes } from './enterable.ts';
import { contestEntryRoutes } from './entries.ts';
import { contestFileRoutes } from './files.ts';
import { contestJudgingRoutes } from './judging.ts';
import { contestPublicRoutes } from './public.ts';
import { contestResultRoutes } from './results.ts';

/** Regional innovation contests (docs/decisions/0037). */
export const contestRoutes = createRouter()
  .route('/', contestCallRoutes)
  .route('/', contestEntryRoutes)
  .route('/', contestEnterableRoutes)
  .route('/', contestFileRoutes)
  .route('/', contestJudgingRoutes)
  .route('/', contestResultRoutes)
  .route('/', contestPublicRoutes);
