import { CATALOG_THEMES, type CatalogEntry, searchWords, URUSAN, wordForms } from '@inovasi/core';
import { type AnyOrama, create, insertMultiple, load, save, search } from '@orama/orama';
import type { BenchAnswer, BenchEngine, BenchQuery } from './engines.ts';

/**
 * Orama 3 with the catalogue's own Indonesian tokenizer (the same words and stems as the engine),
 * field boosts equal to the engine's field weights, `where` filters, facets and a `publishedAt` sort.
 * The snapshot is Orama's `save()` as JSON, the plugin-data-persistence "json" format: its restore
 * builds a database with the default tokenizer, so the database is created here and `load()`ed.
 */
const schema = {
  catalogId: 'string',
  name: 'string',
  labels: 'string',
  place: 'string',
  opd: 'string',
  summary: 'string',
  narrative: 'string',
  urusan: 'enum',
  basicService: 'enum',
  kind: 'enum',
  form: 'enum',
  stage: 'enum',
  province: 'enum',
  region: 'enum',
  year: 'enum',
  theme: 'enum[]',
  publishedAt: 'number',
} as const;

const BOOST = { name: 6, labels: 4, place: 4, opd: 2, summary: 2, narrative: 1 };
const FACETS = ['urusan', 'basicService', 'kind', 'form', 'stage', 'province', 'region', 'year', 'theme'];
const NARRATIVE_WORDS = 60;
const themeLabel = new Map(CATALOG_THEMES.map((theme) => [theme.code, theme.label]));
const urusanName = new Map(URUSAN.map((urusan) => [urusan.code, urusan.name]));

const tokenizer = {
  language: 'indonesian',
  normalizationCache: new Map<string, string>(),
  tokenize: (raw: string) => [...new Set(searchWords(raw).flatMap((word) => wordForms(word)))],
};

const head = (text: string | undefined) => (text ?? '').split(/\s+/).slice(0, NARRATIVE_WORDS).join(' ');

function document(entry: CatalogEntry) {
  return {
    catalogId: entry.catalogId,
    name: entry.name,
    labels: [
      ...entry.themes.map((code) => themeLabel.get(code) ?? code),
      ...[entry.urusanMain, ...entry.urusanOthers].map((code) =>
        code ? (urusanName.get(code) ?? code) : '',
      ),
    ].join(' '),
    place: `${entry.region.name} ${entry.province.name}`,
    opd: entry.opd.name,
    summary: head(entry.summary),
    narrative: [head(entry.tujuan), head(entry.manfaat), head(entry.hasil)].join(' '),
    urusan: entry.urusanMain ?? '',
    basicService: String(entry.basicService),
    kind: entry.kind ?? '',
    form: entry.form ?? '',
    stage: entry.stage ?? '',
    province: entry.province.code,
    region: entry.region.code,
    year: String(entry.year ?? ''),
    theme: entry.themes,
    publishedAt: Date.parse(entry.publishedAt),
  };
}

export class OramaEngine implements BenchEngine {
  private db: AnyOrama = this.empty();

  private empty(): AnyOrama {
    return create({ schema, components: { tokenizer } }) as AnyOrama;
  }

  async build(entries: readonly CatalogEntry[]): Promise<void> {
    await insertMultiple(this.db, entries.map(document), 1000);
  }

  async snapshot(): Promise<Map<string, Uint8Array>> {
    return new Map([['orama.json', Buffer.from(JSON.stringify(save(this.db)))]]);
  }

  async load(files: ReadonlyMap<string, Uint8Array>): Promise<void> {
    this.db = this.empty();
    const raw = JSON.parse(Buffer.from(files.get('orama.json') as Uint8Array).toString('utf8'));
    load(this.db, raw);
  }

  async search(query: BenchQuery): Promise<BenchAnswer> {
    const where: Record<string, unknown> = {};
    for (const [facet, values] of Object.entries(query.filters)) {
      if (values && values.length > 0)
        where[facet] = facet === 'theme' ? { containsAny: values } : { in: values };
    }
    const text = query.text?.trim() ?? '';
    const result = await search(this.db, {
      term: text,
      properties: text ? ['name', 'labels', 'place', 'opd', 'summary', 'narrative'] : undefined,
      boost: BOOST,
      where: Object.keys(where).length > 0 ? (where as never) : undefined,
      facets: Object.fromEntries(FACETS.map((facet) => [facet, { limit: 40 }])) as never,
      sortBy: query.sort === 'recent' || !text ? { property: 'publishedAt', order: 'DESC' } : undefined,
      limit: query.limit,
    } as never);
    return {
      total: result.count,
      ids: result.hits.map((hit) => (hit.document as unknown as { catalogId: string }).catalogId),
      facetValues: Object.values(result.facets ?? {}).reduce(
        (sum, facet) => sum + Object.keys((facet as { values: object }).values).length,
        0,
      ),
    };
  }
}
