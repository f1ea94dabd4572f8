import type { idField } from './id-field.ts';

/** English for the jump list, the dashboard's counts and the SPD autosave (merged into `en.ts`). */
export const enField: { readonly [K in keyof typeof idField]: string } = {
  'jump.title': 'Indicator list',
  'jump.summary': '{answered}/{total} answered',
  'jump.summaryReview': '{waiting} waiting for review',
  'jump.show': 'Indicator list ({answered}/{total})',
  'jump.hide': 'Close list',
  'jump.nextUnanswered': 'Next unanswered',
  'jump.nextWaiting': 'Next waiting for review',
  'jump.noneUnanswered': 'Every indicator has been answered.',
  'jump.noneWaiting': 'No more answers are waiting for review.',
  'jump.state.answered': 'Answered',
  'jump.state.empty': 'Not answered',
  'jump.state.mandatoryMissing': 'Mandatory, not answered',
  'jump.state.waiting': 'Waiting for review',
  'jump.state.accepted': 'Accepted',
  'jump.state.returned': 'Returned',
  'jump.loading': 'Loading the indicators…',
};
