import type { S3ClientConfig } from '@aws-sdk/client-s3';
import type { DetailShell } from './detail-shell.ts';

/** Where the web build puts the catalogue detail's shell (web/scripts/prerender.mjs), in the bucket too. */
export const DETAIL_SHELL_KEY = 'prerendered/katalog-detail.html';

/**
 * How long an instance keeps the shell it read. A deploy uploads a new shell; until an instance
 * re-reads it, it serves the previous one, whose hashed assets stay in the bucket (they are never
 * pruned, infra/lib/web.ts), so the page still works, only with the previous app.
 */
export const DETAIL_SHELL_TTL_MS = 5 * 60_000;

/**
 * The shell, read once per `ttlMs` and shared by concurrent callers. A failed read is not kept: the
 * next request tries again. `undefined` (no shell, or one older than ADR 0044) is kept like a shell.
 */
export function cachedDetailShell(
  read: () => Promise<string | undefined>,
  ttlMs = DETAIL_SHELL_TTL_MS,
  now: () => number = Date.now,
): () => Promise<DetailShell | undefined> {
  let cached: { readonly at: number; readonly shell: Promise<DetailShell | undefined> } | undefined;
  return () => {
    if (cached && now() - cached.at < ttlMs) return cached.shell;
    const shell = read().then(async (html) => {
      if (html === undefined) return undefined;
      // The page module is loaded with the first shell, not at cold start (docs/decisions/0013).
      const { parseDetailShell } = await import('./catalog-detail-page.ts');
      return parseDetailShell(html);
    });
    const entry = { at: now(), shell };
    cached = entry;
    shell.catch(() => {
      if (cached === entry) cached = undefined;
    });
    return shell;
  };
}

/**
 * The shell from the web bucket, with the function's own role (it may read that one object). The S3
 * SDK is imported on the first catalogue page, not at cold start (docs/decisions/0013).
 */
export function webBucketDetailShell(
  bucket: string,
  clientConfig: S3ClientConfig,
): () => Promise<DetailShell | undefined> {
  let client: Promise<{ send: (key: string) => Promise<string | undefined> }> | undefined;
  const s3 = () => {
    client ??= import('@aws-sdk/client-s3').then(({ S3Client, GetObjectCommand, NoSuchKey }) => {
      const s3Client = new S3Client(clientConfig);
      return {
        send: async (key: string) => {
          try {
            const answer = await s3Client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
            return await answer.Body?.transformToString('utf-8');
          } catch (error) {
            if (error instanceof NoSuchKey) return undefined;
            throw error;
          }
        },
      };
    });
    return client;
  };
  return cachedDetailShell(async () => (await s3()).send(DETAIL_SHELL_KEY));
}
