import { useSearchParams } from 'react-router';

/**
 * Search, filters and sort that live in the address (shareable, bookmarkable, kept on reload).
 * `update` edits the address as it is now rather than the render's copy: the router's updater is
 * not queued like React state, so two changes in quick succession would otherwise undo each other.
 */
export function useAddressParams() {
  const [params, setParams] = useSearchParams();
  const update = (
    change: (next: URLSearchParams) => void,
    options: { replace: boolean } = { replace: true },
  ) => {
    const next = new URLSearchParams(window.location.search);
    change(next);
    setParams(next, options);
  };
  /** Sets each named value, or removes it when empty. */
  const assign = (values: Record<string, string | null | undefined>) =>
    update((next) => {
      for (const [name, value] of Object.entries(values)) {
        if (value) next.set(name, value);
        else next.delete(name);
      }
    });
  const clear = (options: { replace: boolean } = { replace: true }) => setParams({}, options);
  return { params, update, assign, clear };
}
