import type { idGaps } from './id-gaps.ts';

/** English for the gap analysis heat map (merged into `en.ts`). */
export const enGaps: { readonly [K in keyof typeof idGaps]: string } = {
  'gaps.title': 'Indicator gap analysis',
  'gaps.intro':
    'Each cell is one indicator of one innovation: empty, answered without evidence, evidence waiting for a check, returned by the verifier, or accepted. Fill the empty ones before the ministry’s assessors find them.',
  'gaps.open': 'Open the indicator gap map',
  'gaps.dashboardTitle': 'Indicator gaps',
  'gaps.dashboardIntro':
    'Which indicators are empty, which are answered without evidence, and which evidence was returned, per innovation and per OPD.',
  'gaps.year': 'Assessment year {year} · rubric {rubric}',
  'gaps.headline': '{percent}% of indicators not filled',
  'gaps.headlineDetail':
    '{empty} of {total} innovation indicators are empty; {noEvidence}% are answered without evidence.',
  'gaps.empty': 'There are no innovations in this period yet.',
  'gaps.legend': 'Legend',
  'gaps.state.empty': 'Empty',
  'gaps.state.no_evidence': 'No evidence',
  'gaps.state.waiting': 'Evidence waiting',
  'gaps.state.returned': 'Returned',
  'gaps.state.accepted': 'Accepted',
  'gaps.symbol.empty': 'E',
  'gaps.symbol.no_evidence': 'NE',
  'gaps.symbol.waiting': 'W',
  'gaps.symbol.returned': 'R',
  'gaps.symbol.accepted': 'A',
  'gaps.map': 'Indicator × innovation map',
  'gaps.view': 'Map view',
  'gaps.view.innovations': 'By innovation',
  'gaps.view.opds': 'By OPD',
  'gaps.col.innovation': 'Innovation',
  'gaps.col.ours': 'Our maturity (claimed / verified)',
  'gaps.col.national': 'National maturity',
  'gaps.nationalNone': 'not yet',
  'gaps.opdRow': '{name} · {percent}% empty',
  'gaps.cell': '{indicator}: {state}',
  'gaps.totalEmpty': 'Empty per indicator',
  'gaps.mandatoryNote': '* mandatory indicator',
  'gaps.mandatory': 'mandatory',
  'gaps.byOpd': 'Per OPD',
  'gaps.col.opd': 'OPD',
  'gaps.col.innovations': 'Innovations',
  'gaps.col.emptyPercent': 'Empty',
  'gaps.col.noEvidencePercent': 'No evidence',
  'gaps.col.returned': 'Returned',
  'gaps.nationalNote':
    'The national maturity is filled in when the ministry’s result is recorded on an innovation that was sent.',
};
