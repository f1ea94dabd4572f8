import type { Logger } from '@aws-lambda-powertools/logger';
import type { Actor } from '@inovasi/core';
import type { ScopedClientFactory } from '@inovasi/data';
import type { AreaDirectory } from './areas.ts';

export type AppMode = 'local' | 'aws';

/** Turns a bearer token into the caller's identity, or undefined when it is not valid. */
export interface TokenVerifier {
  verify(token: string): Promise<Actor | undefined>;
}

/** Issues tokens for demo users; exists only in local mode. */
export interface TokenIssuer {
  issue(actor: Actor): Promise<string>;
}

export interface AppDeps {
  readonly mode: AppMode;
  readonly data: ScopedClientFactory;
  readonly verifier: TokenVerifier;
  readonly issuer?: TokenIssuer | undefined;
  readonly areas: AreaDirectory;
  readonly logger: Logger;
}
