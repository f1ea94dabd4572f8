import { dataFunctionEnvironment, readEnvironment, scopedDataFrom } from '@inovasi/app/environment';
import { createLogger } from '@inovasi/app/logging';
import { createSummaryProjector } from './summary-projector.ts';

const env = readEnvironment(dataFunctionEnvironment);

/**
 * Like every function, the projector reaches data only through the scoped roles it was given
 * (ADR 0008): a read-only tenant scope for the region it recomputes, the summary writer's scope, and
 * the region's catalogue publisher scope for the entries that follow its published innovations.
 * The AWS adapter of the summary projector: the table's stream through an event source mapping.
 */
export const handler = createSummaryProjector({
  data: scopedDataFrom(env),
  logger: createLogger({ serviceName: env.POWERTOOLS_SERVICE_NAME ?? 'inovasi-summary-projector' }),
});
