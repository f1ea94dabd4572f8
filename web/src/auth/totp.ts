/**
 * Enrolling an authenticator app (TOTP) on the person's own Cognito account, from the browser with
 * their access token (docs/decisions/0024). These are Cognito's public user-pool operations: no AWS
 * credentials, the token is the authority, and the app client grants it the
 * `aws.cognito.signin.user.admin` scope. Dependency-free so the wire format can be exercised
 * outside a browser.
 */

/** A refusal from Cognito, with its exception name (`CodeMismatchException`, `NotAuthorizedException`…). */
export class CognitoCallError extends Error {
  readonly type: string;
  constructor(type: string, message: string) {
    super(message);
    this.name = 'CognitoCallError';
    this.type = type;
  }
  /** The six digits were wrong or already used; the person may simply try the next code. */
  get isWrongCode(): boolean {
    return this.type === 'CodeMismatchException' || this.type === 'EnableSoftwareTokenMFAException';
  }
  /** The access token expired or was revoked: only signing in again helps. */
  get isSessionOver(): boolean {
    return this.type === 'NotAuthorizedException';
  }
}

/** Cognito's API endpoint for a pool, from the issuer `https://cognito-idp.<region>.amazonaws.com/<pool>`. */
export const cognitoEndpointOf = (authority: string): string => new URL(authority).origin;

async function call<T>(endpoint: string, operation: string, body: Record<string, unknown>): Promise<T> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    // Cognito names the exception in `__type`, sometimes prefixed with a namespace and `#`.
    const type = String(answer.__type ?? `HTTP ${response.status}`)
      .split('#')
      .pop() as string;
    throw new CognitoCallError(type, String(answer.message ?? answer.Message ?? type));
  }
  return answer as T;
}

/** Starts an enrolment: Cognito makes a new secret for the person's account and returns it. */
export async function startTotpEnrolment(endpoint: string, accessToken: string): Promise<string> {
  const { SecretCode } = await call<{ SecretCode?: string }>(endpoint, 'AssociateSoftwareToken', {
    AccessToken: accessToken,
  });
  if (!SecretCode) throw new CognitoCallError('NoSecret', 'Cognito returned no secret');
  return SecretCode;
}

/**
 * Finishes it: the first code from the app proves the secret was taken, then TOTP is turned on
 * and preferred, so Cognito asks for a code at every sign-in from now on.
 */
export async function confirmTotpEnrolment(
  endpoint: string,
  accessToken: string,
  code: string,
  deviceName: string,
): Promise<void> {
  const { Status } = await call<{ Status?: string }>(endpoint, 'VerifySoftwareToken', {
    AccessToken: accessToken,
    UserCode: code,
    FriendlyDeviceName: deviceName,
  });
  if (Status !== 'SUCCESS') throw new CognitoCallError('CodeMismatchException', `Status ${Status}`);
  await call(endpoint, 'SetUserMFAPreference', {
    AccessToken: accessToken,
    SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
  });
}

/** The `otpauth://` address an authenticator app reads from the QR code (Key URI format). */
export function otpauthUri(secret: string, account: string, issuer = 'Inovasi Daerah'): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  // Percent-encoded by hand: URLSearchParams would write a space as `+`, which some apps show as is.
  const query = Object.entries({ secret, issuer, algorithm: 'SHA1', digits: '6', period: '30' })
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return `otpauth://totp/${label}?${query}`;
}

/** The secret in groups of four, easier to type by hand than one long string. */
export const groupedSecret = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ');

/** Six digits, whatever spaces the person typed between them. */
export const normalisedCode = (input: string): string | undefined => {
  const digits = input.replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? digits : undefined;
};
