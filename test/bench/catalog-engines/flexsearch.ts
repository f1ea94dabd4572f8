import { CATALOG_THEMES, type CatalogEntry, searchWords, URUSAN, wordForms } from '@inovasi/core';
import FlexSearch from 'flexsearch';
import type { BenchAnswer, BenchEngine, BenchQuery } from './engines.ts';

/**
 * FlexSearch 0.8 with the catalogue's own Indonesian words and stems as its encoder and the
 * `forward` tokenizer (prefixes, for the word being typed). FlexSearch has no facets, filters by
 * value or sort by date: those are done here over plain columns, from the full list of matches
 * (which facet counts need). Its ranking is by word position, not BM25, so the name comes first.
 */
const NARRATIVE_WORDS = 60;
const themeLabel = new Map(CATALOG_THEMES.map((theme) => [theme.code, theme.label]));
const urusanName = new Map(URUSAN.map((urusan) => [urusan.code, urusan.name]));
const SINGLE = ['urusan', 'basicService', 'kind', 'form', 'stage', 'province', 'region', 'year'] as const;
type Single = (typeof SINGLE)[number];

interface Columns {
  catalogId: string[];
  publishedAt: number[];
  theme: string[][];
  values: Record<Single, string[]>;
}

const head = (text: string | undefined) => (text ?? '').split(/\s+/).slice(0, NARRATIVE_WORDS).join(' ');
const encode = (text: string) => [...new Set(searchWords(text).flatMap((word) => wordForms(word)))];
const newIndex = () => new FlexSearch.Index({ tokenize: 'forward', encode, cache: false });

function searchableText(entry: CatalogEntry): string {
  return [
    entry.name,
    ...entry.themes.map((code) => themeLabel.get(code) ?? code),
    ...[entry.urusanMain, ...entry.urusanOthers].map((code) => (code ? (urusanName.get(code) ?? code) : '')),
    entry.region.name,
    entry.province.name,
    entry.opd.name,
    head(entry.summary),
    head(entry.tujuan),
    head(entry.manfaat),
    head(entry.hasil),
  ].join(' ');
}

export class FlexSearchEngine implements BenchEngine {
  private index = newIndex();
  private columns: Columns = {
    catalogId: [],
    publishedAt: [],
    theme: [],
    values: Object.fromEntries(SINGLE.map((facet) => [facet, []])) as unknown as Record<Single, string[]>,
  };

  async build(entries: readonly CatalogEntry[]): Promise<void> {
    entries.forEach((entry, doc) => {
      this.index.add(doc, searchableText(entry));
      this.columns.catalogId.push(entry.catalogId);
      this.columns.publishedAt.push(Date.parse(entry.publishedAt));
      this.columns.theme.push(entry.themes);
      const values = this.columns.values;
      values.urusan.push(entry.urusanMain ?? '');
      values.basicService.push(String(entry.basicService));
      values.kind.push(entry.kind ?? '');
      values.form.push(entry.form ?? '');
      values.stage.push(entry.stage ?? '');
      values.province.push(entry.province.code);
      values.region.push(entry.region.code);
      values.year.push(String(entry.year ?? ''));
    });
  }

  async snapshot(): Promise<Map<string, Uint8Array>> {
    const parts: Record<string, string> = {};
    await this.index.export((key: string, data: string) => {
      parts[key] = data;
    });
    return new Map([
      ['flexsearch.json', Buffer.from(JSON.stringify(parts))],
      ['columns.json', Buffer.from(JSON.stringify(this.columns))],
    ]);
  }

  async load(files: ReadonlyMap<string, Uint8Array>): Promise<void> {
    this.index = newIndex();
    const parts = JSON.parse(Buffer.from(files.get('flexsearch.json') as Uint8Array).toString('utf8'));
    for (const [key, data] of Object.entries(parts)) await this.index.import(key, data as string);
    this.columns = JSON.parse(Buffer.from(files.get('columns.json') as Uint8Array).toString('utf8'));
  }

  async search(query: BenchQuery): Promise<BenchAnswer> {
    const { columns } = this;
    const text = query.text?.trim() ?? '';
    const candidates = text
      ? (this.index.search(text, { limit: columns.catalogId.length, suggest: true }) as number[])
      : columns.catalogId.map((_, doc) => doc);
    const filters = Object.entries(query.filters).filter(([, values]) => values && values.length > 0);
    const counts = new Map<string, number>();
    const matches: number[] = [];
    for (const doc of candidates) {
      const passes = filters.every(([facet, values]) =>
        facet === 'theme'
          ? (columns.theme[doc] ?? []).some((theme) => values?.includes(theme))
          : values?.includes(columns.values[facet as Single][doc] ?? ''),
      );
      if (!passes) continue;
      matches.push(doc);
      for (const facet of SINGLE) {
        const key = `${facet}:${columns.values[facet][doc]}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      for (const theme of columns.theme[doc] ?? [])
        counts.set(`theme:${theme}`, (counts.get(`theme:${theme}`) ?? 0) + 1);
    }
    const ordered =
      query.sort === 'recent' || !text
        ? matches.sort((a, b) => (columns.publishedAt[b] ?? 0) - (columns.publishedAt[a] ?? 0))
        : matches;
    return {
      total: matches.length,
      ids: ordered.slice(0, query.limit).map((doc) => columns.catalogId[doc] as string),
      facetValues: counts.size,
    };
  }
}
