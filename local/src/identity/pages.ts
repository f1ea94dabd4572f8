import type { Language } from '@inovasi/core';

/**
 * The embedded provider's own pages: sign-in, setting a password from an invitation, and the
 * messages around them. Served before the web app's JavaScript exists, so they are plain HTML
 * with a form, readable on a phone, in Bahasa Indonesia first with an English switch.
 */
const TEXTS = {
  id: {
    appName: 'Inovasi Daerah',
    signInTitle: 'Masuk',
    signInIntro: 'Masuk dengan email dan kata sandi akun Anda.',
    email: 'Email',
    password: 'Kata sandi',
    submit: 'Masuk',
    cancel: 'Batal',
    switchLanguage: 'English',
    wrongCredentials: 'Email atau kata sandi salah.',
    locked: (minutes: number) =>
      `Akun dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${minutes} menit, atau minta admin Bappeda/Litbang membantu.`,
    disabled:
      'Akun Anda dinonaktifkan oleh admin daerah. Hubungi admin Bappeda/Litbang untuk mengaktifkannya kembali.',
    notActivated: 'Akun ini belum diaktifkan. Buka tautan undangan di email Anda untuk membuat kata sandi.',
    demoNote: 'Mode demo: pengguna demo masuk tanpa kata sandi dari halaman masuk aplikasi.',
    demoLink: 'Kembali ke daftar pengguna demo',
    invitationTitle: 'Buat kata sandi',
    invitationIntro: (email: string) => `Undangan untuk ${email}. Buat kata sandi untuk akun Anda.`,
    newPassword: 'Kata sandi baru',
    confirmPassword: 'Ulangi kata sandi',
    passwordRule: (min: number) => `Minimal ${min} karakter.`,
    tooShort: (min: number) => `Kata sandi minimal ${min} karakter.`,
    mismatch: 'Kedua kata sandi tidak sama.',
    setPassword: 'Simpan kata sandi',
    invitationInvalidTitle: 'Tautan undangan tidak berlaku',
    invitationInvalid:
      'Tautan ini sudah dipakai, sudah kedaluwarsa (berlaku 7 hari), atau diganti oleh undangan yang lebih baru. Minta admin Bappeda/Litbang daerah Anda mengirim ulang undangan.',
    invitationDoneTitle: 'Kata sandi tersimpan',
    invitationDone: 'Akun Anda sudah aktif. Silakan masuk dengan email dan kata sandi baru Anda.',
    goToSignIn: 'Masuk sekarang',
    signOutTitle: 'Keluar',
    signOutQuestion: 'Keluar dari Inovasi Daerah di perangkat ini?',
    signOutConfirm: 'Ya, keluar',
    signOutStay: 'Tetap masuk',
    signedOutTitle: 'Anda sudah keluar',
    signedOut: 'Sesi Anda telah diakhiri.',
    errorTitle: 'Permintaan masuk tidak dapat diproses',
    errorBody: 'Tautan masuk ini tidak berlaku lagi. Kembali ke aplikasi dan coba masuk lagi.',
    backToApp: 'Kembali ke aplikasi',
  },
  en: {
    appName: 'Inovasi Daerah',
    signInTitle: 'Sign in',
    signInIntro: 'Sign in with your account’s e-mail address and password.',
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
    cancel: 'Cancel',
    switchLanguage: 'Bahasa Indonesia',
    wrongCredentials: 'Wrong e-mail address or password.',
    locked: (minutes: number) =>
      `The account is locked for a while after too many failed sign-ins. Try again in ${minutes} minutes, or ask the Bappeda/Litbang admin for help.`,
    disabled:
      'Your account was disabled by the region’s administrator. Ask the Bappeda/Litbang admin to enable it again.',
    notActivated:
      'This account is not activated yet. Open the invitation link in your e-mail to set a password.',
    demoNote: 'Demo mode: demo users sign in without a password from the app’s sign-in page.',
    demoLink: 'Back to the demo users',
    invitationTitle: 'Set your password',
    invitationIntro: (email: string) => `Invitation for ${email}. Choose a password for your account.`,
    newPassword: 'New password',
    confirmPassword: 'Repeat the password',
    passwordRule: (min: number) => `At least ${min} characters.`,
    tooShort: (min: number) => `The password needs at least ${min} characters.`,
    mismatch: 'The two passwords differ.',
    setPassword: 'Save password',
    invitationInvalidTitle: 'This invitation link is not valid',
    invitationInvalid:
      'The link was used already, has expired (it is valid for 7 days), or was replaced by a newer invitation. Ask your region’s Bappeda/Litbang admin to send the invitation again.',
    invitationDoneTitle: 'Password saved',
    invitationDone: 'Your account is active. Sign in with your e-mail address and new password.',
    goToSignIn: 'Sign in now',
    signOutTitle: 'Sign out',
    signOutQuestion: 'Sign out of Inovasi Daerah on this device?',
    signOutConfirm: 'Yes, sign out',
    signOutStay: 'Stay signed in',
    signedOutTitle: 'You are signed out',
    signedOut: 'Your session has ended.',
    errorTitle: 'The sign-in request cannot be processed',
    errorBody: 'This sign-in link is no longer valid. Go back to the app and sign in again.',
    backToApp: 'Back to the app',
  },
} as const;

export type PageTexts = (typeof TEXTS)[Language];
export const pageTexts = (language: Language): PageTexts => TEXTS[language];

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f1f3f5;color:#212529;line-height:1.5}
header{display:flex;justify-content:space-between;align-items:center;padding:12px 16px;background:#fff;border-bottom:1px solid #dee2e6}
header a{color:#1864ab;min-height:44px;display:inline-flex;align-items:center}
main{max-width:420px;margin:24px auto;padding:24px 20px;background:#fff;border-radius:8px;border:1px solid #dee2e6}
h1{font-size:1.5rem;margin:0 0 12px}label{display:block;font-weight:600;margin:16px 0 4px}
input{width:100%;font-size:1rem;padding:10px 12px;border:1px solid #adb5bd;border-radius:6px;min-height:44px}
button,.button{display:inline-block;width:100%;margin-top:20px;padding:12px;font-size:1rem;font-weight:600;border:0;border-radius:6px;background:#1971c2;color:#fff;text-align:center;text-decoration:none;cursor:pointer;min-height:44px}
button.secondary{background:#e9ecef;color:#212529;margin-top:8px}
.alert{padding:12px;border-radius:6px;margin:12px 0;background:#fff5f5;border:1px solid #ffa8a8;color:#c92a2a}
.note{padding:12px;border-radius:6px;margin:12px 0;background:#e7f5ff;border:1px solid #a5d8ff}
.hint{font-size:.875rem;color:#495057;margin:4px 0 0}`;

export interface PageOptions {
  readonly language: Language;
  readonly title: string;
  readonly body: string;
  /** Where the language switch leads: this page in the other language. */
  readonly switchHref: string;
}

export function page(options: PageOptions): string {
  const texts = pageTexts(options.language);
  return `<!doctype html>
<html lang="${options.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(options.title)} · ${texts.appName}</title>
<style>${STYLE}</style>
</head>
<body>
<header><strong>${texts.appName}</strong><a href="${escapeHtml(options.switchHref)}" lang="${options.language === 'id' ? 'en' : 'id'}">${texts.switchLanguage}</a></header>
<main>
<h1>${escapeHtml(options.title)}</h1>
${options.body}
</main>
</body>
</html>`;
}

export const alert = (message: string) => `<p class="alert" role="alert">${escapeHtml(message)}</p>`;
export const note = (message: string) => `<p class="note">${escapeHtml(message)}</p>`;
