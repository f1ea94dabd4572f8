import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import type { ScopedClients } from '@inovasi/data';

import { seededRandom } from './random.ts';

/**
 * Fault injection for the AWS SDK clients of the data layer: the one place where a stand-in is
 * right, because DynamoDB Local and s3rver cannot throttle, time out or fail with a 5xx on demand.
 *
 * It wraps each client's HTTP handler (installed through the factory's test-only `instrument`
 * option), so every attempt of every request passes through it *below* the SDK's retry strategy:
 * the SDK deserialises the synthetic error responses exactly as it would AWS's, classifies them,
 * and retries with its own backoff. Nothing above the transport is faked.
 */
export type FaultKind =
  /** DynamoDB `ThrottlingException` (400) or S3 `SlowDown` (503), before the request is sent. */
  | 'throttle'
  /** DynamoDB `InternalServerError` (500) or S3 `InternalError` (500), before the request is sent. */
  | 'server-error'
  /** DynamoDB/S3 `ServiceUnavailable` (503), before the request is sent. */
  | 'unavailable'
  /** The socket times out before the request reaches the server. */
  | 'timeout-before'
  /**
   * The server applies the request, then the response is lost (a timeout): the ambiguous case.
   * A retry must not apply it twice, and the client may learn the outcome only by reading back.
   */
  | 'timeout-after'
  /** The connection is reset before the request reaches the server. */
  | 'connection-reset';

export const ALL_FAULTS: readonly FaultKind[] = [
  'throttle',
  'server-error',
  'unavailable',
  'timeout-before',
  'timeout-after',
  'connection-reset',
];

interface HttpRequestLike {
  headers: Record<string, string>;
  hostname?: string;
  body?: unknown;
}

/** What a fault filter sees of one attempt: the service, DynamoDB's operation and the raw body. */
export interface AttemptView {
  readonly service: Service;
  /** `PutItem`, `TransactWriteItems`, … for DynamoDB; undefined for S3. */
  readonly operation: string | undefined;
  readonly body: string;
}
interface HttpResponseLike {
  statusCode: number;
  headers: Record<string, string>;
  body: unknown;
}
interface HttpHandlerLike {
  handle(request: HttpRequestLike, options?: unknown): Promise<{ response: HttpResponseLike }>;
}

type Service = 'dynamodb' | 's3';

const dynamoError = (type: string, status: number, message: string): HttpResponseLike => ({
  statusCode: status,
  headers: {
    'content-type': 'application/x-amz-json-1.0',
    'x-amzn-requestid': 'FAULTINJECTED',
  },
  body: Readable.from([
    Buffer.from(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message })),
  ]),
});

const s3Error = (code: string, status: number, message: string): HttpResponseLike => ({
  statusCode: status,
  headers: { 'content-type': 'application/xml', 'x-amz-request-id': 'FAULTINJECTED' },
  body: Readable.from([
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>FAULTINJECTED</RequestId></Error>`,
    ),
  ]),
});

const SYNTHETIC: Record<
  'throttle' | 'server-error' | 'unavailable',
  Record<Service, () => HttpResponseLike>
> = {
  throttle: {
    dynamodb: () =>
      dynamoError('ThrottlingException', 400, 'Rate of requests exceeds the allowed throughput.'),
    s3: () => s3Error('SlowDown', 503, 'Please reduce your request rate.'),
  },
  'server-error': {
    dynamodb: () => dynamoError('InternalServerError', 500, 'Internal server error'),
    s3: () => s3Error('InternalError', 500, 'We encountered an internal error. Please try again.'),
  },
  unavailable: {
    dynamodb: () => dynamoError('ServiceUnavailable', 503, 'Service unavailable'),
    s3: () => s3Error('ServiceUnavailable', 503, 'Service is unable to handle request.'),
  },
};

const viewOf = (service: Service, request: HttpRequestLike): AttemptView => {
  const target = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'x-amz-target');
  const { body } = request;
  return {
    service,
    operation: target?.[1].split('.')[1],
    body: typeof body === 'string' ? body : body instanceof Uint8Array ? new TextDecoder().decode(body) : '',
  };
};

const socketError = (message: string, name: string, code: string): Error =>
  Object.assign(new Error(message), { name, code });

export interface FaultStats {
  attempts: number;
  injected: Record<FaultKind, number>;
  /** Attempts that reached the real server (including `timeout-after`). */
  delivered: number;
}

/**
 * Decides, per attempt, whether to fail it and how. `rate` is the share of attempts that fail
 * (0 turns injection off); `script` overrides it with an explicit sequence for the next attempts.
 */
export class FaultInjector {
  rate = 0;
  kinds: readonly FaultKind[] = ALL_FAULTS;
  services: readonly Service[] = ['dynamodb', 's3'];
  /**
   * Only attempts this accepts may fail under `rate` (one step of a request, such as the summary
   * writes after a committed change); undefined lets every attempt fail.
   */
  only: ((attempt: AttemptView) => boolean) | undefined = undefined;
  /** Faults for the next attempts, in order; `null` lets one attempt through. Wins over `rate`. */
  script: (FaultKind | null)[] = [];
  readonly stats: FaultStats = {
    attempts: 0,
    delivered: 0,
    injected: Object.fromEntries(ALL_FAULTS.map((kind) => [kind, 0])) as Record<FaultKind, number>,
  };
  private readonly random: () => number;

  constructor(seed = 20260301) {
    this.random = seededRandom(seed);
  }

  /** The factory's test instrumentation (`ScopedClientFactoryOptions`): spread it into the options. */
  readonly instruments = {
    instrument: (clients: ScopedClients): void => {
      this.wrap(clients.table.config as unknown as { requestHandler: HttpHandlerLike }, 'dynamodb');
    },
    // A scope's S3 client is created on its first file request; it is wrapped then.
    instrumentObjects: (objects: S3Client): void => {
      this.wrap(objects.config as unknown as { requestHandler: HttpHandlerLike }, 's3');
    },
  };

  /** Wraps one client's transport. The config object is shared by a document client and its base client. */
  wrap(config: { requestHandler: HttpHandlerLike }, service: Service): void {
    const real = config.requestHandler;
    if ((real as { faultInjected?: boolean }).faultInjected) return;
    const injector = this;
    const wrapped: HttpHandlerLike & { faultInjected: true } = {
      faultInjected: true,
      async handle(request, options) {
        injector.stats.attempts++;
        const fault = injector.next(service, request);
        if (fault === undefined || fault === 'timeout-after') {
          const result = await real.handle(request, options);
          injector.stats.delivered++;
          if (fault === undefined) return result;
          injector.stats.injected[fault]++;
          // The server has applied the request; its answer never arrives.
          (result.response.body as Readable | undefined)?.resume?.();
          throw socketError('socket timed out after the request was sent', 'TimeoutError', 'ETIMEDOUT');
        }
        injector.stats.injected[fault]++;
        switch (fault) {
          case 'timeout-before':
            throw socketError('socket timed out before the request was sent', 'TimeoutError', 'ETIMEDOUT');
          case 'connection-reset':
            throw socketError('socket hang up', 'Error', 'ECONNRESET');
          default:
            return { response: SYNTHETIC[fault][service]() };
        }
      },
    };
    // Keep the real handler's other members (metadata, destroy, config updates) reachable.
    config.requestHandler = Object.assign(Object.create(real as object), wrapped);
  }

  private next(service: Service, request: HttpRequestLike): FaultKind | undefined {
    if (this.script.length > 0) return this.script.shift() ?? undefined;
    if (this.rate <= 0 || !this.services.includes(service)) return undefined;
    if (this.only && !this.only(viewOf(service, request))) return undefined;
    if (this.random() >= this.rate) return undefined;
    return this.kinds[Math.floor(this.random() * this.kinds.length)];
  }

  /** Runs `work` with faults at `rate`, then turns them off again. */
  async during<T>(rate: number, work: () => Promise<T>): Promise<T> {
    this.rate = rate;
    try {
      return await work();
    } finally {
      this.rate = 0;
    }
  }
}
