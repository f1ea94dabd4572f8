import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { TokenVerifier } from '../deps.ts';
import { actorFromClaims } from './local-issuer.ts';

/**
 * Cognito ID tokens in AWS. aws-jwt-verify caches the pool's JWKS, so a request does not fetch
 * keys (Hono's own JWK middleware would). Custom attributes are writable only by administrators.
 */
export function cognitoTokens(userPoolId: string, clientId: string): TokenVerifier {
  const verifier = CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: 'id' });
  return {
    async verify(token: string) {
      try {
        const payload = await verifier.verify(token);
        return actorFromClaims({
          sub: payload.sub,
          email: payload.email,
          tenant: payload['custom:tenant'],
          roles: payload['custom:roles'],
          opd: payload['custom:opd'],
        });
      } catch {
        return undefined;
      }
    },
  };
}
