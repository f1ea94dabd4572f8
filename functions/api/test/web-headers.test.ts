import { createLogger } from '@inovasi/app/logging';
import { ScopedClientFactory } from '@inovasi/data';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppDeps } from '../src/deps.ts';
import { webSecurityHeaders } from '../src/hardening.ts';

/** The web app's headers when the local server serves it: the store it may reach, and nothing may frame it. */
const STORE = 'http://127.0.0.1:4569';

const webPage = (s3Endpoint?: string) => {
  const deps = {
    mode: 'local',
    data: new ScopedClientFactory({
      tableName: 'unused',
      bucketName: 'unused',
      region: 'ap-southeast-3',
      ...(s3Endpoint ? { s3Endpoint } : {}),
    }),
    verifier: { verify: async () => undefined },
    areas: { list: async () => [], find: async () => undefined },
    logger: createLogger({ serviceName: 'test', logLevel: 'SILENT' }),
  } as unknown as AppDeps;
  const app = new Hono();
  app.use('*', webSecurityHeaders(deps));
  app.get('/', (c) => c.html('<!doctype html><title>x</title>'));
  return app.request('/');
};

const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `)) ?? '';

describe('web app security headers (local)', () => {
  it('lets the page frame the object store for the inline PDF preview, and only that', async () => {
    const csp = (await webPage(`${STORE}/`)).headers.get('content-security-policy') ?? '';
    expect(directive(csp, 'frame-src')).toBe(`frame-src 'self' ${STORE}`);
    expect(directive(csp, 'connect-src')).toBe(`connect-src 'self' ${STORE}`);
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
  });

  it('still forbids anyone to frame the app itself', async () => {
    const response = await webPage(STORE);
    expect(directive(response.headers.get('content-security-policy') ?? '', 'frame-ancestors')).toBe(
      "frame-ancestors 'none'",
    );
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('frames nothing but its own origin when there is no local store (AWS serves the app from CloudFront)', async () => {
    const csp = (await webPage()).headers.get('content-security-policy') ?? '';
    expect(directive(csp, 'frame-src')).toBe("frame-src 'self'");
  });
});
