import { Logger } from '@aws-lambda-powertools/logger';
import type { LogLevel } from '@aws-lambda-powertools/logger/types';

/**
 * Log redaction. Logs leave the request's trust boundary (CloudWatch, support staff, exports), so
 * they never carry credentials or personal data: values under secret-looking keys are dropped
 * whole, and bearer tokens, JWTs, AWS secrets and e-mail addresses are masked wherever they appear
 * inside a string (an error message, a stack, a path). User ids, tenant codes and request ids stay:
 * they are what an operator needs to follow a request.
 */
export const REDACTED = '[redacted]';

/** Keys whose value is a secret or personal data whatever it looks like. */
const SECRET_KEY =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-amz-security-token|x-api-key|(id|access|refresh|session|bearer)?_?token|password|secret|secretaccesskey|sessiontoken|credentials|email|e-mail|emails|phone|nik)$/i;

const PATTERNS: [RegExp, string][] = [
  // `Bearer <anything>` in a header value or a message.
  [/\bBearer\s+[^\s"',;]+/gi, `Bearer ${REDACTED}`],
  // JWTs (three base64url segments, the first starting with `{"` encoded).
  [/\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g, REDACTED],
  // AWS temporary or long-term access key ids.
  [/\b(?:AKIA|ASIA)[A-Z0-9]{12,}\b/g, REDACTED],
  // E-mail addresses.
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, REDACTED],
];

/** Masks secrets and personal data inside one string. */
export const redactText = (text: string): string =>
  PATTERNS.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);

/** The logger's JSON replacer: runs on every key and value the logger serialises. */
export const redactingReplacer = (key: string, value: unknown): unknown => {
  if (key !== '' && SECRET_KEY.test(key) && value !== undefined && value !== null) return REDACTED;
  if (typeof value === 'string') return redactText(value);
  return value;
};

/** The Powertools logger every runtime uses: structured JSON, redacted. */
export const createLogger = (options: { serviceName?: string; logLevel?: LogLevel } = {}): Logger =>
  new Logger({ ...options, jsonReplacerFn: redactingReplacer });

type LogAttributes = Record<string, unknown>;

/**
 * One request's logger: the process logger, with the request's keys (request id, tenant, user) on
 * every line it writes. Powertools' `createChild()` would build a new Logger and Console for every
 * request, a third of a millisecond that a read of one item cannot spare (docs/performance.md).
 */
export class RequestLogger {
  private keys: LogAttributes;

  constructor(
    private readonly base: Logger,
    keys: LogAttributes,
  ) {
    this.keys = { ...keys };
  }

  /** Adds keys to every later line of this request. */
  appendPersistentKeys(keys: LogAttributes): void {
    this.keys = { ...this.keys, ...keys };
  }

  debug(message: string, attributes?: LogAttributes): void {
    this.base.debug(message, this.withKeys(attributes));
  }

  info(message: string, attributes?: LogAttributes): void {
    this.base.info(message, this.withKeys(attributes));
  }

  warn(message: string, attributes?: LogAttributes): void {
    this.base.warn(message, this.withKeys(attributes));
  }

  error(message: string, attributes?: LogAttributes): void {
    this.base.error(message, this.withKeys(attributes));
  }

  private withKeys(attributes: LogAttributes | undefined): LogAttributes {
    return attributes ? { ...this.keys, ...attributes } : this.keys;
  }
}
