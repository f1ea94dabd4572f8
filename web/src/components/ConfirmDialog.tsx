import { lazy, Suspense, useState } from 'react';
import type { ConfirmDialogProps } from './ConfirmModal.tsx';

// A modal brings Mantine's portal, focus trap and overlay (with the popover code they share a chunk
// with, about 20 KB gzip): fetched when a question is first asked, not with every screen that may ask one.
const ConfirmModal = lazy(() => import('./ConfirmModal.tsx'));

/** A yes/no question before an action that is not undone from the same screen (archiving). */
export function ConfirmDialog(props: ConfirmDialogProps) {
  // Once shown it stays mounted, so closing plays the modal's own transition.
  const [asked, setAsked] = useState(props.opened);
  if (props.opened && !asked) setAsked(true);
  if (!asked) return null;
  return (
    <Suspense fallback={null}>
      <ConfirmModal {...props} />
    </Suspense>
  );
}
