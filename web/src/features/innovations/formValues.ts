import type { Innovation, InnovationProfile, InnovationProfilePatch } from '../../api/model.ts';

/**
 * What the form edits. Every field is a string (an empty string means "not filled") so values compare,
 * serialise into a localStorage draft and feed inputs without special cases; conversion to the API's
 * profile happens only at the edges.
 */
export interface InnovationFormValues {
  opdId: string;
  name: string;
  stage: string;
  initiator: string;
  initiatorName: string;
  classification: string;
  kind: string;
  form: string;
  urusanMain: string;
  urusanOthers: string[];
  trialDate: string;
  implementationDate: string;
  latestDevelopmentDate: string;
  rancangBangun: string;
  tujuan: string;
  manfaat: string;
  hasil: string;
  /** Digits only. */
  budget: string;
}

export type FormField = keyof InnovationFormValues;
type ProfileField = Exclude<FormField, 'opdId'>;

export function emptyFormValues(opdId = ''): InnovationFormValues {
  return {
    opdId,
    name: '',
    stage: '',
    initiator: '',
    initiatorName: '',
    classification: '',
    kind: '',
    form: '',
    urusanMain: '',
    urusanOthers: [],
    trialDate: '',
    implementationDate: '',
    latestDevelopmentDate: '',
    rancangBangun: '',
    tujuan: '',
    manfaat: '',
    hasil: '',
    budget: '',
  };
}

export function toFormValues(innovation: Innovation): InnovationFormValues {
  const { profile } = innovation;
  const values = emptyFormValues(innovation.opdId);
  for (const field of Object.keys(values) as FormField[]) {
    if (field === 'opdId' || field === 'urusanOthers' || field === 'budget') continue;
    values[field] = profile[field] ?? '';
  }
  values.urusanOthers = [...(profile.urusanOthers ?? [])];
  values.budget = profile.budget === undefined || profile.budget === null ? '' : String(profile.budget);
  return values;
}

/** The profile for a new innovation: unfilled fields are left out. */
export function toProfile(values: InnovationFormValues): InnovationProfile {
  const profile: Record<string, unknown> = {};
  for (const field of profileFields(values)) {
    const value = profileValue(values, field);
    if (value !== null) profile[field] = value;
  }
  return profile as unknown as InnovationProfile;
}

/**
 * Only the fields that differ from `base` (the version the user started from), so a save never
 * rewrites fields the user did not touch. A cleared field is sent as `null`, which the PATCH contract
 * accepts for every field except `name` (the form never clears the name: it requires 3 characters).
 */
export function toProfilePatch(
  base: InnovationFormValues,
  values: InnovationFormValues,
): InnovationProfilePatch {
  const patch: Record<string, unknown> = {};
  for (const field of profileFields(values)) {
    if (sameValue(base[field], values[field])) continue;
    patch[field] = profileValue(values, field);
  }
  return patch as InnovationProfilePatch;
}

/** The user's edits (values that differ from base) laid over a newer server version. */
export function rebase(
  base: InnovationFormValues,
  values: InnovationFormValues,
  latest: InnovationFormValues,
): InnovationFormValues {
  const merged = { ...latest, urusanOthers: [...latest.urusanOthers] };
  for (const field of Object.keys(values) as FormField[]) {
    if (!sameValue(base[field], values[field])) Object.assign(merged, { [field]: values[field] });
  }
  return merged;
}

export function hasChanges(base: InnovationFormValues, values: InnovationFormValues): boolean {
  return (Object.keys(values) as FormField[]).some((field) => !sameValue(base[field], values[field]));
}

export type FieldErrors = Partial<Record<FormField, string>>;

/** The checks the browser can make before a round trip; the server remains the authority. */
export function validate(values: InnovationFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.opdId) errors.opdId = 'required';
  if (values.name.trim().length < 3) errors.name = 'nameTooShort';
  return errors;
}

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}

function profileFields(values: InnovationFormValues): ProfileField[] {
  return (Object.keys(values) as FormField[]).filter((field): field is ProfileField => field !== 'opdId');
}

function profileValue(values: InnovationFormValues, field: ProfileField): unknown {
  if (field === 'urusanOthers') return values.urusanOthers.length > 0 ? values.urusanOthers : null;
  if (field === 'budget') return values.budget === '' ? null : Number(values.budget);
  const text = values[field].trim();
  return text === '' ? null : text;
}

function sameValue(a: string | string[], b: string | string[]): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}
