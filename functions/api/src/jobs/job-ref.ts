/** A job to run: its kind, the tenant it belongs to, its id. All a worker's message needs to carry. */
export interface JobRef {
  readonly type: 'export' | 'import';
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
