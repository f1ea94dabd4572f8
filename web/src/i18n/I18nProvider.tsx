import { createContext, type ReactNode, useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import { en } from './en.ts';
import { createFormatters, type Formatters } from './format.ts';
import { type Dictionary, id, type MessageKey } from './id.ts';
import { getLanguage, type Language, setLanguage, subscribeLanguage } from './language.ts';

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

interface I18nValue {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
  format: Formatters;
}

const DICTIONARIES: Record<Language, Dictionary> = { id, en };
const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const language = useSyncExternalStore(subscribeLanguage, getLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18nValue>(
    () => ({
      language,
      setLanguage,
      t: createTranslate(DICTIONARIES[language]),
      format: createFormatters(language),
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function createTranslate(dictionary: Dictionary): Translate {
  return (key, params) => {
    const template = dictionary[key];
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
