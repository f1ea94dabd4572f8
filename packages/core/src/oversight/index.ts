export * from './contribution.ts';
export * from './results.ts';
export * from './summary.ts';
export * from './warnings.ts';
