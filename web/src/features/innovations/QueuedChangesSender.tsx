import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useMe } from '../../auth/MeContext.tsx';
import { RETRY_EVERY_MS, SYNC_TAG, sendAllQueues } from './offlineAnswers.ts';

/**
 * The app-level sender of answers kept offline (docs/decisions/0045): mounted once for the signed-in
 * person, so the queues go out when the connection returns wherever the person is in the app, not
 * only on the innovation's page. Three triggers: the browser's `online` event, a timer (a connection
 * can fail while the browser still believes it is online), and the service worker's Background Sync,
 * which wakes it through a message: the worker has no token, the tab has the current one.
 */
export default function QueuedChangesSender() {
  const { user } = useMe();
  const queryClient = useQueryClient();
  useEffect(() => {
    const sendNow = () => void sendAllQueues(user.id, queryClient).catch(() => undefined);
    const fromWorker = (event: MessageEvent) => {
      if ((event.data as { type?: string } | null)?.type === SYNC_TAG) sendNow();
    };
    const worker = (navigator as { serviceWorker?: ServiceWorkerContainer }).serviceWorker;
    window.addEventListener('online', sendNow);
    worker?.addEventListener('message', fromWorker);
    const timer = setInterval(sendNow, RETRY_EVERY_MS);
    sendNow();
    return () => {
      window.removeEventListener('online', sendNow);
      worker?.removeEventListener('message', fromWorker);
      clearInterval(timer);
    };
  }, [user.id, queryClient]);
  return null;
}
