// The innovation area chunk: everything an OPD operator or verifier needs, loaded on first visit.
export { InnovationEditPage } from './InnovationEditPage.tsx';
export { InnovationListPage } from './InnovationListPage.tsx';
