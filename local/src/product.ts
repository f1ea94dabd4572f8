import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '@inovasi/api/server';
import { officialAreas } from '@inovasi/app/areas';
import { INVITATION_TTL_MS } from '@inovasi/app/identity/identity-admin';
import { demoTokenIssuer, localTokenVerifier } from '@inovasi/app/identity/local-tokens';
import { createLogger } from '@inovasi/app/logging';
import {
  type DataConfig,
  normaliseEmail,
  platformAdminScope,
  platformRepositoryFor,
  ScopedClientFactory,
} from '@inovasi/data';
import { ulid } from 'ulid';
import { newInvitationToken } from './identity/accounts.ts';
import { loadProviderSecrets } from './identity/keys.ts';
import { localIdentityAdmin } from './identity/local-identity-admin.ts';
import { createLocalOpenIdProvider, OIDC_PATH, WEB_CLIENT_ID, WEB_SCOPE } from './identity/provider.ts';
import { startScheduledJobs } from './scheduled-jobs.ts';
import { seedDemoData } from './seed.ts';
import { freePort, startLocalStack } from './stack.ts';
import type { DeadLetter, StreamPoller } from './stream/poller.ts';
import { startSummaryProjection } from './summary-projection.ts';

export interface LocalProductOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** Persist here; omitted: throwaway state removed on stop. */
  readonly dataDir?: string | undefined;
  readonly seed: boolean;
  /** The built web app to serve at `/`. */
  readonly webDist?: string | undefined;
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
  /**
   * The timers of the scheduled jobs (summary rebuild, jobs sweep, reminders, outbox); on unless
   * `false`, which only a test sets when a timer would race what it checks.
   */
  readonly scheduledJobs?: boolean | undefined;
  /**
   * Demo mode (the default): demo data, and demo users sign in without a password from the
   * sign-in page and `/api/v1/dev/login`. `false` (`INOVASI_DEMO=0`): real accounts only.
   */
  readonly demo?: boolean | undefined;
  /** Extra browser origins (e.g. a Vite dev server) allowed by CORS; the served web app is same-origin. */
  readonly webOrigins?: readonly string[] | undefined;
  /** How long a member record is trusted before it is read again (≤ 60 s); tests shorten it. */
  readonly memberCacheMs?: number | undefined;
  /** How long the provider's ID tokens live (one hour); a test of the renewal shortens it. */
  readonly tokenTtlSeconds?: number | undefined;
  /**
   * Without demo data: the first platform administrator, invited on the first start of an empty
   * store (`INOVASI_ADMIN_EMAIL`); the link to set the password is returned, to be printed.
   */
  readonly firstAdminEmail?: string | undefined;
}

export interface LocalProduct {
  readonly url: string;
  /** Where the embedded default "sends" e-mail: one JSON line per message. */
  readonly outboxFile: string;
  readonly config: DataConfig;
  readonly seeded: boolean;
  /** The single-use link that sets the first platform administrator's password, when one was invited. */
  readonly firstAdminInvitation?: string | undefined;
  /**
   * Resolves once every change committed so far has reached the summaries (the projector on the
   * table's stream has caught up, docs/decisions/0018): for tests that read a summary after a write.
   */
  summariesProjected(timeoutMs?: number): Promise<void>;
  /** Stream records the projector set aside after repeated failures (also in `.data/`). */
  readonly projectorDeadLetters: readonly DeadLetter[];
  stop(): Promise<void>;
}

/**
 * Where a running product leaves its stack's endpoints (loopback, fake credentials), so that
 * commands such as `summaries:rebuild` use it instead of starting a second DynamoDB on the same data.
 */
export const RUNNING_STACK_FILE = 'local-stack.json';

/** The first platform administrator of a store that has none; undefined when one exists already. */
async function inviteFirstPlatformAdmin(
  data: ScopedClientFactory,
  origin: string,
  email: string,
): Promise<string | undefined> {
  const platform = platformRepositoryFor(data.forScope(platformAdminScope));
  if ((await platform.listAdmins()).length > 0) return undefined;
  const { token, secretHash } = newInvitationToken(email);
  const now = new Date().toISOString();
  await platform.createAdmin(
    {
      id: ulid(),
      email: normaliseEmail(email),
      name: 'Admin Platform',
      roles: ['platform_admin'],
      version: 1,
      createdAt: now,
      updatedAt: now,
    },
    { expiresAt: new Date(Date.now() + INVITATION_TTL_MS).toISOString(), secretHash },
  );
  return `${origin}${OIDC_PATH}/undangan/${token}`;
}

/** The whole product on one machine: local stack, demo data, API and web on one port. */
export async function startLocalProduct(options: LocalProductOptions): Promise<LocalProduct> {
  const stack = await startLocalStack({ dataDir: options.dataDir });
  let projector: StreamPoller | undefined;
  try {
    const data = new ScopedClientFactory(stack.config);
    const areas = officialAreas();
    const demo = options.demo ?? true;
    const seeded = options.seed && demo ? await seedDemoData(data, areas) : false;
    // The provider's issuer is the product's own origin, so the port is fixed before anything starts.
    const port = options.port || (await freePort());
    const origin = `http://127.0.0.1:${port}`;
    const secrets = await loadProviderSecrets(stack.dataDir);
    const provider = createLocalOpenIdProvider({
      origin,
      signingKey: secrets.signingKey,
      cookieKeys: secrets.cookieKeys,
      deps: { data },
      demo,
      tokenTtlSeconds: options.tokenTtlSeconds,
    });
    const tokenSettings = { issuer: provider.issuer, audience: WEB_CLIENT_ID };
    const firstAdminInvitation =
      !demo && options.firstAdminEmail
        ? await inviteFirstPlatformAdmin(data, origin, options.firstAdminEmail)
        : undefined;
    const logLevel = options.logLevel ?? 'INFO';
    // Persistent data resumes from its checkpoint (the first start projects the whole stream);
    // throwaway data was seeded a moment ago with its summaries, so only what follows matters.
    projector = startSummaryProjection({
      config: stack.config,
      data,
      logger: createLogger({ serviceName: 'inovasi-summary-projector', logLevel }),
      dataDir: options.dataDir ? stack.dataDir : undefined,
      startAt: options.dataDir ? 'trim-horizon' : 'latest',
    });
    const running = projector;
    await running.ready;
    const server = await startServer(
      {
        mode: 'local',
        data,
        verifier: localTokenVerifier(tokenSettings, [secrets.signingKey]),
        demoTokens: demo ? demoTokenIssuer(tokenSettings, secrets.signingKey) : undefined,
        signIn: { provider: 'local', authority: provider.issuer, clientId: WEB_CLIENT_ID, scope: WEB_SCOPE },
        identityAdmin: localIdentityAdmin({ origin, revoke: provider.revoke }),
        memberCacheMs: options.memberCacheMs,
        areas,
        logger: createLogger({ serviceName: 'inovasi-api', logLevel }),
        webOrigins: options.webOrigins ?? [],
      },
      { port, webDist: options.webDist, mounts: [{ prefix: OIDC_PATH, handle: provider.handle }] },
    );
    const outboxFile = join(stack.dataDir, 'outbox.jsonl');
    const jobs = options.scheduledJobs === false ? undefined : startScheduledJobs(data, outboxFile);
    const runningStackFile = join(stack.dataDir, RUNNING_STACK_FILE);
    if (options.dataDir) writeFileSync(runningStackFile, JSON.stringify(stack.config), { mode: 0o600 });
    return {
      url: server.url,
      config: stack.config,
      seeded,
      firstAdminInvitation,
      outboxFile,
      summariesProjected: (timeoutMs) => running.caughtUp(timeoutMs),
      get projectorDeadLetters() {
        return running.deadLetters;
      },
      stop: async () => {
        jobs?.stop();
        rmSync(runningStackFile, { force: true });
        await server.stop();
        await running.stop();
        await stack.stop();
      },
    };
  } catch (error) {
    await projector?.stop();
    await stack.stop();
    throw error;
  }
}
