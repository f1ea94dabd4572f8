import type { Actor, Role } from '@inovasi/core';
import type { AppDeps } from '../deps.ts';

/** Who must sign in with an authenticator app where the provider offers one (issue #16). */
export const MFA_ROLES: readonly Role[] = ['platform_admin', 'tenant_admin'];

/** How long a "TOTP is on" answer is trusted; the same bound as the member record's. */
export const MAX_MFA_CACHE_MS = 60_000;

export const mustUseMfa = (actor: Actor): boolean => actor.roles.some((role) => MFA_ROLES.includes(role));

/**
 * Whether a caller may act as far as MFA goes (docs/decisions/0024). Cognito cannot require MFA
 * for some groups only, so the pool keeps it optional and the API asks the provider whether an
 * administrator has TOTP turned on. Only the "yes" is remembered (at most 60 s, like the member
 * record): the "no" is asked again, so the request right after enrolment already passes, and
 * turning TOTP off is noticed within the bound. In the embedded default the provider has no MFA
 * and the gate lets everyone through.
 */
export function mfaGate(deps: Pick<AppDeps, 'mode' | 'identityAdmin'>, maxAgeMs = MAX_MFA_CACHE_MS) {
  const ttl = Math.min(Math.max(maxAgeMs, 0), MAX_MFA_CACHE_MS);
  const enrolledUntil = new Map<string, number>();
  const provider = deps.identityAdmin;
  const enforced = deps.mode === 'aws' && typeof provider?.totpEnrolled === 'function';
  return {
    enforced,
    async satisfied(actor: Actor): Promise<boolean> {
      if (!enforced || !provider?.totpEnrolled || !mustUseMfa(actor)) return true;
      const now = Date.now();
      const until = enrolledUntil.get(actor.email);
      if (until !== undefined && until > now) return true;
      enrolledUntil.delete(actor.email);
      const enrolled = await provider.totpEnrolled(actor.email);
      if (enrolled && ttl > 0) rememberEnrolled(enrolledUntil, actor.email, now + ttl);
      return enrolled;
    },
  };
}

/** Bounded like the member cache: only administrators ever land here, so it stays small. */
function rememberEnrolled(enrolledUntil: Map<string, number>, email: string, until: number): void {
  if (enrolledUntil.size >= 10_000) {
    const oldest = enrolledUntil.keys().next().value;
    if (oldest !== undefined) enrolledUntil.delete(oldest);
  }
  enrolledUntil.set(email, until);
}

export type MfaGate = ReturnType<typeof mfaGate>;
