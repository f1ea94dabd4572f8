import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, pickLanguage } from '../../src/index.ts';

describe('language choice', () => {
  it.each([
    [undefined, 'id'],
    ['', 'id'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['id-ID,id;q=0.9,en;q=0.8', 'id'],
    ['fr-FR,en;q=0.5', 'en'],
    ['en;q=0.2,id;q=0.8', 'id'],
    ['de', 'id'],
  ])('reads %s as %s', (header, expected) => {
    expect(pickLanguage(header)).toBe(expected);
  });

  it('has a text in both languages for every error code', () => {
    for (const [code, text] of Object.entries(ERROR_MESSAGES)) {
      expect(text.id.length, code).toBeGreaterThan(10);
      expect(text.en.length, code).toBeGreaterThan(10);
      expect(text.id, code).not.toBe(text.en);
    }
  });
});
