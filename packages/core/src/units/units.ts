import { z } from 'zod';

/**
 * Units below an OPD (ADR 0036): the places that report innovations of their own. A kelurahan or
 * desa sits under a kecamatan unit; every other kind sits directly under its OPD.
 */
export const UNIT_KINDS = ['puskesmas', 'sd', 'smp', 'rsud', 'kecamatan', 'kelurahan', 'desa'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** The kinds as a Bahasa Indonesia file or screen names them. */
export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = {
  puskesmas: 'UPT Puskesmas',
  sd: 'SD',
  smp: 'SMP',
  rsud: 'RSUD',
  kecamatan: 'Kecamatan',
  kelurahan: 'Kelurahan',
  desa: 'Desa',
};

/** Kinds that must name a kecamatan unit as their parent. */
export const UNIT_KINDS_UNDER_KECAMATAN: readonly UnitKind[] = ['kelurahan', 'desa'];

const id = z.string().min(1).max(64);

export const unitSchema = z.object({
  id,
  /** The OPD the unit reports through; a kelurahan/desa has its kecamatan's OPD. */
  opdId: id,
  kind: z.enum(UNIT_KINDS),
  name: z.string(),
  /** The kecamatan unit of a kelurahan or desa. */
  parentUnitId: id.optional(),
  archived: z.boolean(),
  version: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Unit = z.infer<typeof unitSchema>;

/** Why a unit of `kind` may not sit under `parent` (undefined = no parent), or undefined when it may. */
export function unitPlacementProblem(
  kind: UnitKind,
  parent: Pick<Unit, 'kind' | 'archived'> | undefined,
): 'parent_required' | 'parent_not_allowed' | 'parent_not_kecamatan' | undefined {
  const needsKecamatan = UNIT_KINDS_UNDER_KECAMATAN.includes(kind);
  if (needsKecamatan && !parent) return 'parent_required';
  if (!needsKecamatan && parent) return 'parent_not_allowed';
  if (parent && (parent.kind !== 'kecamatan' || parent.archived)) return 'parent_not_kecamatan';
  return undefined;
}

/** Spreadsheet words for the kinds (the import reads either the code or these). */
export const UNIT_KIND_WORDS: Readonly<Record<UnitKind, readonly string[]>> = {
  puskesmas: ['puskesmas', 'upt puskesmas'],
  sd: ['sd', 'sekolah dasar'],
  smp: ['smp', 'sekolah menengah pertama'],
  rsud: ['rsud', 'rumah sakit', 'rumah sakit umum daerah'],
  kecamatan: ['kecamatan', 'camat'],
  kelurahan: ['kelurahan', 'lurah'],
  desa: ['desa'],
};

/** The kind a spreadsheet cell names, ignoring case and spacing; undefined when none. */
export function unitKindFromWord(word: string): UnitKind | undefined {
  const normalised = word.trim().toLowerCase().replace(/\s+/g, ' ');
  return UNIT_KINDS.find((kind) => kind === normalised || UNIT_KIND_WORDS[kind].includes(normalised));
}
