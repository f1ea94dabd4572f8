import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import { createFormatters, type Formatters } from './format.ts';
import { type Dictionary, id, type MessageKey } from './id.ts';
import { getLanguage, type Language, setLanguage, subscribeLanguage } from './language.ts';
import { featureMessages } from './messages.ts';

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

interface I18nValue {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
  format: Formatters;
}

/**
 * Bahasa Indonesia ships with the first download; English is fetched when someone picks it, so the
 * majority on slow connections never pays for a dictionary they do not read.
 */
type Messages = Readonly<Record<string, string>>;
const loaded: Partial<Record<Language, Messages>> = { id };
const LOADERS: Record<Language, () => Promise<Messages>> = {
  id: async () => id,
  en: async () => (await import('./en.ts')).en,
};

function loadDictionary(language: Language): Promise<Messages> {
  const ready = loaded[language];
  if (ready) return Promise.resolve(ready);
  return LOADERS[language]().then((dictionary) => {
    loaded[language] = dictionary;
    return dictionary;
  });
}

// A stored English choice starts loading with the app, not after the first render.
if (getLanguage() !== 'id') void loadDictionary(getLanguage()).catch(() => undefined);

const I18nContext = createContext<I18nValue | null>(null);

/** The prerendered public pages (src/prerender.tsx) are written in Bahasa Indonesia; hydration starts there. */
const prerenderLanguage = (): Language => 'id';

export function I18nProvider({ children }: { children: ReactNode }) {
  const chosen = useSyncExternalStore(subscribeLanguage, getLanguage, prerenderLanguage);
  const [, setLoadedCount] = useState(0);
  // Until the chosen dictionary has arrived the interface stays in Bahasa Indonesia (and says so in `lang`).
  const language: Language = loaded[chosen] ? chosen : 'id';
  useEffect(() => {
    if (loaded[chosen]) return;
    let cancelled = false;
    loadDictionary(chosen)
      .then(() => {
        if (!cancelled) setLoadedCount((count) => count + 1);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [chosen]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18nValue>(
    () => ({
      language,
      setLanguage,
      t: createTranslate(loaded[language] ?? id),
      format: createFormatters(language),
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** Looks a key up in the dictionary, then in the feature messages registered so far (Indonesian). */
export function createTranslate(dictionary: Dictionary | Messages): Translate {
  return (key, params) => {
    const template = (dictionary as Messages)[key] ?? featureMessages[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      name in params ? String(params[name]) : placeholder,
    );
  };
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}

export function useFormat(): Formatters {
  return useI18n().format;
}
