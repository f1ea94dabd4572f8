import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { TokenVerifier } from '../deps.ts';
import { identityFromClaims } from './local-tokens.ts';

/**
 * Cognito ID tokens in AWS. aws-jwt-verify caches the pool's JWKS, so a request does not fetch
 * keys (Hono's own JWK middleware would). Only who the person is comes from the token: roles,
 * region and OPD are read from the member record on every request (docs/decisions/0020).
 */
export function cognitoTokens(userPoolId: string, clientId: string): TokenVerifier {
  const verifier = CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: 'id' });
  return {
    async verify(token: string) {
      try {
        const payload = await verifier.verify(token);
        return identityFromClaims(payload);
      } catch {
        return undefined;
      }
    },
  };
}
