import { type Actor, ROLES, type Role } from '@inovasi/core';
import { jwtVerify, SignJWT } from 'jose';
import type { TokenIssuer, TokenVerifier } from '../deps.ts';

const ISSUER = 'inovasi-local';
const AUDIENCE = 'inovasi-api';

/**
 * The embedded default's identity provider: HS256 tokens signed with a secret that lives with
 * the local data. It carries the same claims the Cognito tokens carry in AWS.
 */
export function localTokens(secret: Uint8Array, ttl = '12h'): TokenIssuer & TokenVerifier {
  return {
    async issue(actor: Actor) {
      return new SignJWT({
        email: actor.email,
        tenant: actor.tenantCode,
        roles: actor.roles.join(','),
        ...(actor.opdId ? { opd: actor.opdId } : {}),
      })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(actor.userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(ttl)
        .sign(secret);
    },
    async verify(token: string) {
      try {
        const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, audience: AUDIENCE });
        return actorFromClaims({
          sub: payload.sub,
          email: payload.email,
          tenant: payload.tenant,
          roles: payload.roles,
          opd: payload.opd,
        });
      } catch {
        return undefined;
      }
    },
  };
}

/** Claims as both issuers carry them; anything malformed is no identity at all. */
export function actorFromClaims(claims: Record<string, unknown>): Actor | undefined {
  const { sub, email, tenant, roles, opd } = claims;
  if (typeof sub !== 'string' || typeof tenant !== 'string' || typeof roles !== 'string') return undefined;
  const roleList = roles
    .split(',')
    .filter((role): role is Role => (ROLES as readonly string[]).includes(role));
  if (roleList.length === 0) return undefined;
  return {
    userId: sub,
    email: typeof email === 'string' ? email : '',
    tenantCode: tenant,
    roles: roleList,
    opdId: typeof opd === 'string' && opd ? opd : undefined,
  };
}
