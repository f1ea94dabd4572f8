import { resolve } from 'node:path';
import { commaSeparated, readEnvironment } from '@inovasi/app/environment';
import { z } from 'zod';
import { DEMO_TENANTS, demoEmail, PLATFORM_ADMIN_EMAIL } from './demo-data.ts';
import { JavaMissingError } from './java.ts';
import { startLocalProduct } from './product.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const env = readEnvironment(
  z.object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
    /** `INOVASI_DEMO=0`: real accounts only, no demo data and no passwordless way in. */
    INOVASI_DEMO: z.enum(['0', '1']).default('1'),
    LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('WARN'),
    INOVASI_ADMIN_EMAIL: z.preprocess((value) => (value === '' ? undefined : value), z.email().optional()),
    WEB_ORIGINS: commaSeparated,
  }),
);
const port = env.PORT;
const demo = env.INOVASI_DEMO === '1';

try {
  const product = await startLocalProduct({
    port,
    dataDir: resolve(repoRoot, '.data'),
    seed: true,
    webDist: resolve(repoRoot, 'web/dist'),
    logLevel: env.LOG_LEVEL,
    webOrigins: env.WEB_ORIGINS,
    demo,
    firstAdminEmail: env.INOVASI_ADMIN_EMAIL,
  });
  const logins = [
    PLATFORM_ADMIN_EMAIL,
    ...DEMO_TENANTS.flatMap((code) =>
      (['admin', 'verifikator', 'opd1', 'opd2'] as const).map((role) => demoEmail(role, code)),
    ),
  ];
  console.log(
    [
      '',
      `Inovasi Daerah is running at ${product.url}`,
      `  API reference: ${product.url}/api/v1/docs   OpenAPI: ${product.url}/api/v1/openapi.json`,
      `  Data: ${resolve(repoRoot, '.data')} ${product.seeded ? '(demo data seeded)' : demo ? '(existing data kept)' : ''}`,
      ...(demo
        ? [
            '  Demo sign-in (no password; pick a user on the sign-in page, or POST /api/v1/dev/login {"email"}):',
            ...logins.map((email) => `    ${email}`),
          ]
        : [
            '  Real accounts only (INOVASI_DEMO=0): sign in with e-mail and password.',
            ...(product.firstAdminInvitation
              ? [
                  `  Set the first platform administrator's password (valid 7 days): ${product.firstAdminInvitation}`,
                ]
              : []),
          ]),
      '  Stop with Ctrl+C.',
      '',
    ].join('\n'),
  );
  const shutdown = async () => {
    await product.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  console.error(error instanceof JavaMissingError ? error.message : error);
  process.exit(1);
}
