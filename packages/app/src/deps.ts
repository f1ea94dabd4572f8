import type { Logger } from '@aws-lambda-powertools/logger';
import type { Actor, EvidenceLimits, Member } from '@inovasi/core';
import type { ScopedClientFactory } from '@inovasi/data';
import type { AreaDirectory } from './areas.ts';
import type { IdentityAdmin } from './identity/identity-admin.ts';
import type { JobDispatcher } from './jobs/job-ref.ts';

export type AppMode = 'local' | 'aws';

/** Who a valid bearer token says the person is. It grants nothing: access comes from the member record. */
export interface VerifiedIdentity {
  readonly subject: string;
  /** Lower-cased; the key of the platform-wide login directory. */
  readonly email: string;
}

/** Turns a bearer token into the person it was issued to, or undefined when it is not valid. */
export interface TokenVerifier {
  verify(token: string): Promise<VerifiedIdentity | undefined>;
}

/** The member a signed-in address belongs to, and the caller that member makes. */
export interface MemberIdentity {
  readonly actor: Actor;
  readonly member: Member;
}

/** Issues tokens for demo users; present only in demo mode, and then `/dev/*` exists. */
export interface DemoTokens {
  issue(identity: VerifiedIdentity): Promise<string>;
}

/**
 * What the services need from their composition root, whoever calls them: the HTTP app (whose
 * `AppDeps` extends this with its HTTP settings), a worker, or the local runner.
 */
export interface ServiceDeps {
  readonly mode: AppMode;
  readonly data: ScopedClientFactory;
  /** The identity provider's side of invitations, disabling and removal: Cognito in AWS, the local provider. */
  readonly identityAdmin?: IdentityAdmin | undefined;
  /**
   * Reads the member behind a signed-in address; the login directory and member records by
   * default. A unit test of HTTP behaviour passes a table of its own.
   */
  readonly findMember?: ((email: string) => Promise<MemberIdentity | undefined>) | undefined;
  /**
   * AWS: the address the deploy created in Cognito as the first platform administrator. Its first
   * sign-in makes it the platform's administrator member while the platform has none.
   */
  readonly firstPlatformAdminEmail?: string | undefined;
  /** How long a member record is trusted before it is read again; at most 60 s (the default). */
  readonly memberCacheMs?: number | undefined;
  readonly areas: AreaDirectory;
  readonly logger: Logger;
  /** Evidence intake limits (file sizes, video length, per-region quota); the defaults when absent. */
  readonly evidenceLimits?: EvidenceLimits | undefined;
  /**
   * Where export and import jobs go once queued: absent, they run in this process (the embedded
   * default, tests); in AWS a dispatcher that invokes the worker function (docs/decisions/0011).
   */
  readonly jobs?: JobDispatcher | undefined;
}
