import { addMessages } from './messages.ts';

/**
 * Bahasa Indonesia — innovations created offline and upload files the browser cannot keep
 * (docs/decisions/0049). Registered by the screens that use them, when their chunks load.
 */
export const idOffline = {
  'offline.createWaiting':
    'Inovasi ini baru tersimpan di perangkat ini. Inovasi akan dibuat di server, bersama profil dan jawabannya, saat koneksi kembali. Bukti dukung dapat diunggah setelah itu.',
  'offline.createRefused':
    'Server menolak membuat inovasi ini: {reason} Perbaiki profilnya lalu simpan lagi, atau buang.',
  'offline.createDiscard': 'Buang inovasi ini',
  'offline.changesWaiting':
    'Ada perubahan yang disimpan di perangkat ini dan belum terkirim. Perubahan dikirim otomatis saat Anda masuk dan terhubung.',
  'evidence.notKept':
    'Peramban tidak dapat menyimpan salinan berkas ini ({size}; ruang tersedia {free}). Jika halaman dimuat ulang atau koneksi terputus lama, pilih berkas yang sama lagi untuk melanjutkan.',
  'evidence.notKeptUnknown':
    'Peramban ini tidak menyediakan ruang untuk menyimpan salinan berkas. Jika halaman dimuat ulang, pilih berkas yang sama lagi untuk melanjutkan.',
} as const;

addMessages(idOffline);
