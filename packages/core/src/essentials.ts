/**
 * The part of the domain the API loads at a cold start, before any route group (docs/decisions/0013):
 * who may enter which tenant, the languages and error messages, the evidence limits. None of it
 * builds a zod schema. Importing the package index instead would bring every module it re-exports
 * into the code a cold start loads, even with tree shaking.
 */
export * from './access/policy.ts';
export * from './access/roles.ts';
export * from './access/tenant-code.ts';
export { evidenceLimitsFrom } from './evidence/kinds.ts';
export * from './i18n/messages.ts';
