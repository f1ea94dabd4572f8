import type { idJump } from './id-jump.ts';

/** English for the indicators page's jump list (merged into `en.ts`). */
export const enJump: { readonly [K in keyof typeof idJump]: string } = {
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
