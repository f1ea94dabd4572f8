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
  label: string;
  type: FieldType;
  required: boolean;
}

export interface CategoryDraft {
  row: number;
  label: string;
  entrants: EntrantChoice;
  fields: FieldDraft[];
}

export interface CriterionDraft {
  row: number;
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

/** Lower-case ids from labels, unique within their list, in the alphabet category fields accept. */
export function uniqueIds(labels: readonly string[], prefix: string): string[] {
  const taken = new Set<string>();
  return labels.map((label, index) => {
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
  );
  return drafts.map((draft, index) => {
    const keys = uniqueIds(
      draft.fields.map((field) => field.label),
      'isian',
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
