export * from './background-job.ts';
export * from './evidence-object-created.ts';
export * from './summary-projector.ts';
