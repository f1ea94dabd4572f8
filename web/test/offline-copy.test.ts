import { describe, expect, it } from 'vitest';
import { subjectOf } from '../src/api/offlineCopy.ts';

const jwt = (payload: unknown) =>
  `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2lnbmF0dXJl`;

describe('whose local copy a token reads (docs/decisions/0045)', () => {
  it('is the ID token’s subject', () => {
    expect(subjectOf(jwt({ sub: 'opd1.3522@demo.local', email: 'opd1.3522@demo.local' }))).toBe(
      'opd1.3522@demo.local',
    );
    // base64url characters ('-', '_'), no padding and UTF-8, as issuers send them.
    expect(subjectOf(jwt({ sub: 'pengguna-ä?>~', n: 1 }))).toBe('pengguna-ä?>~');
  });

  it('is nobody for a missing, malformed or subject-less token, so nothing is kept or read', () => {
    expect(subjectOf(null)).toBeNull();
    expect(subjectOf('not-a-jwt')).toBeNull();
    expect(subjectOf('a.%%%.b')).toBeNull();
    expect(subjectOf(jwt({ email: 'x@y.z' }))).toBeNull();
    expect(subjectOf(jwt({ sub: '' }))).toBeNull();
    expect(subjectOf(jwt({ sub: 42 }))).toBeNull();
  });
});
