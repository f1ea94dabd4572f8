/**
 * Token buckets per user, per tenant and per anonymous client address, for reads, writes and
 * uploads, so that one region (or one runaway script inside it, or one address hammering the public
 * catalogue) cannot starve the others. Expensive reads cost more tokens than plain ones.
 *
 * The in-process buckets here are the first line in every runtime: locally they are the whole
 * limit; in AWS a request they refuse never costs a store write, and a request they allow is then
 * charged to the shared store (`SharedRateLimitStore`, DynamoDB), so the limit holds across Lambda
 * instances (docs/decisions/0012 and 0022).
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
  /** Reads by one signed-in user, in tokens (an expensive read takes `expensiveReadCost`). */
  readonly userReads: BucketLimit;
  /** Reads by every user of one region together, in tokens. */
  readonly tenantReads: BucketLimit;
  /** Every request without a signed-in user (the public catalogue, sign-in), per client address. */
  readonly anonymous: BucketLimit;
  /** Tokens an expensive read takes (projection, advice, portfolio, exports); plain reads take 1. */
  readonly expensiveReadCost: number;
  /**
   * Tokens a what-if simulation takes: computed from the request alone (no reads of the region),
   * and sent by the what-if screen on every change, so cheaper than the expensive reads.
   */
  readonly simulationCost: number;
}

/**
 * Generous for people (an operator filling forms writes a few times a minute; a Bappeda admin
 * importing a list of 100 innovations finishes in under a minute; a page of the web app makes 5–20
 * reads; someone browsing the catalogue searches a few times a minute), tight for scripts.
 * Documented in README.md and ADR 0022; changing them is a product decision.
 */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  userWrites: { burst: 30, perSecond: 1 },
  tenantWrites: { burst: 120, perSecond: 5 },
  userUploads: { burst: 10, perSecond: 0.2 },
  tenantUploads: { burst: 40, perSecond: 1 },
  userReads: { burst: 200, perSecond: 4 },
  tenantReads: { burst: 1_000, perSecond: 20 },
  anonymous: { burst: 60, perSecond: 1 },
  // An advice read costs as much as 20 list reads: 10 at once, then one every 5 s per user.
  expensiveReadCost: 20,
  // 40 what-if changes at once, then about one a second.
  simulationCost: 5,
};

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Routes that hand out an upload (presigned request) or register one. Of the evidence routes only
 * `evidence/uploads` and `evidence/urls` do; completing, linking, describing or deleting an item are
 * ordinary writes (an operator links one SK to a dozen answers in a minute).
 */
const UPLOAD_PATH = /\/evidence\/(uploads|urls)$|\/(uploads?|attachments?)(\/|$)/;
/**
 * Reads that load a whole region's period or build a file: the projection, its advice and its
 * portfolio, the gap heat map, the audit CSV, an export's download and the national entry. Measured in issue 19:
 * 300 advice reads by one operator moved another region's p50 from 15 to 512 ms, where plain
 * reads barely move it.
 */
const EXPENSIVE_READ_PATH =
  /\/projection(\/advice|\/portfolio)?$|\/periods\/\d+\/gaps$|\/audit\/export$|\/exports\/[^/]+\/download$|\/national-entry$/;
/** The what-if simulation: a POST that stores nothing, so a (costed) read. */
const SIMULATION_PATH = /\/scoring\/simulate$/;

export type RequestKind = 'read' | 'write' | 'upload';

export const requestKind = (method: string, path: string): RequestKind => {
  if (method.toUpperCase() === 'POST' && SIMULATION_PATH.test(path)) return 'read';
  if (!WRITE_METHODS.has(method.toUpperCase())) return 'read';
  return UPLOAD_PATH.test(path) ? 'upload' : 'write';
};

/** Tokens one request takes from each read bucket: the expensive reads cost more. */
export const readCost = (path: string, settings: RateLimitSettings): number => {
  if (EXPENSIVE_READ_PATH.test(path)) return settings.expensiveReadCost;
  return SIMULATION_PATH.test(path) ? settings.simulationCost : 1;
};

/** One bucket a request takes tokens from. */
export interface Charge {
  /** Which bucket (limit name and owner), e.g. `user-reads#35.22#u1`. */
  readonly key: string;
  readonly limit: BucketLimit;
  readonly cost: number;
}

/** Who is asking: a signed-in user of a tenant, or an anonymous client by its address. */
export type Caller =
  | { readonly tenantCode: string; readonly userId: string }
  | { readonly clientAddress: string };

/** The buckets one request is charged to. */
export function chargesFor(
  settings: RateLimitSettings,
  caller: Caller,
  method: string,
  path: string,
): Charge[] {
  const kind = requestKind(method, path);
  if ('clientAddress' in caller) {
    const cost = kind === 'read' ? readCost(path, settings) : 1;
    return [{ key: `anonymous#${caller.clientAddress}`, limit: settings.anonymous, cost }];
  }
  const { tenantCode, userId } = caller;
  if (kind === 'read') {
    const cost = readCost(path, settings);
    return [
      { key: `user-reads#${tenantCode}#${userId}`, limit: settings.userReads, cost },
      { key: `tenant-reads#${tenantCode}`, limit: settings.tenantReads, cost },
    ];
  }
  const charges: Charge[] = [
    { key: `user-writes#${tenantCode}#${userId}`, limit: settings.userWrites, cost: 1 },
    { key: `tenant-writes#${tenantCode}`, limit: settings.tenantWrites, cost: 1 },
  ];
  if (kind === 'upload') {
    charges.push(
      { key: `user-uploads#${tenantCode}#${userId}`, limit: settings.userUploads, cost: 1 },
      { key: `tenant-uploads#${tenantCode}`, limit: settings.tenantUploads, cost: 1 },
    );
  }
  return charges;
}

export interface Decision {
  readonly allowed: boolean;
  /** Whole seconds until the request would be allowed (the `Retry-After` value). */
  readonly retryAfterSeconds: number;
}

export const ALLOWED: Decision = { allowed: true, retryAfterSeconds: 0 };

/**
 * The limit shared by every instance of the API (DynamoDB in AWS). `take` charges every bucket and
 * refuses when any of them is spent; it may throw when the store is unavailable.
 */
export interface SharedRateLimitStore {
  take(charges: readonly Charge[]): Promise<Decision>;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A set of in-process token buckets keyed by (limit name, owner). A request takes its tokens from
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

  /** Decides one request of `kind` (a plain read when a read) by `userId` of `tenantCode`. */
  take(kind: RequestKind, tenantCode: string, userId: string): Decision {
    const path = kind === 'upload' ? '/evidence/uploads' : '/';
    const method = kind === 'read' ? 'GET' : 'POST';
    return this.takeCharges(chargesFor(this.settings, { tenantCode, userId }, method, path));
  }

  takeCharges(charges: readonly Charge[]): Decision {
    const now = this.now();
    const buckets = charges.map((charge) => ({ charge, bucket: this.refill(charge.key, charge.limit, now) }));
    const short = buckets.filter(({ charge, bucket }) => bucket.tokens < charge.cost);
    if (short.length > 0) {
      const waitMs = Math.max(
        ...short.map(({ charge, bucket }) =>
          charge.cost > charge.limit.burst
            ? Number.POSITIVE_INFINITY
            : ((charge.cost - bucket.tokens) / charge.limit.perSecond) * 1000,
        ),
      );
      const seconds = Number.isFinite(waitMs) ? Math.ceil(waitMs / 1000) : 3600;
      return { allowed: false, retryAfterSeconds: Math.max(1, seconds) };
    }
    for (const { charge, bucket } of buckets) bucket.tokens -= charge.cost;
    return ALLOWED;
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

/** A fixed-window counter store (`DynamoWindowCounters` of the data package), as this module needs it. */
export interface WindowCounters {
  take(
    charges: readonly { key: string; allowance: number; windowSeconds: number; cost: number }[],
  ): Promise<Decision>;
}

/**
 * A bucket as a fixed window: `burst` tokens per `burst / perSecond` seconds, the same sustained
 * rate and the same first burst as the in-process bucket it stands behind.
 */
export const windowOf = (limit: BucketLimit): { allowance: number; windowSeconds: number } => ({
  allowance: limit.burst,
  windowSeconds: Math.max(1, Math.round(limit.burst / limit.perSecond)),
});

/** The shared limit over window counters: each bucket becomes the window `windowOf` describes. */
export const sharedRateLimitStore = (counters: WindowCounters): SharedRateLimitStore => ({
  take: (charges) =>
    counters.take(
      charges.map((charge) => ({ key: charge.key, cost: charge.cost, ...windowOf(charge.limit) })),
    ),
});
