export * from './demo-data.ts';
export * from './demo-files.ts';
export * from './java.ts';
export * from './product.ts';
export * from './seed.ts';
export * from './seed-catalog.ts';
export * from './seed-evidence.ts';
export * from './stack.ts';
