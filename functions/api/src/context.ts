import type { Actor, Language } from '@inovasi/core';
import type { Context } from 'hono';
import type { AppDeps } from './deps.ts';
import { ApiError } from './errors.ts';
import type { MemberDirectory } from './identity.ts';
import type { RequestLogger } from './logging.ts';

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    language: Language;
    logger: RequestLogger;
    actor: Actor | undefined;
    memberDirectory: MemberDirectory;
  };
}

export type AppContext = Context<AppEnv>;

export function requireActor(c: AppContext): Actor {
  const actor = c.get('actor');
  if (!actor) throw new ApiError(401, 'unauthenticated');
  return actor;
}

/** Versions travel as ETag / If-Match: `"3"`. Without one a write could overwrite someone's change. */
export function expectedVersion(c: AppContext): number {
  const header = c.req.header('If-Match');
  if (!header) throw new ApiError(428, 'precondition_required', 'If-Match');
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw new ApiError(400, 'validation_failed', 'If-Match');
  return Number(match[1]);
}

export const etag = (version: number): string => `"${version}"`;
