export * from './aggregation.ts';
export * from './assignment.ts';
export * from './schemas.ts';
export * from './calendar.ts';
