export * from './aggregation.ts';
export * from './assignment.ts';
export * from './calendar.ts';
export * from './schemas.ts';
