/**
 * Per-user and per-tenant token buckets for writes and uploads, so that one region (or one runaway
 * script inside it) cannot starve the others. The buckets live in the process: locally that is the
 * whole server; in AWS it is one Lambda instance, and API Gateway's stage throttling bounds the
 * total in front of every instance (docs/decisions/0012-abuse-faults-and-limits.md).
 */
export interface BucketLimit {
  /** Requests allowed at once, after a quiet period. */
  readonly burst: number;
  /** Sustained rate the bucket refills at. */
  readonly perSecond: number;
}

export interface RateLimitSettings {
  readonly userWrites: BucketLimit;
  readonly tenantWrites: BucketLimit;
  readonly userUploads: BucketLimit;
  readonly tenantUploads: BucketLimit;
}

/**
 * Generous for people (an operator filling forms writes a few times a minute; a Bappeda admin
 * importing a list of 100 innovations finishes in under a minute), tight for scripts. Documented in
 * README.md and ADR 0012; changing them is a product decision.
 */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  userWrites: { burst: 30, perSecond: 1 },
  tenantWrites: { burst: 120, perSecond: 5 },
  userUploads: { burst: 10, perSecond: 0.2 },
  tenantUploads: { burst: 40, perSecond: 1 },
};

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Routes that hand out an upload (presigned request) or register one. Of the evidence routes only
 * `evidence/uploads` and `evidence/urls` do; completing, linking, describing or deleting an item are
 * ordinary writes (an operator links one SK to a dozen answers in a minute).
 */
const UPLOAD_PATH = /\/evidence\/(uploads|urls)$|\/(uploads?|attachments?)(\/|$)/;

export type RequestKind = 'read' | 'write' | 'upload';

export const requestKind = (method: string, path: string): RequestKind => {
  if (!WRITE_METHODS.has(method.toUpperCase())) return 'read';
  return UPLOAD_PATH.test(path) ? 'upload' : 'write';
};

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface Decision {
  readonly allowed: boolean;
  /** Whole seconds until the request would be allowed (the `Retry-After` value). */
  readonly retryAfterSeconds: number;
}

/**
 * A set of token buckets keyed by (limit name, user or tenant). A request takes one token from
 * every bucket it belongs to, or from none: a refused request costs nothing, so a user held back by
 * the tenant's bucket does not also drain their own. Memory is bounded: the least recently used
 * keys are dropped (a dropped bucket comes back full, which only ever errs on the generous side).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly settings: RateLimitSettings = DEFAULT_RATE_LIMITS,
    private readonly now: () => number = () => performance.now(),
    private readonly maxKeys = 10_000,
  ) {}

  /** Decides one request of `kind` by `userId` of `tenantCode`; reads are never limited here. */
  take(kind: RequestKind, tenantCode: string, userId: string): Decision {
    if (kind === 'read') return { allowed: true, retryAfterSeconds: 0 };
    const wanted: [string, BucketLimit][] = [
      [`user-writes#${tenantCode}#${userId}`, this.settings.userWrites],
      [`tenant-writes#${tenantCode}`, this.settings.tenantWrites],
    ];
    if (kind === 'upload') {
      wanted.push(
        [`user-uploads#${tenantCode}#${userId}`, this.settings.userUploads],
        [`tenant-uploads#${tenantCode}`, this.settings.tenantUploads],
      );
    }
    const now = this.now();
    const buckets = wanted.map(([key, limit]) => ({ key, limit, bucket: this.refill(key, limit, now) }));
    const short = buckets.filter(({ bucket }) => bucket.tokens < 1);
    if (short.length > 0) {
      const waitMs = Math.max(
        ...short.map(({ bucket, limit }) => ((1 - bucket.tokens) / limit.perSecond) * 1000),
      );
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
    for (const { bucket } of buckets) bucket.tokens -= 1;
    return { allowed: true, retryAfterSeconds: 0 };
  }

  private refill(key: string, limit: BucketLimit, now: number): Bucket {
    const existing = this.buckets.get(key);
    if (existing) {
      // Re-insert to keep the map in least-recently-used order.
      this.buckets.delete(key);
      existing.tokens = Math.min(
        limit.burst,
        existing.tokens + ((now - existing.updatedAt) / 1000) * limit.perSecond,
      );
      existing.updatedAt = now;
      this.buckets.set(key, existing);
      return existing;
    }
    if (this.buckets.size >= this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    const bucket = { tokens: limit.burst, updatedAt: now };
    this.buckets.set(key, bucket);
    return bucket;
  }
}
