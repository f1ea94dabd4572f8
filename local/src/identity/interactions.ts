import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Language } from '@inovasi/core';
import type Provider from 'oidc-provider';
import type { AccountDirectory, InvitationCheck, SignInOutcome } from './accounts.ts';
import { alert, escapeHtml, note, page, pageTexts } from './pages.ts';
import { MIN_PASSWORD_LENGTH } from './passwords.ts';

export interface InteractionSettings {
  readonly provider: Provider;
  readonly accounts: AccountDirectory;
  readonly demo: boolean;
  /** The scope the product's own client is granted without asking. */
  readonly scope: string;
  /** `/oidc`: the provider's mount, under which these pages live too. */
  readonly basePath: string;
}

const MAX_FORM_BYTES = 8 * 1024;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function languageOf(req: IncomingMessage, url: URL): Language {
  const chosen = url.searchParams.get('lang');
  if (chosen === 'en' || chosen === 'id') return chosen;
  return (req.headers['accept-language'] ?? '').toLowerCase().startsWith('en') ? 'en' : 'id';
}

function withLanguage(url: URL, language: Language): string {
  const next = new URL(url);
  next.searchParams.set('lang', language);
  return `${next.pathname}${next.search}`;
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(html);
}

function signInRefusal(outcome: Exclude<SignInOutcome, { ok: true }>, language: Language): string {
  const texts = pageTexts(language);
  switch (outcome.reason) {
    case 'locked':
      return texts.locked(outcome.minutesLeft);
    case 'disabled':
      return texts.disabled;
    case 'not_activated':
      return texts.notActivated;
    default:
      return texts.wrongCredentials;
  }
}

type InteractionDetails = Awaited<ReturnType<Provider['interactionDetails']>>;

/** The page's `?lang=`, else the language the client asked the provider for, else the browser's. */
function interactionLanguage(req: IncomingMessage, url: URL, details: InteractionDetails): Language {
  const asked = String(details.params.ui_locales ?? '');
  if (url.searchParams.has('lang') || !asked) return languageOf(req, url);
  return asked.startsWith('en') ? 'en' : 'id';
}

/** The page that sets a password, saying what was wrong with the one sent before, if anything. */
function invitationFormPage(url: URL, language: Language, email: string, error: string | undefined): string {
  const texts = pageTexts(language);
  return page({
    language,
    title: texts.invitationTitle,
    switchHref: withLanguage(url, language === 'id' ? 'en' : 'id'),
    body: `${error ? alert(error) : ''}<p>${escapeHtml(texts.invitationIntro(email))}</p>
<form method="post" action="${escapeHtml(`${url.pathname}?lang=${language}`)}" novalidate>
<input type="hidden" name="username" autocomplete="username" value="${escapeHtml(email)}">
<label for="password">${texts.newPassword}</label>
<input id="password" name="password" type="password" autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" required aria-describedby="password-rule">
<p class="hint" id="password-rule">${texts.passwordRule(MIN_PASSWORD_LENGTH)}</p>
<label for="confirm">${texts.confirmPassword}</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
<button type="submit">${texts.setPassword}</button>
</form>`,
  });
}

/**
 * The provider's interaction pages (sign-in, with the demo directory's shortcut in demo mode) and
 * the invitation pages that set a password. Everything else under the mount is the protocol.
 */
export function interactionHandler(settings: InteractionSettings) {
  const { provider, accounts, basePath } = settings;
  const interactionPath = new RegExp(`^${basePath}/interaction/([\\w-]+)(/login|/abort)?$`);
  const invitationPath = new RegExp(`^${basePath}/undangan/([\\w.-]+)$`);

  function signInPage(
    url: URL,
    language: Language,
    uid: string,
    options: { email?: string; error?: string; status?: number },
  ) {
    const texts = pageTexts(language);
    const demo = settings.demo ? `${note(texts.demoNote)}<p><a href="/masuk">${texts.demoLink}</a></p>` : '';
    return page({
      language,
      title: texts.signInTitle,
      switchHref: withLanguage(url, language === 'id' ? 'en' : 'id'),
      body: `${options.error ? alert(options.error) : ''}<p>${texts.signInIntro}</p>
<form method="post" action="${basePath}/interaction/${uid}/login?lang=${language}" novalidate>
<label for="email">${texts.email}</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(options.email ?? '')}">
<label for="password">${texts.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">${texts.submit}</button>
</form>
<form method="get" action="${basePath}/interaction/${uid}/abort"><button type="submit" class="secondary">${texts.cancel}</button></form>
${demo}`,
    });
  }

  // Consent for the product's own client is implied (see loadExistingGrant): nothing to ask.
  async function grantConsent(req: IncomingMessage, res: ServerResponse, details: InteractionDetails) {
    const accountId = details.session?.accountId;
    const clientId = String(details.params.client_id ?? '');
    const grant =
      (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
      new provider.Grant({ accountId, clientId });
    grant.addOIDCScope(settings.scope);
    grant.addOIDCClaims(['email', 'email_verified', 'name']);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  /** The demo directory's shortcut: signs in the hinted account, if it may act; false when it did not. */
  async function demoSignIn(
    req: IncomingMessage,
    res: ServerResponse,
    details: InteractionDetails,
    hint: string | undefined,
  ): Promise<boolean> {
    if (!(req.method === 'GET' && settings.demo && details.params.demo === '1' && hint)) return false;
    const account = await accounts.find(hint);
    if (!account?.mayAct) return false;
    await provider.interactionFinished(req, res, { login: { accountId: account.email } });
    return true;
  }

  /** The sign-in form as posted: finishes the interaction, or shows the form again with the refusal. */
  async function submitSignIn(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    language: Language,
    uid: string,
  ) {
    const form = await readForm(req);
    const email = (form.get('email') ?? '').trim().toLowerCase();
    const outcome = await accounts.signIn(email, form.get('password') ?? '');
    if (outcome.ok) {
      await provider.interactionFinished(req, res, { login: { accountId: outcome.account.email } });
      return;
    }
    sendHtml(res, 200, signInPage(url, language, uid, { email, error: signInRefusal(outcome, language) }));
  }

  async function interaction(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    uid: string,
    action?: string,
  ) {
    const details = await provider.interactionDetails(req, res);
    const language = interactionLanguage(req, url, details);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    if (action === '/abort') {
      await provider.interactionFinished(req, res, {
        error: 'access_denied',
        error_description: 'cancelled',
      });
      return;
    }
    if (details.prompt.name !== 'login') {
      await grantConsent(req, res, details);
      return;
    }
    const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : undefined;
    if (await demoSignIn(req, res, details, hint)) return;
    if (req.method === 'POST' && action === '/login') {
      await submitSignIn(req, res, url, language, uid);
      return;
    }
    sendHtml(res, 200, signInPage(url, language, uid, { email: hint }));
  }

  /**
   * The new password as posted: set (and the link spent), the link no longer valid, or what is wrong
   * with the password.
   */
  async function submitPassword(
    req: IncomingMessage,
    check: Extract<InvitationCheck, { valid: true }>,
    texts: ReturnType<typeof pageTexts>,
  ): Promise<'set' | 'link_invalid' | { error: string }> {
    const form = await readForm(req);
    const password = form.get('password') ?? '';
    if (password.length < MIN_PASSWORD_LENGTH) return { error: texts.tooShort(MIN_PASSWORD_LENGTH) };
    if (password !== form.get('confirm')) return { error: texts.mismatch };
    return (await accounts.acceptInvitation(check, password)) ? 'set' : 'link_invalid';
  }

  async function invitation(req: IncomingMessage, res: ServerResponse, url: URL, token: string) {
    const language = languageOf(req, url);
    const texts = pageTexts(language);
    const switchHref = withLanguage(url, language === 'id' ? 'en' : 'id');
    // Used, lapsed or replaced: one page for all three, which says what to do next.
    const invalid = () =>
      sendHtml(
        res,
        410,
        page({
          language,
          title: texts.invitationInvalidTitle,
          switchHref,
          body: `<p>${texts.invitationInvalid}</p>`,
        }),
      );
    const check = await accounts.checkInvitation(token);
    if (!check.valid) {
      invalid();
      return;
    }
    let error: string | undefined;
    if (req.method === 'POST') {
      const submitted = await submitPassword(req, check, texts);
      if (submitted === 'set') {
        sendHtml(
          res,
          200,
          page({
            language,
            title: texts.invitationDoneTitle,
            switchHref,
            body: `<p>${texts.invitationDone}</p><a class="button" href="/masuk">${texts.goToSignIn}</a>`,
          }),
        );
        return;
      }
      if (submitted === 'link_invalid') {
        invalid();
        return;
      }
      error = submitted.error;
    }
    sendHtml(res, error ? 400 : 200, invitationFormPage(url, language, check.email, error));
  }

  return {
    handles(path: string): boolean {
      const pathname = path.split('?')[0] ?? '';
      return interactionPath.test(pathname) || invitationPath.test(pathname);
    },
    async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
      const url = new URL(req.url ?? '/', 'http://local');
      try {
        const interactionMatch = interactionPath.exec(url.pathname);
        if (interactionMatch?.[1]) {
          await interaction(req, res, url, interactionMatch[1], interactionMatch[2]);
          return;
        }
        const invitationMatch = invitationPath.exec(url.pathname);
        if (invitationMatch?.[1]) await invitation(req, res, url, invitationMatch[1]);
      } catch {
        // An expired or foreign interaction, a form too large: the same plain page as the provider's errors.
        const language = languageOf(req, url);
        const texts = pageTexts(language);
        if (!res.headersSent) {
          sendHtml(
            res,
            400,
            page({
              language,
              title: texts.errorTitle,
              switchHref: withLanguage(url, language === 'id' ? 'en' : 'id'),
              body: `<p>${texts.errorBody}</p><a class="button" href="/masuk">${texts.backToApp}</a>`,
            }),
          );
        }
      }
    },
  };
}
