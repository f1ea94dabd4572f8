import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { cognitoTokens } from '../../src/auth/cognito.ts';

/**
 * Cognito ID tokens as the API reads them: signed by the pool's key for the web client, and naming
 * a verified address. The pool's keys are handed to the verifier, as the JWKS endpoint would.
 */
const POOL = 'ap-southeast-3_Pool12345';
const CLIENT = 'webclient123';
const ISSUER = `https://cognito-idp.ap-southeast-3.amazonaws.com/${POOL}`;

async function pool() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT({ token_use: 'id', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .setIssuer(ISSUER)
      .setAudience(CLIENT)
      .setSubject('sub-1')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  return { verifier: cognitoTokens(POOL, CLIENT, { keys: [jwk as never] }), sign };
}

describe('Cognito ID tokens', () => {
  it('names the person by their verified address', async () => {
    const { verifier, sign } = await pool();
    const identity = await verifier.verify(await sign({ email: 'Sari@Pemda.go.id', email_verified: true }));
    expect(identity).toEqual({ subject: 'sub-1', email: 'sari@pemda.go.id' });
  });

  it('refuses an address the pool has not verified', async () => {
    const { verifier, sign } = await pool();
    expect(
      await verifier.verify(await sign({ email: 'admin@pemda.go.id', email_verified: false })),
    ).toBeUndefined();
    expect(await verifier.verify(await sign({ email: 'admin@pemda.go.id' }))).toBeUndefined();
  });

  it('refuses a token for another client', async () => {
    const { sign } = await pool();
    const other = cognitoTokens(POOL, 'otherclient', { keys: [] });
    expect(
      await other.verify(await sign({ email: 'sari@pemda.go.id', email_verified: true })),
    ).toBeUndefined();
  });
});
