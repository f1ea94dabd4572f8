export * from './entry.ts';
export * from './facets.ts';
export * from './kematangan-band.ts';
export * from './lineage.ts';
export * from './replication.ts';
export * from './text.ts';
export * from './themes.ts';
