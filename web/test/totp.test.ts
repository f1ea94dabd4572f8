import { describe, expect, it } from 'vitest';
import {
  CognitoCallError,
  cognitoEndpointOf,
  groupedSecret,
  normalisedCode,
  otpauthUri,
} from '../src/auth/totp.ts';

/**
 * The pure parts of the authenticator-app enrolment (docs/decisions/0024). The calls to Cognito
 * are exercised against cognito-local in test/integration/cognito-admin.test.ts, as far as the
 * emulator goes (it lacks the enrolment operations).
 */
describe('authenticator app enrolment', () => {
  it('finds Cognito’s API endpoint from the pool’s issuer', () => {
    expect(cognitoEndpointOf('https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_AbC123')).toBe(
      'https://cognito-idp.ap-southeast-3.amazonaws.com',
    );
  });

  it('writes the Key URI an authenticator app reads, with the issuer percent-encoded', () => {
    const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'admin@kotabengkulu.go.id');
    expect(uri).toBe(
      'otpauth://totp/Inovasi%20Daerah:admin%40kotabengkulu.go.id' +
        '?secret=JBSWY3DPEHPK3PXP&issuer=Inovasi%20Daerah&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('shows the secret in groups of four and accepts a code typed with spaces', () => {
    expect(groupedSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(normalisedCode(' 123 456 ')).toBe('123456');
    expect(normalisedCode('12345')).toBeUndefined();
    expect(normalisedCode('12345a')).toBeUndefined();
  });

  it('tells a wrong code from an ended session', () => {
    expect(new CognitoCallError('CodeMismatchException', 'x').isWrongCode).toBe(true);
    expect(new CognitoCallError('EnableSoftwareTokenMFAException', 'x').isWrongCode).toBe(true);
    expect(new CognitoCallError('NotAuthorizedException', 'x').isSessionOver).toBe(true);
    expect(new CognitoCallError('InternalErrorException', 'x').isWrongCode).toBe(false);
  });
});
