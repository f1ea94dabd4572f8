import { identityFromClaims } from '@inovasi/app/identity/local-tokens';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';
import type { TokenVerifier } from '../deps.ts';

/**
 * Cognito ID tokens in AWS. aws-jwt-verify caches the pool's JWKS, so a request does not fetch
 * keys (Hono's own JWK middleware would). Only who the person is comes from the token: roles,
 * region and OPD are read from the member record on every request (docs/decisions/0020).
 */
export function cognitoTokens(userPoolId: string, clientId: string, knownJwks?: Jwks): TokenVerifier {
  const verifier = CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: 'id' });
  // Tests hand the pool's keys over instead of letting the verifier fetch them.
  if (knownJwks) verifier.cacheJwks(knownJwks);
  return {
    async verify(token: string) {
      try {
        const payload = await verifier.verify(token);
        // Every account is created with a verified address, and the pool keeps the original address
        // until a new one is verified; an unverified address would let someone name an address
        // that is not theirs (the first platform administrator's, say).
        if (payload.email_verified !== true) return undefined;
        return identityFromClaims(payload);
      } catch {
        return undefined;
      }
    },
  };
}
