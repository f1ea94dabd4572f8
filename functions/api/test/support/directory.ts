import type { Actor } from '@inovasi/core';
import type { AppDeps } from '../../src/deps.ts';

/**
 * A stand-in identity provider and member directory for in-process API tests: each token proves
 * its actor's e-mail, and that actor's member record grants the roles (as the login directory and
 * member records would; docs/decisions/0020).
 */
export function directoryOf(actors: Record<string, Actor>): Pick<AppDeps, 'verifier' | 'findMember'> & {
  readonly identities: Record<string, { subject: string; email: string }>;
} {
  const identities = Object.fromEntries(
    Object.entries(actors).map(([token, actor]) => [token, { subject: actor.userId, email: actor.email }]),
  );
  const members = Object.fromEntries(
    Object.values(actors).map((actor) => [
      actor.email,
      {
        actor,
        member: {
          id: actor.userId,
          email: actor.email,
          name: actor.email,
          roles: [...actor.roles],
          version: 1,
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
        },
      },
    ]),
  );
  return {
    identities,
    verifier: { verify: async (token) => identities[token] },
    findMember: async (email) => members[email],
  };
}
