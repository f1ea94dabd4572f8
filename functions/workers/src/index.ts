export * from './evidence-object-created.ts';
