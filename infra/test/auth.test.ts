import { describe, expect, it } from 'vitest';
import { AUTH_CALLBACK_PATH, CUSTOM_ATTRIBUTES } from '../lib/auth.ts';
import { CONTEXT_KEYS } from '../lib/config.ts';
import { onlyResource, synthesize } from './support.ts';

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

  it('requires strong passwords and offers TOTP MFA', () => {
    expect(props.Policies.PasswordPolicy).toMatchObject({
      MinimumLength: 12,
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
    });
    expect(props.MfaConfiguration).toBe('OPTIONAL');
    expect(props.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
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
    expect(props.AllowedOAuthScopes.sort()).toEqual(['email', 'openid', 'profile']);
    expect(props.ExplicitAuthFlows.sort()).toEqual(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH']);
    expect(props.PreventUserExistenceErrors).toBe('ENABLED');
  });

  it('redirects back to the web app', () => {
    expect(props.CallbackURLs).toEqual([stack.resolve(`${stack.web.url}${AUTH_CALLBACK_PATH}`)]);
  });

  it('can read the custom attributes but write none of them', () => {
    const custom = Object.keys(CUSTOM_ATTRIBUTES).map((name) => `custom:${name}`);
    expect(props.ReadAttributes).toEqual(expect.arrayContaining(custom));
    expect(props.WriteAttributes.length).toBeGreaterThan(0);
    expect(props.WriteAttributes.filter((name: string) => name.startsWith('custom:'))).toEqual([]);
  });
});
