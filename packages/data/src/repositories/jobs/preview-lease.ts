import type { JobError } from '@inovasi/core';
import { type TenantClients, tenantOf } from '../../clients.ts';
import { jobKeys } from '../../keys.ts';
import { LeaseProtocol } from './lease-protocol.ts';

/** Why a preview that ran out of attempts stopped: the file is what keeps killing its runs. */
export const PREVIEW_GIVEN_UP: JobError = {
  code: 'import_preview_limit',
  field: 'file',
  message:
    'Berkas ini terlalu berat untuk dipratinjau. Hapus baris dan kolom kosong yang berformat, atau bagi berkasnya.',
};

/**
 * An import's preview on the shared lease protocol (`lease-protocol.ts`, docs/decisions/0032): the
 * import's own item stays `previewing` while a run holds it, the runs are counted apart from the
 * import's (`previewAttempts`), and a preview whose runs all stopped goes back to where the import
 * was (`previewFrom`) with `import_preview_limit`.
 */
export const previewLease = (clients: TenantClients) =>
  new LeaseProtocol(clients, {
    // The tenant is read at each use, as a repository reads it: building the lease touches nothing.
    keyOf: (id) => jobKeys.importJob(tenantOf(clients), id),
    heldStatus: 'previewing',
    attemptsAttribute: 'previewAttempts',
    claimable: {
      expression: '#status = :held AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
      names: { '#status': 'status' },
    },
    onClaim: {
      assignments: ['progress = :progress', 'stage = :stage'],
      values: { ':progress': 5, ':stage': 'Membaca berkas' },
    },
    givenUp: () => ({
      copy: { status: 'previewFrom' },
      set: { error: PREVIEW_GIVEN_UP },
      remove: ['runId', 'leaseUntil'],
    }),
    describe: (id) => `preview of ${id}`,
  });
