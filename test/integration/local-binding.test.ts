import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { startServer } from '@inovasi/api/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../support/environment.ts';

/**
 * Every local component listens on loopback only (issue 19, point 4): DynamoDB Local, the object
 * store and the API server, as `pnpm start` runs them. Each is reachable on 127.0.0.1 and refused
 * on every other address of this machine's own interfaces. Only this machine's own addresses are
 * tried, never another host.
 */
const OWN_NON_LOOPBACK_ADDRESSES = Object.values(networkInterfaces())
  .flat()
  .filter((address) => address !== undefined && !address.internal)
  // Link-local IPv6 needs a zone to be dialled; the global and unique-local ones say the same.
  .filter((address) => !(address?.family === 'IPv6' && address.address.toLowerCase().startsWith('fe80:')))
  .map((address) => address?.address as string);

type Outcome = 'connected' | 'refused' | 'no answer';

/** A bare TCP connect: does anything listen on this address and port? */
function reach(host: string, port: number, timeoutMs = 2_000): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (outcome: Outcome) => {
      socket.destroy();
      resolve(outcome);
    };
    socket.setTimeout(timeoutMs, () => done('no answer'));
    socket.once('connect', () => done('connected'));
    socket.once('error', () => done('refused'));
  });
}

let env: TestEnvironment;
let api: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  env = await createTestEnvironment({ seed: false });
  api = await startServer(env.deps, { port: 0 });
});

afterAll(async () => {
  await api?.stop();
});

describe('the local components', () => {
  it.skipIf(OWN_NON_LOOPBACK_ADDRESSES.length === 0)(
    'listen on 127.0.0.1 and are not reachable on any other address of this machine',
    async () => {
      const components = {
        'DynamoDB Local': new URL(env.config.dynamoEndpoint ?? ''),
        'object store (s3rver)': new URL(env.config.s3Endpoint ?? ''),
        'API server': new URL(api.url),
      };
      const exposed: string[] = [];
      for (const [name, url] of Object.entries(components)) {
        const port = Number(url.port);
        expect(url.hostname, name).toBe('127.0.0.1');
        expect(await reach('127.0.0.1', port), `${name} on loopback`).toBe('connected');
        for (const address of OWN_NON_LOOPBACK_ADDRESSES) {
          const outcome = await reach(address, port);
          if (outcome === 'connected') exposed.push(`${name} answers on ${address}:${port}`);
        }
      }
      expect(exposed).toEqual([]);
    },
  );
});
