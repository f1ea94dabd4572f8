import { useEffect, useRef, useState } from 'react';
import type { Innovation } from '../../api/model.ts';
import { onDraftsChanged } from './draftStore.ts';
import { onProfileSent, type QueuedProfile, readQueuedProfile } from './offlineProfile.ts';

/**
 * The profile edit of one innovation kept on this device to be sent when online (or refused), as the
 * profile page shows it; `onSent` runs when the app-level sender delivered it while the page is open.
 */
export function useQueuedProfile(key: string | null, onSent: (saved: Innovation) => void) {
  const [queued, setQueued] = useState<QueuedProfile | undefined>(undefined);
  const sent = useRef(onSent);
  sent.current = onSent;

  useEffect(() => {
    if (!key) return;
    let live = true;
    const load = () =>
      void readQueuedProfile(key).then((current) => {
        if (live) setQueued(current);
      });
    const stopChanges = onDraftsChanged(load);
    const stopSent = onProfileSent((sentKey, saved) => {
      if (sentKey === key) sent.current(saved);
    });
    load();
    return () => {
      live = false;
      stopChanges();
      stopSent();
    };
  }, [key]);

  return queued;
}
