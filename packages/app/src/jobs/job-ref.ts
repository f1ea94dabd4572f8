/** The kinds of job: an export, a confirmed import's run, an import's preview (docs/decisions/0032). */
export const JOB_TYPES = ['export', 'import', 'preview'] as const;

/** A job to run: its kind, the tenant it belongs to, its id. All a worker's message needs to carry. */
export interface JobRef {
  readonly type: (typeof JOB_TYPES)[number];
  readonly tenantCode: string;
  readonly id: string;
}

/**
 * How a route hands a job over once its record is queued. Locally (and in tests) an in-process
 * runner starts it at once; in AWS a dispatcher invokes the worker function with the `JobRef`
 * (docs/decisions/0011). Either way the run claims the job first, so a job dispatched twice, or
 * also found by the scheduled sweep, still runs once at a time.
 */
export interface JobDispatcher {
  dispatch(ref: JobRef): void | Promise<void>;
}
