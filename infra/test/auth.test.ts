import { describe, expect, it } from 'vitest';
import {
  AUTH_CALLBACK_PATH,
  AUTH_LOGOUT_PATH,
  CUSTOM_ATTRIBUTES,
  INVITATION_VALIDITY_DAYS,
} from '../lib/auth.ts';
import { CONTEXT_KEYS } from '../lib/config.ts';
import { logicalId, onlyResource, synthesize } from './support.ts';

describe('user pool', () => {
  // Prepare
  const { template } = synthesize();
  const { resource: pool } = onlyResource(template, 'AWS::Cognito::UserPool');
  const props = pool.Properties as Record<string, any>;

  it('lets only administrators create accounts, signing in by email', () => {
    expect(props.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: true });
    expect(props.UsernameAttributes).toEqual(['email']);
    expect(props.UsernameConfiguration).toEqual({ CaseSensitive: false });
  });

  it('requires strong passwords', () => {
    expect(props.Policies.PasswordPolicy).toMatchObject({
      MinimumLength: 12,
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
    });
  });

  it('offers MFA with an authenticator app only: optional pool-wide, required of administrators by the API', () => {
    // Cognito's MFA is pool-wide; the API refuses administrators until TOTP is on (ADR 0024).
    expect(props.MfaConfiguration).toBe('OPTIONAL');
    expect(props.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    // No SMS: neither a second factor nor the role Cognito would need to send text messages.
    expect(props.EnabledMfas).not.toContain('SMS_MFA');
    expect(props.SmsConfiguration).toBeUndefined();
  });

  it('declares tenant, roles and opd as mutable string attributes', () => {
    const custom = (props.Schema as { Name: string; AttributeDataType: string; Mutable: boolean }[]).filter(
      (attribute) => Object.keys(CUSTOM_ATTRIBUTES).includes(attribute.Name),
    );
    expect(custom.map((attribute) => attribute.Name).sort()).toEqual(['opd', 'roles', 'tenant']);
    for (const attribute of custom) {
      expect(attribute).toMatchObject({ AttributeDataType: 'String', Mutable: true });
    }
  });

  it('is deletion-protected and retained', () => {
    expect(props.DeletionProtection).toBe('ACTIVE');
    expect(pool.DeletionPolicy).toBe('Retain');
  });

  it('uses the Essentials plan unless Plus is configured, which turns on threat protection', () => {
    expect(props.UserPoolTier).toBe('ESSENTIALS');
    // Act
    const { template: plus } = synthesize({ context: { [CONTEXT_KEYS.authFeaturePlan]: 'PLUS' } });
    // Assess
    expect(onlyResource(plus, 'AWS::Cognito::UserPool').resource.Properties).toMatchObject({
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });
});

describe('web client', () => {
  const { stack, template } = synthesize();
  const { resource: client } = onlyResource(template, 'AWS::Cognito::UserPoolClient');
  const props = client.Properties as Record<string, any>;

  it('is a public client using the authorization code flow (PKCE) through the hosted sign-in', () => {
    expect(props.GenerateSecret).toBe(false);
    expect(props.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(props.AllowedOAuthFlows).toEqual(['code']);
    expect(props.AllowedOAuthScopes.sort()).toEqual([
      'aws.cognito.signin.user.admin',
      'email',
      'openid',
      'profile',
    ]);
    expect(props.ExplicitAuthFlows.sort()).toEqual(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH']);
    expect(props.PreventUserExistenceErrors).toBe('ENABLED');
  });

  it('redirects back to the web app', () => {
    expect(props.CallbackURLs).toEqual([stack.resolve(`${stack.web.url}${AUTH_CALLBACK_PATH}`)]);
  });

  it('issues access tokens the person may use to enrol an authenticator app (ADR 0024)', () => {
    // AssociateSoftwareToken, VerifySoftwareToken and SetUserMFAPreference take the access token
    // only when it carries this scope.
    expect(props.AllowedOAuthScopes).toContain('aws.cognito.signin.user.admin');
  });

  it('can read the custom attributes but write none of them', () => {
    const custom = Object.keys(CUSTOM_ATTRIBUTES).map((name) => `custom:${name}`);
    expect(props.ReadAttributes).toEqual(expect.arrayContaining(custom));
    expect(props.WriteAttributes.length).toBeGreaterThan(0);
    expect(props.WriteAttributes.filter((name: string) => name.startsWith('custom:'))).toEqual([]);
  });
});

describe('identity for real people (docs/decisions/0020)', () => {
  const { stack, template } = synthesize();

  it('serves the managed login on the pool’s domain, with Cognito’s branding for the web client', () => {
    const { resource: domain } = onlyResource(template, 'AWS::Cognito::UserPoolDomain');
    expect(domain.Properties).toMatchObject({ ManagedLoginVersion: 2 });
    const { resource: branding } = onlyResource(template, 'AWS::Cognito::ManagedLoginBranding');
    expect(branding.Properties).toMatchObject({
      UseCognitoProvidedValues: true,
      ClientId: { Ref: logicalId(stack.webClient) },
    });
  });

  it('lets invitations live as long as the product’s (7 days), with a message in Bahasa Indonesia', () => {
    const { resource: pool } = onlyResource(template, 'AWS::Cognito::UserPool');
    const props = pool.Properties as Record<string, any>;
    expect(props.Policies.PasswordPolicy.TemporaryPasswordValidityDays).toBe(INVITATION_VALIDITY_DAYS);
    expect(props.AdminCreateUserConfig.InviteMessageTemplate.EmailSubject).toMatch(/Undangan/);
    expect(props.AdminCreateUserConfig.InviteMessageTemplate.EmailMessage).toMatch(
      /Kata sandi sementara: \{####\}/,
    );
  });

  it('returns to the web app’s callback and sign-in page', () => {
    const { resource: client } = onlyResource(template, 'AWS::Cognito::UserPoolClient');
    expect(client.Properties?.CallbackURLs).toEqual([stack.resolve(`${stack.web.url}${AUTH_CALLBACK_PATH}`)]);
    expect(client.Properties?.LogoutURLs).toEqual([stack.resolve(`${stack.web.url}${AUTH_LOGOUT_PATH}`)]);
    expect(AUTH_CALLBACK_PATH).toBe('/masuk/callback');
  });

  it('lets the API administer members of the pool and read their MFA settings, nothing else in Cognito', () => {
    const policies = template.findResources('AWS::IAM::Policy');
    const cognitoStatements = Object.values(policies)
      .flatMap((policy) => (policy as any).Properties.PolicyDocument.Statement as any[])
      .filter((statement) =>
        [statement.Action].flat().some((action: string) => action.startsWith('cognito-idp:')),
      );
    expect(cognitoStatements).toHaveLength(1);
    expect([cognitoStatements[0].Action].flat().sort()).toEqual([
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminDeleteUser',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminEnableUser',
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminUserGlobalSignOut',
    ]);
    expect(cognitoStatements[0].Resource).toEqual({ 'Fn::GetAtt': [logicalId(stack.auth.userPool), 'Arn'] });
  });
});
