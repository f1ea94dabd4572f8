import { type IdentityAdmin, INVITATION_TTL_MS } from '@inovasi/app/identity/identity-admin';
import { newInvitationToken } from './accounts.ts';
import { OIDC_PATH } from './provider.ts';

const DATE_FORMAT: Intl.DateTimeFormatOptions = {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Asia/Jakarta',
};

/**
 * Member administration against the embedded provider: an invitation is a single-use link sent
 * through the region's mail outbox; disabling or removing someone ends their sessions at once.
 */
export function localIdentityAdmin(options: { origin: string; revoke(email: string): void }): IdentityAdmin {
  return {
    async prepareInvitation(invitee, mail) {
      const { token, secretHash } = newInvitationToken(invitee.email);
      const expires = new Date(Date.now() + INVITATION_TTL_MS);
      const link = `${options.origin}${OIDC_PATH}/undangan/${token}`;
      const text = [
        `Yth. ${invitee.name},`,
        '',
        `Anda diundang bergabung di Inovasi Daerah sebagai anggota ${invitee.tenantName}.`,
        'Buka tautan berikut untuk membuat kata sandi akun Anda:',
        link,
        `Tautan ini hanya dapat dipakai sekali dan berlaku sampai ${expires.toLocaleString('id-ID', DATE_FORMAT)} WIB.`,
        '',
        '---',
        `You are invited to join Inovasi Daerah as a member of ${invitee.tenantName}.`,
        `Open the link above to set your password. It works once and is valid until ${expires.toLocaleString('en-GB', DATE_FORMAT)} (Jakarta time).`,
      ].join('\n');
      return {
        record: { expiresAt: expires.toISOString(), secretHash },
        outbox: [mail(invitee.email, `[Inovasi Daerah] Undangan bergabung: ${invitee.tenantName}`, text)],
      };
    },
    async created() {},
    async resent() {},
    async disabled(email) {
      options.revoke(email);
    },
    async enabled() {},
    async removed(email) {
      options.revoke(email);
    },
  };
}
