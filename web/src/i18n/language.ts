/**
 * The chosen language lives outside React so that the API client can send it as `Accept-Language`
 * on every request; React subscribes to it through `useSyncExternalStore`.
 */
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'inovasi.lang';
const listeners = new Set<() => void>();

function readStored(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'id';
  } catch {
    // Storage can be blocked (private mode, policy); Bahasa Indonesia is the default.
    return 'id';
  }
}

let current: Language = readStored();

export function getLanguage(): Language {
  return current;
}

export function setLanguage(language: Language): void {
  if (language === current) return;
  current = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted, but the switch still applies for this visit.
  }
  for (const listener of listeners) listener();
}

export function subscribeLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
