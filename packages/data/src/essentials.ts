/**
 * The part of the data layer the API loads at a cold start, before any route group
 * (docs/decisions/0013): the scoped client factory and its credentials, the tenant guard, the
 * errors the API maps, the first-write hook and the summary stale markers it leaves. Importing the
 * package index instead would bring every repository, the domain and zod into the code a cold start
 * loads, even with tree shaking.
 */
export * from './clients.ts';
export * from './credentials.ts';
export * from './data-roles.ts';
export * from './errors.ts';
export * from './first-write-hook.ts';
export { type StaleMarker, SummaryStaleMarkers } from './repositories/summaries.ts';
export { summaryWriterScope } from './scopes.ts';
export * from './tenant-guard.ts';
