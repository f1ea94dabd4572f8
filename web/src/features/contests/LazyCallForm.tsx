import { type ComponentProps, lazy, Suspense } from 'react';
import { LoadingState } from '../../components/PageStates.tsx';

// The call editor (number inputs, date fields, category rows) is only for Bappeda: the judges and
// entrants who open the same pages do not download it.
const CallForm = lazy(() => import('./CallForm.tsx').then((module) => ({ default: module.CallForm })));

export function LazyCallForm(props: ComponentProps<typeof CallForm>) {
  return (
    <Suspense fallback={<LoadingState />}>
      <CallForm {...props} />
    </Suspense>
  );
}
