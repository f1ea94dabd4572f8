import type { idField } from './id-field.ts';

/** English for the dashboard's counts and the SPD autosave (merged into `en.ts`). */
export const enField: { readonly [K in keyof typeof idField]: string } = {
  'count.verified': 'Verified innovations',
  'count.verifiedValue': '{verified} of {submitted} submitted',
  'count.verifiedHint':
    'Declared verified by the verifier (including those ready to send or sent); the same as the Verified column of the OPD progress board. The verified index above scores accepted answers, including those of innovations still in review.',
  'count.boardLegend':
    'Verified: declared verified by the verifier, including those ready to send or sent (the same figure as on the dashboard). The target counts submitted innovations.',
  'count.submissionTargetMet': 'Submission target met',
  'term.divisor':
    'The number of innovations sent, but never below the minimum; the average maturity divides by this number.',
  'term.emptySeats':
    'How many innovations short of the minimum; each empty seat counts as 0 and lowers the average.',
  'spd.saveFailed': 'Not saved. Your entry is still here.',
};
