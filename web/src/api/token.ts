/**
 * The bearer token lives in sessionStorage: it disappears with the tab, which suits shared office
 * computers. It is kept outside React so the API client can read it; React subscribes to changes,
 * so clearing it (sign-out or a 401) sends the user to the sign-in page from wherever they are.
 */
const TOKEN_KEY = 'inovasi.token';
const listeners = new Set<() => void>();

export function readToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
  notify();
}

export function clearToken(): void {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
  notify();
}

export function subscribeToken(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of listeners) listener();
}
