import { addMessages } from './messages.ts';

/**
 * Bahasa Indonesia — enrolling an authenticator app, asked of administrators in AWS only
 * (docs/decisions/0024). Registered when the enrolment screen's chunk loads.
 */
export const idMfa = {
  'mfa.title': 'Aktifkan verifikasi dua langkah',
  'mfa.intro':
    'Akun administrator wajib memakai aplikasi autentikator (misalnya Google Authenticator, Microsoft Authenticator atau FreeOTP). Setelah diaktifkan, setiap kali masuk Anda akan diminta kode 6 digit dari aplikasi itu.',
  'mfa.start': 'Siapkan aplikasi autentikator',
  'mfa.step.install': 'Pasang aplikasi autentikator di ponsel Anda.',
  'mfa.step.scan': 'Pindai kode QR di bawah, atau ketik kunci rahasianya.',
  'mfa.step.code': 'Masukkan kode 6 digit yang ditampilkan aplikasi.',
  'mfa.qrAlt': 'Kode QR untuk aplikasi autentikator',
  'mfa.secretLabel': 'Kunci rahasia (jika tidak dapat memindai)',
  'mfa.codeLabel': 'Kode 6 digit',
  'mfa.confirm': 'Aktifkan',
  'mfa.error.format': 'Masukkan tepat 6 angka dari aplikasi autentikator.',
  'mfa.error.code':
    'Kode tidak cocok atau sudah kedaluwarsa. Tunggu kode berikutnya di aplikasi, lalu coba lagi.',
  'mfa.error.session':
    'Sesi Anda sudah terlalu lama untuk langkah ini. Keluar, lalu masuk kembali dan ulangi.',
  'mfa.error.other': 'Aplikasi autentikator belum dapat diaktifkan. Coba lagi sebentar lagi.',
} as const;

addMessages(idMfa);
