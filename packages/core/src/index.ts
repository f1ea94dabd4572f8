export * from './access/policy.ts';
export * from './access/roles.ts';
export * from './access/tenant-code.ts';
export * from './i18n/messages.ts';
export * from './innovation/profile.ts';
export * from './innovation/urusan.ts';
export * from './records.ts';
