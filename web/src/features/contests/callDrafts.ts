/**
 * The call editor's rows and the entry form's category answers, as plain data: what the admin types
 * becomes the call's categories and criteria (ids derived from the labels), and what an entrant types
 * is checked against the category's own fields before anything is sent (ADR 0037).
 */

export type EntrantChoice = 'opd' | 'citizen' | 'both';
export type FieldType = 'text' | 'number';

/** Rows carry a key of their own so removing one keeps the others' inputs in place. */
let nextRow = 0;
const rowKey = (): number => {
  nextRow += 1;
  return nextRow;
};

export interface FieldDraft {
  row: number;
  /** Kept from the saved call, so answers already given stay attached to the field. */
  key?: string;
  label: string;
  type: FieldType;
  required: boolean;
}

export interface CategoryDraft {
  row: number;
  /** Kept from the saved call: entries name their category by id. */
  id?: string;
  label: string;
  entrants: EntrantChoice;
  fields: FieldDraft[];
}

export interface CriterionDraft {
  row: number;
  /** Kept from the saved call: score sheets name their criteria by id. */
  id?: string;
  label: string;
  weight: number | string;
  scaleMin: number | string;
  scaleMax: number | string;
}

export const STAGE_DATE_FIELDS = [
  'entriesOpen',
  'entriesClose',
  'screeningEnd',
  'deskEnd',
  'finalEnd',
  'announcement',
] as const;

export const newCriterion = (label = ''): CriterionDraft => ({
  row: rowKey(),
  label,
  weight: 1,
  scaleMin: 1,
  scaleMax: 10,
});
export const newField = (): FieldDraft => ({ row: rowKey(), label: '', type: 'text', required: false });
export const newCategory = (label = '', entrants: EntrantChoice = 'opd'): CategoryDraft => ({
  row: rowKey(),
  label,
  entrants,
  fields: [],
});

/**
 * Ids for a list's rows: a row saved before keeps its id; a new one gets a lower-case id from its
 * label, unique within the list, in the alphabet category fields accept.
 */
export function uniqueIds(
  labels: readonly string[],
  prefix: string,
  kept: readonly (string | undefined)[] = [],
): string[] {
  const taken = new Set(kept.filter((id): id is string => id !== undefined));
  return labels.map((label, index) => {
    const saved = kept[index];
    if (saved !== undefined) return saved;
    const base =
      label
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 36) || `${prefix}${index + 1}`;
    let id = base;
    for (let suffix = 2; taken.has(id); suffix++) id = `${base}-${suffix}`;
    taken.add(id);
    return id;
  });
}

/**
 * A number field left empty stays NaN rather than 0, so the server names the field instead of
 * silently taking a zero nobody typed.
 */
const asNumber = (value: number | string): number =>
  typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);

export function criteriaFromDrafts(drafts: readonly CriterionDraft[]) {
  const ids = uniqueIds(
    drafts.map((draft) => draft.label),
    'k',
    drafts.map((draft) => draft.id),
  );
  return drafts.map((draft, index) => ({
    id: ids[index] as string,
    label: draft.label.trim(),
    weight: asNumber(draft.weight),
    scaleMin: asNumber(draft.scaleMin),
    scaleMax: asNumber(draft.scaleMax),
  }));
}

export function categoriesFromDrafts(drafts: readonly CategoryDraft[]) {
  const ids = uniqueIds(
    drafts.map((draft) => draft.label),
    'kategori',
    drafts.map((draft) => draft.id),
  );
  return drafts.map((draft, index) => {
    const keys = uniqueIds(
      draft.fields.map((field) => field.label),
      'isian',
      draft.fields.map((field) => field.key),
    );
    return {
      id: ids[index] as string,
      label: draft.label.trim(),
      entrantKinds: (draft.entrants === 'both' ? ['opd', 'citizen'] : [draft.entrants]) as (
        | 'opd'
        | 'citizen'
      )[],
      extraFields: draft.fields.map((field, fieldIndex) => ({
        key: keys[fieldIndex] as string,
        label: field.label.trim(),
        type: field.type,
        required: field.required,
      })),
    };
  });
}

/** A category field as the call defines it (the server's `extraFields`). */
export interface CategoryField {
  key: string;
  label: string;
  type: FieldType;
  required?: boolean;
}

export type FieldProblem = 'required' | 'number';

/** What is wrong with an entrant's answers to a category's fields, by field key; empty when none. */
export function categoryFieldProblems(
  fields: readonly CategoryField[],
  answers: Readonly<Record<string, string>>,
): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const field of fields) {
    const value = (answers[field.key] ?? '').trim();
    if (value === '') {
      if (field.required) problems[field.key] = 'required';
    } else if (field.type === 'number' && !Number.isFinite(Number(value))) problems[field.key] = 'number';
  }
  return problems;
}

/** The answers as the server takes them: numbers as numbers, empty optional answers left out. */
export function categoryFieldValues(
  fields: readonly CategoryField[],
  answers: Readonly<Record<string, string>>,
): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const field of fields) {
    const value = (answers[field.key] ?? '').trim();
    if (value !== '') values[field.key] = field.type === 'number' ? Number(value) : value;
  }
  return values;
}

/** A judge's score against a criterion's own scale; `undefined` when it is fine. */
export function scoreProblem(
  scale: { scaleMin: number; scaleMax: number },
  value: number | string | undefined,
): 'required' | 'range' | undefined {
  if (value === undefined || value === '') return 'required';
  const number = Number(value);
  if (!Number.isFinite(number) || number < scale.scaleMin || number > scale.scaleMax) return 'range';
  return undefined;
}

type Aggregation = 'mean' | 'trimmed_mean' | 'z_score';

/** The call as the editor holds it: free text where people type, rows where the call has lists. */
export interface CallDraft {
  title: string;
  year: number;
  description: string;
  eligibility: string;
  stageDates: Record<(typeof STAGE_DATE_FIELDS)[number], string>;
  categories: CategoryDraft[];
  desk: CriterionDraft[];
  final: CriterionDraft[];
  prizes: string;
  blindMode: boolean;
  aggregation: Aggregation;
  judgesPerEntry: number;
}

/** A new call starts from the shape most regional contests share. */
export const blankDraft = (year: number): CallDraft => ({
  title: '',
  year,
  description: '',
  eligibility: '',
  stageDates: {
    entriesOpen: '',
    entriesClose: '',
    screeningEnd: '',
    deskEnd: '',
    finalEnd: '',
    announcement: '',
  },
  categories: [newCategory('ASN/OPD', 'opd'), newCategory('Masyarakat', 'citizen')],
  desk: ['Kebaruan', 'Manfaat', 'Keberlanjutan'].map((label) => newCriterion(label)),
  final: ['Presentasi', 'Kunjungan lapangan'].map((label) => newCriterion(label)),
  prizes: 'Juara I\nJuara II\nJuara III',
  blindMode: true,
  aggregation: 'mean',
  judgesPerEntry: 2,
});

interface SavedCriterion {
  id: string;
  label: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

/** What the editor needs of a saved call. */
export interface SavedCall {
  title: string;
  year: number;
  description: string;
  eligibility: string;
  stageDates: CallDraft['stageDates'];
  categories: readonly {
    id: string;
    label: string;
    entrantKinds: readonly ('opd' | 'citizen')[];
    extraFields: readonly { key: string; label: string; type: FieldType; required: boolean }[];
  }[];
  criteria: { desk: readonly SavedCriterion[]; final: readonly SavedCriterion[] };
  prizes: readonly { rank: number; label: string; amount?: number }[];
  blindMode: boolean;
  aggregation: Aggregation;
  judgesPerEntry: number;
}

const criterionDraft = (criterion: SavedCriterion): CriterionDraft => ({
  row: rowKey(),
  id: criterion.id,
  label: criterion.label,
  weight: criterion.weight,
  scaleMin: criterion.scaleMin,
  scaleMax: criterion.scaleMax,
});

/** A saved call back into the editor, ids kept. */
export function draftOf(call: SavedCall): CallDraft {
  return {
    title: call.title,
    year: call.year,
    description: call.description,
    eligibility: call.eligibility,
    stageDates: { ...call.stageDates },
    categories: call.categories.map((category) => ({
      row: rowKey(),
      id: category.id,
      label: category.label,
      entrants: category.entrantKinds.length > 1 ? 'both' : (category.entrantKinds[0] ?? 'opd'),
      fields: category.extraFields.map((field) => ({
        row: rowKey(),
        key: field.key,
        label: field.label,
        type: field.type,
        required: field.required,
      })),
    })),
    desk: call.criteria.desk.map(criterionDraft),
    final: call.criteria.final.map(criterionDraft),
    prizes: [...call.prizes]
      .sort((a, b) => a.rank - b.rank)
      .map((prize) => prize.label)
      .join('\n'),
    blindMode: call.blindMode,
    aggregation: call.aggregation,
    judgesPerEntry: call.judgesPerEntry,
  };
}

/** Prize lines, first place first; an amount set before stays with its rank. */
export function prizesFromLines(text: string, saved: readonly { rank: number; amount?: number }[]) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((label, index) => {
      const amount = saved.find((prize) => prize.rank === index + 1)?.amount;
      return { rank: index + 1, label, ...(amount !== undefined ? { amount } : {}) };
    });
}
