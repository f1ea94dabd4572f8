import type { ApiErrorBody } from './model.ts';

/** A failed API call, carrying the server's error body (its `message` is already in the user's language). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly details: { field: string; message: string }[];
  /**
   * True when the body is the API's own error (a code and a localised message). A gateway, CDN or
   * proxy answers with its own text or HTML, which is neither localised nor meant for people.
   */
  readonly fromServer: boolean;

  constructor(status: number, body: Partial<ApiErrorBody> | undefined) {
    // openapi-fetch hands over the raw text when the body is not JSON, so do not trust its shape.
    const error = typeof body === 'object' && body !== null ? body.error : undefined;
    super(error?.message ?? `HTTP ${status}`);
    this.fromServer = typeof error?.message === 'string' && typeof error.code === 'string';
    this.name = 'ApiError';
    this.status = status;
    this.code = error?.code ?? 'http_error';
    this.field = error?.field;
    this.details = error?.details ?? [];
  }

  get isConflict(): boolean {
    return this.status === 409;
  }

  /** A stale `If-Match`: someone saved the record after it was read. Other 409s are rule refusals. */
  get isVersionConflict(): boolean {
    return this.status === 409 && (this.code === 'version_conflict' || this.field === 'If-Match');
  }

  /** Messages per form field, from both `field` and `details`, so a form can show each next to its input. */
  fieldMessages(): Record<string, string> {
    const messages: Record<string, string> = {};
    for (const detail of this.details) messages[detail.field] ??= detail.message;
    if (this.field) messages[this.field] ??= this.message;
    return messages;
  }
}

/** Thrown when no response arrived at all (offline, DNS, server down). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network_error', { cause });
    this.name = 'NetworkError';
  }
}
