import { jobDispatcher } from '@inovasi/app/jobs/dispatcher';
import type { JobRef } from '@inovasi/app/jobs/job-ref';
import type { AppContext } from '../context.ts';

/**
 * Hands a queued job over. The job is already recorded: if handing it over fails (the worker could
 * not be invoked), the request still succeeds and the scheduled sweep runs the job a little later.
 */
export async function dispatch(c: AppContext, ref: JobRef): Promise<void> {
  try {
    await jobDispatcher(c.get('deps')).dispatch(ref);
  } catch (error) {
    c.get('logger').warn('job dispatch failed; the scheduled sweep will run it', { ...ref, error });
  }
}
