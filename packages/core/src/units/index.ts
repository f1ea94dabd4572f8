export * from './import.ts';
export * from './rollup.ts';
export * from './target-rule.ts';
export * from './units.ts';
