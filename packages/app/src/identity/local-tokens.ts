import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, jwtVerify, SignJWT } from 'jose';
import type { TokenVerifier, VerifiedIdentity } from '../deps.ts';

/** The embedded OpenID provider's signing algorithm: RS256, what OpenID Connect requires support for. */
export const LOCAL_SIGNING_ALG = 'RS256';

export interface LocalTokenSettings {
  /** The local OpenID provider's issuer URL, e.g. `http://127.0.0.1:8787/oidc`. */
  readonly issuer: string;
  /** The web app's client id: the ID token's audience. */
  readonly audience: string;
}

/** A fresh RSA signing key as a private JWK with a key id (kept under `.data/` by the local runtime). */
export async function generateSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(LOCAL_SIGNING_ALG, { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, alg: LOCAL_SIGNING_ALG, use: 'sig', kid: crypto.randomUUID() };
}

/** The public half of a private RSA JWK: what the API needs to check signatures. */
export function publicJwk(privateJwk: JWK): JWK {
  const { kty, n, e, kid, alg, use } = privateJwk;
  return { kty, n, e, kid, alg, use };
}

/**
 * ID tokens of the embedded OpenID provider, checked with jose against the provider's own key set
 * (held in memory: the provider runs in the same process, so there is nothing to fetch).
 */
export function localTokenVerifier(settings: LocalTokenSettings, keys: readonly JWK[]): TokenVerifier {
  const keySet = createLocalJWKSet({ keys: keys.map(publicJwk) });
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, keySet, {
          issuer: settings.issuer,
          audience: settings.audience,
          algorithms: [LOCAL_SIGNING_ALG],
        });
        return identityFromClaims(payload);
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * Demo mode only: signs an ID token for a demo user the way the provider would, so scripts and
 * tests can sign in without a browser. It carries who the person is and nothing else.
 */
export function demoTokenIssuer(settings: LocalTokenSettings, privateJwk: JWK, ttlSeconds = 3600) {
  return {
    async issue(identity: VerifiedIdentity): Promise<string> {
      return new SignJWT({ email: identity.email, email_verified: true })
        .setProtectedHeader({ alg: LOCAL_SIGNING_ALG, kid: privateJwk.kid })
        .setSubject(identity.subject)
        .setIssuer(settings.issuer)
        .setAudience(settings.audience)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(privateJwk);
    },
  };
}

export type DemoTokenIssuer = ReturnType<typeof demoTokenIssuer>;

/** Both issuers prove the same two things: a stable subject and the person's e-mail address. */
export function identityFromClaims(claims: Record<string, unknown>): VerifiedIdentity | undefined {
  const { sub, email } = claims;
  if (typeof sub !== 'string' || !sub || typeof email !== 'string' || !email.includes('@')) return undefined;
  return { subject: sub, email: email.trim().toLowerCase() };
}

/** The settings a process without the OpenID provider in front of it uses (tests, benchmarks, scripts). */
export const DETACHED_TOKEN_SETTINGS: LocalTokenSettings = {
  issuer: 'http://127.0.0.1/oidc',
  audience: 'inovasi-web',
};

/**
 * A verifier and the demo issuer over one key, for a process that signs in demo users without the
 * provider (integration tests, benchmarks). `pnpm start` uses the provider's own key and issuer.
 */
export async function demoIdentity(settings: LocalTokenSettings = DETACHED_TOKEN_SETTINGS, privateJwk?: JWK) {
  const key = privateJwk ?? (await generateSigningKey());
  return { verifier: localTokenVerifier(settings, [key]), demoTokens: demoTokenIssuer(settings, key) };
}
