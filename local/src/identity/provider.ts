import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceDeps } from '@inovasi/app/deps';
import type { JWK } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { type AccountDirectory, accountDirectory } from './accounts.ts';
import { type InteractionSettings, interactionHandler } from './interactions.ts';
import { escapeHtml, type PageTexts, page, pageTexts } from './pages.ts';
import { ProviderSessionStore } from './session-store.ts';

/** The path the provider answers under; its issuer is the product's origin plus this. */
export const OIDC_PATH = '/oidc';
export const WEB_CLIENT_ID = 'inovasi-web';
export const WEB_SCOPE = 'openid email profile offline_access';
/** Where the web app receives the authorization code. */
export const CALLBACK_PATH = '/masuk/callback';

export interface LocalOpenIdProviderOptions {
  /** The product's origin as the browser sees it, e.g. `http://127.0.0.1:8787`. */
  readonly origin: string;
  readonly signingKey: JWK;
  readonly cookieKeys: readonly string[];
  readonly deps: Pick<ServiceDeps, 'data'>;
  /** Demo mode: demo users sign in without a password (the README's tour). */
  readonly demo: boolean;
  /** How long an ID token lives before the web app renews it (one hour; a test shortens it). */
  readonly tokenTtlSeconds?: number | undefined;
}

export interface LocalOpenIdProvider {
  readonly issuer: string;
  /** Answers every request under `/oidc`: the protocol, the sign-in page and invitations. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Ends every session and token of one person (disabled or removed by an administrator). */
  revoke(email: string): void;
  readonly accounts: AccountDirectory;
}

const languageOf = (ctx: KoaContextWithOIDC) =>
  (ctx.get('accept-language') ?? '').toLowerCase().startsWith('en') ? 'en' : 'id';

/** One of the provider's own pages (sign-out, errors), in the browser's language. */
function renderPage(ctx: KoaContextWithOIDC, content: (texts: PageTexts) => { title: string; body: string }) {
  const language = languageOf(ctx);
  ctx.type = 'html';
  ctx.body = page({ language, switchHref: '#', ...content(pageTexts(language)) });
}

/** Both loopback names reach the product, so both may receive the code and the end of a session. */
function webOrigins(origin: string): string[] {
  const url = new URL(origin);
  const other =
    url.hostname === 'localhost' ? '127.0.0.1' : url.hostname === '127.0.0.1' ? 'localhost' : undefined;
  return other ? [url.origin, `${url.protocol}//${other}:${url.port}`] : [url.origin];
}

/**
 * A certified OpenID provider (panva's oidc-provider) over the product's member directory: the
 * embedded default's counterpart of Cognito's managed login. Authorization Code with PKCE for the
 * web app, a public client; ID tokens signed with a key kept under `.data/` (docs/decisions/0020).
 */
export function createLocalOpenIdProvider(options: LocalOpenIdProviderOptions): LocalOpenIdProvider {
  const issuer = `${options.origin}${OIDC_PATH}`;
  const sessions = new ProviderSessionStore();
  const accounts = accountDirectory(options.deps);
  const origins = webOrigins(options.origin);

  const configuration: Configuration = {
    adapter: (model: string) => sessions.adapterFor(model),
    clients: [
      {
        client_id: WEB_CLIENT_ID,
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: origins.map((origin) => `${origin}${CALLBACK_PATH}`),
        post_logout_redirect_uris: origins.map((origin) => `${origin}/masuk`),
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The API reads the address from the ID token, as it does from Cognito's.
    conformIdTokenClaims: false,
    scopes: ['openid', 'email', 'profile', 'offline_access'],
    extraParams: ['demo'],
    jwks: { keys: [options.signingKey] },
    cookies: { keys: [...options.cookieKeys] },
    pkce: { required: () => true },
    ttl: {
      AuthorizationCode: 60,
      IdToken: options.tokenTtlSeconds ?? 3600,
      AccessToken: options.tokenTtlSeconds ?? 3600,
      RefreshToken: 8 * 3600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
      Interaction: 3600,
    },
    // Refresh tokens carry the silent renewal; they end with the session (8 hours, one working day).
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    clientBasedCORS: (_ctx, origin) => origins.includes(origin),
    findAccount: async (_ctx, sub) => {
      const account = await accounts.find(sub);
      if (!account?.mayAct) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: account.email, email_verified: true, name: account.name }),
      };
    },
    // The web app is the product's own client: no consent screen, the grant is implied.
    loadExistingGrant: async (ctx) => {
      const grantId =
        ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(ctx.oidc.client?.clientId ?? '');
      if (grantId) {
        const existing = await ctx.oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId });
      grant.addOIDCScope(WEB_SCOPE);
      grant.addOIDCClaims(['email', 'email_verified', 'name']);
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `${OIDC_PATH}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // The person already chose "Keluar" in the app: the form confirms itself (the buttons stay
        // for a browser without JavaScript).
        logoutSource: async (ctx, form) =>
          renderPage(ctx, (texts) => ({
            title: texts.signOutTitle,
            body: `<p>${texts.signOutQuestion}</p>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>${texts.signOutConfirm}</button>
<button type="submit" form="op.logoutForm" class="secondary">${texts.signOutStay}</button>
<script>document.querySelector('button[value=yes]').click()</script>`,
          })),
        postLogoutSuccessSource: async (ctx) =>
          renderPage(ctx, (texts) => ({
            title: texts.signedOutTitle,
            body: `<p>${texts.signedOut}</p><a class="button" href="/masuk">${texts.backToApp}</a>`,
          })),
      },
    },
    renderError: async (ctx, out) =>
      renderPage(ctx, (texts) => ({
        title: texts.errorTitle,
        body: `<p>${texts.errorBody}</p><p class="hint">${escapeHtml(String(out.error ?? ''))}</p><a class="button" href="/masuk">${texts.backToApp}</a>`,
      })),
  };

  const provider = new Provider(issuer, configuration);
  const settings: InteractionSettings = {
    provider,
    accounts,
    demo: options.demo,
    scope: WEB_SCOPE,
    basePath: OIDC_PATH,
  };
  const interactions = interactionHandler(settings);
  const protocol = provider.callback();

  return {
    issuer,
    accounts,
    revoke: (email) => {
      sessions.revokeAccount(email);
    },
    handle(req, res) {
      const url = req.url ?? '/';
      if (interactions.handles(url)) {
        void interactions.handle(req, res);
        return;
      }
      // The provider builds its URLs from the issuer's path; it sees the path below the mount.
      Object.assign(req, { originalUrl: url });
      req.url = url.slice(OIDC_PATH.length) || '/';
      protocol(req, res);
    },
  };
}
