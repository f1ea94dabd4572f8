import { ERROR_CODE_VARIANTS, ERROR_MESSAGES, LANGUAGES, publicErrorCode } from '@inovasi/core';
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, httpErrorOf } from '../src/error-map.ts';

// Every code a layer may throw: the public ones (keyed by their messages) and their variants.
const ALL_CODES = [...Object.keys(ERROR_MESSAGES), ...Object.keys(ERROR_CODE_VARIANTS)].sort();

describe('the central error map', () => {
  it('gives every code a status, and names no code that does not exist', () => {
    // Arrange
    const mapped = Object.keys(ERROR_STATUS).sort();

    // Act
    const missing = ALL_CODES.filter((code) => !(code in ERROR_STATUS));
    const unknown = mapped.filter((code) => !ALL_CODES.includes(code));

    // Assert
    expect(missing).toEqual([]);
    expect(unknown).toEqual([]);
  });

  it.each(ALL_CODES)('answers %s with an error status and words in both languages', (code) => {
    // Act
    const { status, code: answered } = httpErrorOf(code as keyof typeof ERROR_STATUS);

    // Assert
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
    expect(answered in ERROR_MESSAGES).toBe(true);
    for (const language of LANGUAGES) expect(ERROR_MESSAGES[answered][language].trim()).not.toBe('');
  });

  it('answers a variant under its public code with its own status', () => {
    // Act
    const missing = httpErrorOf('catalog_entry_missing');
    const conflict = httpErrorOf('catalog_not_published');
    const cursor = httpErrorOf('invalid_cursor');

    // Assert
    expect(missing).toEqual({ status: 404, code: 'catalog_not_published' });
    expect(conflict).toEqual({ status: 409, code: 'catalog_not_published' });
    expect(cursor).toEqual({ status: 400, code: 'validation_failed' });
    expect(publicErrorCode('not_found')).toBe('not_found');
  });
});
