export * from './import-mapping.ts';
export * from './jobs.ts';
