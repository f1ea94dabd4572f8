import { afterAll } from 'vitest';
import { stopTestEnvironments } from './environment.ts';

// Each integration file's environments end with the file: their stream pollers stop and their
// tables go, so the shared DynamoDB Local does not carry every earlier file's streams.
afterAll(async () => {
  await stopTestEnvironments();
});
