import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKey } from '@inovasi/app/identity/local-tokens';
import type { JWK } from 'jose';

export interface ProviderSecrets {
  readonly signingKey: JWK;
  readonly cookieKeys: readonly string[];
}

/**
 * The provider's signing key and cookie keys, generated once and kept with the data (readable by
 * the owner only), so sessions and tokens survive a restart of `pnpm start`.
 */
export async function loadProviderSecrets(dataDir: string): Promise<ProviderSecrets> {
  const folder = join(dataDir, 'oidc');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const file = join(folder, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ProviderSecrets;
  const secrets: ProviderSecrets = {
    signingKey: await generateSigningKey(),
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}
