export * from './gaps.ts';
export * from './intake.ts';
export * from './kinds.ts';
export * from './links.ts';
export * from './rules.ts';
export * from './schemas.ts';
