import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * AWS Signature Version 4, checked the way S3 checks it, for the local object store: s3rver parses
 * V4 signatures but never verifies them, so without this any process on the machine could read,
 * list or delete any region's files, and a presigned upload's limits (key, size, type, checksum
 * header, expiry) would not hold locally while they hold on S3.
 *
 * Both forms are checked: the `Authorization` header (the SDK's own requests) and the query string
 * (presigned URLs). What a signature covers is exactly what S3 says it covers: method, path as
 * sent, query, the signed headers' values and the payload hash the client declared.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html
 */
export interface SignedRequest {
  readonly method: string;
  /** The request target as received: path and query, still percent-encoded. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

export type Verdict =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: 'AccessDenied' | 'SignatureDoesNotMatch' | 'InvalidAccessKeyId';
      readonly reason: string;
    };

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** S3 refuses a header-signed request more than 15 minutes from its own clock. */
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
/** S3's longest presigned URL: seven days. */
const MAX_PRESIGNED_SECONDS = 7 * 24 * 60 * 60;

const refuse = (code: Exclude<Verdict, { ok: true }>['code'], reason: string): Verdict => ({
  ok: false,
  code,
  reason,
});

/** RFC 3986 encoding, as SigV4 canonicalises query names and values. */
const encodeRfc3986 = (value: string): string =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );

function decodeComponent(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** `20261206T070000Z` → epoch milliseconds. */
function parseAmzDate(value: string | undefined): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0);
}

const headerValue = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};

const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

interface Authorization {
  readonly accessKeyId: string;
  readonly scope: string;
  readonly scopeDate: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: string[];
  readonly signature: string;
  readonly amzDate: string;
  readonly payloadHash: string;
}

function parseCredential(credential: string | undefined) {
  const parts = (credential ?? '').split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') return undefined;
  const [accessKeyId, scopeDate, region, service] = parts as [string, string, string, string];
  return { accessKeyId, scopeDate, region, service, scope: parts.slice(1).join('/') };
}

/** The query's name and value pairs, decoded, in the order sent; a refusal when one does not decode. */
function queryPairs(rawQuery: string): [string, string][] | Verdict {
  const pairs: [string, string][] = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const name = decodeComponent(equals < 0 ? part : part.slice(0, equals));
    const value = decodeComponent(equals < 0 ? '' : part.slice(equals + 1));
    if (name === undefined || value === undefined) return refuse('AccessDenied', 'malformed query string');
    pairs.push([name, value]);
  }
  return pairs;
}

/** The authorization a presigned URL's query carries, or why it is refused. */
function presignedAuthorization(query: ReadonlyMap<string, string>, now: number): Authorization | Verdict {
  if (query.get('X-Amz-Algorithm') !== ALGORITHM) return refuse('AccessDenied', 'unsupported algorithm');
  const credential = parseCredential(query.get('X-Amz-Credential'));
  const amzDate = query.get('X-Amz-Date') ?? '';
  const signedAt = parseAmzDate(amzDate);
  const expires = Number(query.get('X-Amz-Expires'));
  if (!credential || signedAt === undefined) return refuse('AccessDenied', 'malformed presigned URL');
  if (!Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGNED_SECONDS)
    return refuse('AccessDenied', 'X-Amz-Expires out of range');
  if (now > signedAt + expires * 1000) return refuse('AccessDenied', 'Request has expired');
  if (signedAt - now > MAX_CLOCK_SKEW_MS) return refuse('AccessDenied', 'signed in the future');
  return {
    ...credential,
    signedHeaders: (query.get('X-Amz-SignedHeaders') ?? '').split(';'),
    signature: query.get('X-Amz-Signature') ?? '',
    amzDate,
    payloadHash: query.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD',
  };
}

/** The authorization an `Authorization` header carries, or why it is refused. */
function headerAuthorization(request: SignedRequest, header: string, now: number): Authorization | Verdict {
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(
      header.trim(),
    );
  const credential = parseCredential(match?.[1]);
  const amzDate = headerValue(request.headers, 'x-amz-date') ?? '';
  const signedAt = parseAmzDate(amzDate);
  const payloadHash = headerValue(request.headers, 'x-amz-content-sha256');
  if (!match || !credential || signedAt === undefined || payloadHash === undefined)
    return refuse('AccessDenied', 'malformed Authorization header');
  if (Math.abs(now - signedAt) > MAX_CLOCK_SKEW_MS) return refuse('AccessDenied', 'RequestTimeTooSkewed');
  return {
    ...credential,
    signedHeaders: (match[2] ?? '').split(';'),
    signature: match[3] ?? '',
    amzDate,
    payloadHash,
  };
}

/** Why the key, scope or signed headers of an authorization do not fit the store, if they do not. */
function scopeRefusal(auth: Authorization, accessKeyId: string): Verdict | undefined {
  if (auth.accessKeyId !== accessKeyId) return refuse('InvalidAccessKeyId', 'unknown access key');
  if (auth.amzDate.slice(0, 8) !== auth.scopeDate || auth.service !== 's3')
    return refuse('AccessDenied', 'credential scope does not match the request');
  // The host always counts: a signature for one endpoint is not one for another.
  if (!auth.signedHeaders.includes('host')) return refuse('AccessDenied', 'host is not signed');
  if ([...auth.signedHeaders].sort().join(';') !== auth.signedHeaders.join(';'))
    return refuse('AccessDenied', 'signed headers are not sorted');
  return undefined;
}

/** The signature S3 would compute for the request with the store's secret key. */
function expectedSignature(
  request: SignedRequest,
  signed: { path: string; pairs: readonly [string, string][]; presigned: boolean },
  auth: Authorization,
  secretAccessKey: string,
): Buffer {
  const canonicalQuery = signed.pairs
    .filter(([name]) => !(signed.presigned && name === 'X-Amz-Signature'))
    .map(([name, value]) => [encodeRfc3986(name), encodeRfc3986(value)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const canonicalHeaders = auth.signedHeaders
    .map((name) => `${name}:${(headerValue(request.headers, name) ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const canonicalRequest = [
    request.method.toUpperCase(),
    signed.path,
    canonicalQuery,
    canonicalHeaders,
    auth.signedHeaders.join(';'),
    auth.payloadHash,
  ].join('\n');
  const stringToSign = [
    ALGORITHM,
    auth.amzDate,
    auth.scope,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  const signingKey = hmac(
    hmac(hmac(hmac(`AWS4${secretAccessKey}`, auth.scopeDate), auth.region), auth.service),
    'aws4_request',
  );
  return hmac(signingKey, stringToSign);
}

/**
 * Verifies one request against the one key pair the local store knows. `now` is injectable for
 * tests. A CORS preflight carries no signature on S3 either and is not passed here.
 */
export function verifySignatureV4(
  request: SignedRequest,
  credentials: { readonly accessKeyId: string; readonly secretAccessKey: string },
  now = Date.now(),
): Verdict {
  const queryStart = request.url.indexOf('?');
  const path = queryStart < 0 ? request.url : request.url.slice(0, queryStart);
  const rawQuery = queryStart < 0 ? '' : request.url.slice(queryStart + 1);
  const pairs = queryPairs(rawQuery);
  if (!Array.isArray(pairs)) return pairs;
  const query = new Map(pairs);
  const header = headerValue(request.headers, 'authorization');
  const presigned = query.has('X-Amz-Algorithm');
  if (header !== undefined && presigned) return refuse('AccessDenied', 'two authentication mechanisms');

  let auth: Authorization | Verdict;
  if (presigned) auth = presignedAuthorization(query, now);
  else if (header !== undefined) auth = headerAuthorization(request, header, now);
  else return refuse('AccessDenied', 'the request is not signed');
  if ('ok' in auth) return auth;
  const misfit = scopeRefusal(auth, credentials.accessKeyId);
  if (misfit) return misfit;

  const expected = expectedSignature(request, { path, pairs, presigned }, auth, credentials.secretAccessKey);
  const provided = Buffer.from(auth.signature, 'hex');
  if (provided.length !== expected.length || !timingSafeEqual(provided, expected))
    return refuse(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
    );
  return { ok: true };
}
