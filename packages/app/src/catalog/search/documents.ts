import { CATALOG_THEMES, type CatalogEntry, type KematanganBand, summarise } from '@inovasi/core';
import { Column, TextColumn } from './columns.ts';
import { keepTop } from './top.ts';
import type { CatalogListItem } from './types.ts';

const SNIPPET_CHARS = 200;

export const SINGLE_FACETS = [
  'urusan',
  'basicService',
  'kind',
  'form',
  'stage',
  'province',
  'region',
  'year',
] as const;
export type SingleFacet = (typeof SINGLE_FACETS)[number];
export const COLUMN_NAMES = [...SINGLE_FACETS, 'opd', 'band'] as const;
export type ColumnName = (typeof COLUMN_NAMES)[number];
export const THEME_CODES = CATALOG_THEMES.map((theme) => theme.code) as readonly string[];

/**
 * The listing fields and facet columns of every document, by document number, and the way from a
 * catalogue id to its document. Documents from a snapshot are found by binary search over the
 * snapshot's id order (no map of 200,000 ids to build on a cold start); later ones through a map.
 */
export class DocumentTable {
  catalogIds = new TextColumn();
  names = new TextColumn();
  snippets = new TextColumn();
  versions: number[] = [];
  publishedAt: number[] = [];
  themeMasks: number[] = [];
  lengths: number[] = [];
  alive: boolean[] = [];
  columns = Object.fromEntries(COLUMN_NAMES.map((name) => [name, new Column()])) as Record<
    ColumnName,
    Column
  >;
  readonly regionNames = new Map<string, string>();
  readonly provinceNames = new Map<string, string>();
  aliveCount = 0;
  totalLength = 0;
  /** Snapshot documents sorted by catalogue id. */
  idOrder = new Uint32Array(0);
  private readonly addedDocOf = new Map<string, number>();
  /** Versions seen since the snapshot, removals included, so a late or repeated step cannot undo a newer one. */
  private readonly knownVersions = new Map<string, number>();

  get count(): number {
    return this.alive.length;
  }

  private storedDoc(catalogId: string): number | undefined {
    const { idOrder } = this;
    let low = 0;
    let high = idOrder.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.catalogIds.at(idOrder[middle] as number) < catalogId) low = middle + 1;
      else high = middle;
    }
    const doc = idOrder[low];
    return doc !== undefined && this.catalogIds.at(doc) === catalogId ? doc : undefined;
  }

  /** The live document of an entry. */
  docOf(catalogId: string): number | undefined {
    const added = this.addedDocOf.get(catalogId);
    if (added !== undefined) return added;
    const stored = this.storedDoc(catalogId);
    return stored !== undefined && this.alive[stored] ? stored : undefined;
  }

  knownVersion(catalogId: string): number | undefined {
    const known = this.knownVersions.get(catalogId);
    if (known !== undefined) return known;
    const stored = this.storedDoc(catalogId);
    return stored === undefined ? undefined : this.versions[stored];
  }

  noteVersion(catalogId: string, version: number): void {
    this.knownVersions.set(catalogId, version);
  }

  add(entry: CatalogEntry, length: number): number {
    const doc = this.alive.length;
    this.catalogIds.push(entry.catalogId);
    this.names.push(entry.name);
    this.snippets.push(summarise(entry.summary, SNIPPET_CHARS));
    this.versions.push(entry.version);
    this.publishedAt.push(Date.parse(entry.publishedAt));
    this.themeMasks.push(entry.themes.reduce((mask, theme) => mask | (1 << THEME_CODES.indexOf(theme)), 0));
    const { columns } = this;
    columns.urusan.codes.push(columns.urusan.code(entry.urusanMain));
    columns.basicService.codes.push(columns.basicService.code(String(entry.basicService)));
    columns.kind.codes.push(columns.kind.code(entry.kind));
    columns.form.codes.push(columns.form.code(entry.form));
    columns.stage.codes.push(columns.stage.code(entry.stage));
    columns.province.codes.push(columns.province.code(entry.province.code));
    columns.region.codes.push(columns.region.code(entry.region.code));
    columns.year.codes.push(columns.year.code(entry.year === undefined ? undefined : String(entry.year)));
    columns.opd.codes.push(columns.opd.code(entry.opd.name));
    columns.band.codes.push(columns.band.code(entry.kematanganBand));
    this.regionNames.set(entry.region.code, entry.region.name);
    this.provinceNames.set(entry.province.code, entry.province.name);
    this.lengths.push(length);
    this.alive.push(true);
    this.aliveCount++;
    this.totalLength += length;
    this.addedDocOf.set(entry.catalogId, doc);
    return doc;
  }

  discard(catalogId: string): boolean {
    const doc = this.docOf(catalogId);
    if (doc === undefined) return false;
    this.addedDocOf.delete(catalogId);
    this.alive[doc] = false;
    this.aliveCount--;
    this.totalLength -= this.lengths[doc] ?? 0;
    return true;
  }

  listItem(doc: number): CatalogListItem {
    const catalogId = this.catalogIds.at(doc);
    const { columns } = this;
    const region = columns.region.valueAt(doc) ?? '';
    const province = columns.province.valueAt(doc) ?? '';
    const year = columns.year.valueAt(doc);
    const themes = THEME_CODES.filter((_, bit) => ((this.themeMasks[doc] ?? 0) & (1 << bit)) !== 0);
    return {
      catalogId,
      innovationId: catalogId.slice(catalogId.indexOf('~') + 1),
      name: this.names.at(doc),
      region: { code: region, name: this.regionNames.get(region) ?? region },
      province: { code: province, name: this.provinceNames.get(province) ?? province },
      opdName: columns.opd.valueAt(doc) ?? '',
      urusanMain: columns.urusan.valueAt(doc),
      basicService: columns.basicService.valueAt(doc) === 'true',
      kind: columns.kind.valueAt(doc),
      form: columns.form.valueAt(doc),
      stage: columns.stage.valueAt(doc),
      themes,
      year: year === undefined ? undefined : Number(year),
      summary: this.snippets.at(doc),
      kematanganBand: columns.band.valueAt(doc) as KematanganBand | undefined,
      publishedAt: new Date(this.publishedAt[doc] as number).toISOString(),
    };
  }

  /**
   * Innovations of other regions that share the entry's urusan or a theme, most alike first:
   * same urusan weighs most, then each shared theme, then kind, form and province.
   */
  similar(doc: number, limit: number): CatalogListItem[] {
    const { columns, themeMasks } = this;
    const target = {
      doc,
      region: columns.region.codes[doc],
      urusan: columns.urusan.codes[doc] ?? 0,
      themes: themeMasks[doc] ?? 0,
    };
    const best: Ranked[] = [];
    for (let other = 0; other < this.alive.length; other++) {
      const score = this.similarity(target, other);
      if (score !== undefined) keepTop(best, limit, { doc: other, score }, byScoreDescending);
    }
    return best.map(({ doc: other }) => this.listItem(other));
  }

  /** How alike a live document of another region is; undefined when it shares neither urusan nor theme. */
  private similarity(
    target: { doc: number; region: number | undefined; urusan: number; themes: number },
    other: number,
  ): number | undefined {
    const { columns, themeMasks } = this;
    const { doc, urusan } = target;
    if (!this.alive[other] || columns.region.codes[other] === target.region) return undefined;
    const sameUrusan = urusan !== 0 && columns.urusan.codes[other] === urusan;
    const shared = popcount((themeMasks[other] ?? 0) & target.themes);
    if (!sameUrusan && shared === 0) return undefined;
    return (
      (sameUrusan ? 4 : 0) +
      2 * shared +
      (columns.kind.codes[other] === columns.kind.codes[doc] ? 1 : 0) +
      (columns.form.codes[other] === columns.form.codes[doc] ? 1 : 0) +
      (columns.province.codes[other] === columns.province.codes[doc] ? 0.5 : 0) +
      (this.publishedAt[other] as number) / 1e15
    );
  }
}

interface Ranked {
  readonly doc: number;
  readonly score: number;
}

const byScoreDescending = (a: Ranked, b: Ranked) => b.score - a.score;

export const popcount = (value: number): number => {
  let bits = value >>> 0;
  let count = 0;
  while (bits !== 0) {
    bits &= bits - 1;
    count++;
  }
  return count;
};
