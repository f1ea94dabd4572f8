import { describe, expect, it } from 'vitest';
import { CATALOG_THEMES } from '../src/catalog/themes.ts';
import { CATALOG_THEME_CODES } from '../src/vocabulary.ts';

describe('the zod-free vocabulary the web app imports', () => {
  it('names exactly the catalogue themes that have labels and keywords', () => {
    expect(CATALOG_THEMES.map((theme) => theme.code)).toEqual([...CATALOG_THEME_CODES]);
  });
});
