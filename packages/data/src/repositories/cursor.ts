import { InvalidCursorError } from '../errors.ts';

/** Cursors are opaque to clients: the last evaluated key, base64url-encoded. */
export const encodeCursor = (lastKey: Record<string, unknown> | undefined): string | undefined =>
  lastKey ? Buffer.from(JSON.stringify(lastKey)).toString('base64url') : undefined;

export function decodeCursor(cursor: string | undefined): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      parsed &&
      typeof parsed === 'object' &&
      !Array.isArray(parsed) &&
      Object.values(parsed).every((value) => typeof value === 'string')
    ) {
      return parsed as Record<string, string>;
    }
  } catch {
    // fall through: any undecodable cursor is the client's mistake
  }
  throw new InvalidCursorError('cursor is not one this API issued');
}
