import type { idPolish } from './id-polish.ts';

/** English for the operators' and verifiers' everyday details (merged into `en.ts`). */
export const enPolish: { readonly [K in keyof typeof idPolish]: string } = {
  'deadline.title': 'OPD entry deadline, period {year}',
  'deadline.daysLeft': '{days} days left (until {date})',
  'deadline.today': 'Today is the last day ({date})',
  'deadline.passed': '{days} days past ({date}); only Bappeda can still make changes.',
  'deadline.readOnly': 'Period {year} is closed; nothing can be changed any more.',
  'deadline.extended': 'Includes an extension for your OPD.',
  'workflow.blocked.answersNotReviewed':
    'Cannot be declared verified yet: {count} answers have not been accepted. Accept every answer first, or return the innovation to the OPD if something needs fixing.',
  'app.error.unavailable': 'The service is temporarily unavailable. Wait a few minutes and try again.',
  'app.error.tooMany': 'Too many requests in a short time. Wait a moment and try again.',
  'app.error.tooLarge': 'The file or entry is too large to send.',
  'app.error.server':
    'The server is having trouble. Try again later; if it keeps happening, contact Bappeda.',
  'exports.emptyPack':
    'No innovation of {year} is Ready to send yet, so the pack would hold 0 innovations. Mark verified innovations as Ready to send first.',
  'evidence.documentDateRequired': 'Document date (required for this indicator)',
  'evidence.documentDateMissing':
    'Enter the document date: this indicator only accepts documents dated within the range shown above.',
  'date.clear': 'Clear the date',
};
