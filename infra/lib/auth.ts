import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  CfnUserPoolUser,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolEmail,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { acknowledge } from './nag.ts';

/**
 * Custom attributes carried in every ID token. They are informative only: the API reads tenant,
 * roles and OPD from the member record on every request (docs/decisions/0020). Still, only
 * administrators (AdminUpdateUserAttributes) may change them; the web client may read but not write.
 */
export const CUSTOM_ATTRIBUTES = {
  /** Kemendagri area code of the user's region, e.g. `35.22`. */
  tenant: new StringAttribute({ mutable: true, minLen: 1, maxLen: 13 }),
  /** Comma-separated role names, e.g. `opd-operator,verifier`. */
  roles: new StringAttribute({ mutable: true, maxLen: 256 }),
  /** Id of the user's department (OPD) inside the tenant; empty for region-wide roles. */
  opd: new StringAttribute({ mutable: true, maxLen: 64 }),
} as const;

/** The identity of a platform administrator: no region (`platform`), the platform role. */
export const PLATFORM_ADMIN_ATTRIBUTES = { tenant: 'platform', roles: 'platform_admin' } as const;

/** Where the web app receives the authorization code, and where sign-out returns to. */
export const AUTH_CALLBACK_PATH = '/masuk/callback';
export const AUTH_LOGOUT_PATH = '/masuk';
/** An invitation's temporary password lives as long as the product's invitation (7 days). */
export const INVITATION_VALIDITY_DAYS = 7;

export interface AuthProps {
  readonly stage: string;
  readonly domainPrefix: string | undefined;
  readonly featurePlan: 'ESSENTIALS' | 'PLUS';
  /** A sender verified in SES (in `sesRegion`); Cognito's default sender when absent. */
  readonly sesSender?: string | undefined;
  readonly sesRegion?: string | undefined;
  /** The first platform administrator, created (and invited by e-mail) by the deploy. */
  readonly firstAdminEmail?: string | undefined;
}

/** The Cognito user pool that signs users in, and its hosted sign-in domain. */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;
  /** `https://<prefix>.auth.<region>.amazoncognito.com` */
  readonly domainOrigin: string;
  private webClient: UserPoolClient | undefined;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);

    const plus = props.featurePlan === 'PLUS';
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `inovasi-${props.stage}`,
      // Accounts are created by a region's administrator for its own staff, never by strangers.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: { fullname: { required: false, mutable: true } },
      customAttributes: { ...CUSTOM_ATTRIBUTES },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(INVITATION_VALIDITY_DAYS),
        passwordHistorySize: 5,
      },
      // MFA is pool-wide in Cognito: optional here, TOTP only (no SMS to pay for or to intercept).
      // The API refuses administrators until they have turned TOTP on (docs/decisions/0024); once
      // on, Cognito asks for the code at every sign-in.
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: plus ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      ...(plus ? { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      userInvitation: {
        emailSubject: 'Undangan bergabung di Inovasi Daerah',
        emailBody:
          'Anda diundang bergabung di Inovasi Daerah. Nama pengguna: {username}. Kata sandi sementara: {####} ' +
          `(berlaku ${INVITATION_VALIDITY_DAYS} hari). Buka aplikasi, pilih "Masuk", lalu buat kata sandi baru. ` +
          '/ You are invited to Inovasi Daerah. Sign in with the temporary password above and choose your own.',
      },
      ...(props.sesSender
        ? {
            email: UserPoolEmail.withSES({
              fromEmail: props.sesSender,
              fromName: 'Inovasi Daerah',
              sesRegion: props.sesRegion,
              sesVerifiedDomain: props.sesSender.split('@')[1],
            }),
          }
        : {}),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const domainPrefix = props.domainPrefix ?? `inovasi-${props.stage}-${Aws.ACCOUNT_ID}`;
    // Managed login (the newer hosted UI): its pages follow the `lang` parameter, which the web
    // app sets to Bahasa Indonesia or English; Cognito's default style until a region brands it.
    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    this.domainOrigin = `https://${domainPrefix}.auth.${Aws.REGION}.amazoncognito.com`;

    if (props.firstAdminEmail) {
      // The first platform administrator: belongs to no region, may onboard regions. Cognito e-mails
      // a temporary password. The attributes are informative: the API makes the address the platform's
      // administrator member at its first sign-in (FIRST_ADMIN_EMAIL, docs/decisions/0020).
      new CfnUserPoolUser(this, 'FirstPlatformAdmin', {
        userPoolId: this.userPool.userPoolId,
        username: props.firstAdminEmail,
        desiredDeliveryMediums: ['EMAIL'],
        userAttributes: [
          { name: 'email', value: props.firstAdminEmail },
          { name: 'email_verified', value: 'true' },
          { name: 'custom:tenant', value: PLATFORM_ADMIN_ATTRIBUTES.tenant },
          { name: 'custom:roles', value: PLATFORM_ADMIN_ATTRIBUTES.roles },
        ],
      });
    }

    acknowledge(this.userPool, {
      id: 'AwsSolutions-COG2',
      reason:
        'TOTP MFA is optional pool-wide because Cognito cannot require it per group; the API requires it of platform and tenant administrators (403 mfa_required until enrolled, docs/decisions/0024), and requiring it of everyone would lock every invited member out until enrolment.',
    });
    if (!plus) {
      acknowledge(this.userPool, {
        id: 'AwsSolutions-COG8',
        reason:
          'The Plus feature plan (threat protection) is billed per monthly active user; it is one context switch away (inovasi:authFeaturePlan=PLUS) and is meant for production.',
      });
    }
  }

  /**
   * The single-page app's client: public (no secret), authorization code with PKCE through the
   * hosted sign-in, and no write access to the custom attributes.
   */
  addWebClient(webOrigins: readonly string[]): UserPoolClient {
    if (this.webClient !== undefined) throw new Error('The web client already exists');
    const readAttributes = new ClientAttributes()
      .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
      .withCustomAttributes(...Object.keys(CUSTOM_ATTRIBUTES));
    const writeAttributes = new ClientAttributes().withStandardAttributes({ fullname: true });

    const client = this.userPool.addClient('WebClient', {
      userPoolClientName: 'web',
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        // COGNITO_ADMIN (`aws.cognito.signin.user.admin`) makes the access token good for the
        // person's own account calls: the web app enrols an authenticator app with it (ADR 0024).
        // The client's write attributes still keep every `custom:` attribute out of reach.
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE, OAuthScope.COGNITO_ADMIN],
        callbackUrls: webOrigins.map((origin) => `${origin}${AUTH_CALLBACK_PATH}`),
        logoutUrls: webOrigins.map((origin) => `${origin}${AUTH_LOGOUT_PATH}`),
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      readAttributes,
      writeAttributes,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    new CfnManagedLoginBranding(this, 'ManagedLoginBranding', {
      userPoolId: this.userPool.userPoolId,
      clientId: client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    this.webClient = client;
    return client;
  }
}
