import { z } from 'zod';
import { URUSAN, URUSAN_CODES } from '../innovation/urusan.ts';
import { STAGE } from '../workflow/progress.ts';
import type { InnovationStatus } from '../workflow/state-machine.ts';
import { UNIT_KINDS, type Unit, type UnitKind } from './units.ts';

const count = z.number().int().min(1).max(100);
/** A string checked against the list (not an enum), so the core type and the API's agree on `string`. */
const urusanCode = z
  .string()
  .refine((code) => URUSAN_CODES.includes(code), { message: 'Urusan tidak dikenal.' });

/**
 * A period's target rule as regions set them (ADR 0036): "N per OPD", "N per unit of these kinds",
 * "at least N from each OPD of these urusan", optionally counting only innovations whose
 * kematangan reaches the region's send threshold.
 */
/** The rule's fields, before the check that at least one clause is set. */
export const targetRuleFields = z.object({
  perOpd: count.optional(),
  perUnit: z.object({ count, kinds: z.array(z.enum(UNIT_KINDS)).min(1).max(UNIT_KINDS.length) }).optional(),
  perUrusanOpd: z.object({ count, urusan: z.array(urusanCode).min(1).max(URUSAN.length) }).optional(),
  onlyAtSendThreshold: z.boolean().default(false),
});
export const targetRuleSchema = targetRuleFields.refine(
  (rule) => rule.perOpd !== undefined || rule.perUnit !== undefined || rule.perUrusanOpd !== undefined,
  {
    message: 'Isi setidaknya satu ketentuan. / Set at least one clause.',
    path: ['perOpd'],
  },
);
export type TargetRule = z.infer<typeof targetRuleSchema>;

export interface RuleInnovation {
  readonly opdId: string;
  readonly unitId?: string | undefined;
  readonly status: InnovationStatus;
  readonly archived: boolean;
  /** Needed only when the rule counts at the send threshold. */
  readonly kematangan?: number | undefined;
}

export interface RuleUnitStanding {
  readonly unitId: string;
  readonly opdId: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly required: number;
  readonly counted: number;
  readonly lacks: number;
  readonly meets: boolean;
}

export interface RuleOpdStanding {
  readonly opdId: string;
  readonly name: string;
  /** 0 when no clause of the rule applies to the OPD itself (it may still have units that owe). */
  readonly required: number;
  /** Its own innovations (no unit), the ones "N per OPD" counts. */
  readonly counted: number;
  /** With every unit below it, the count the urusan clause reads. */
  readonly countedWithUnits: number;
  readonly lacks: number;
  readonly meets: boolean;
  readonly units: RuleUnitStanding[];
  /** Innovations its units still owe, summed. */
  readonly unitsLack: number;
}

export interface RuleEvaluation {
  readonly opds: RuleOpdStanding[];
  readonly opdsBound: number;
  readonly opdsMeeting: number;
  readonly unitsBound: number;
  readonly unitsMeeting: number;
  /** Every innovation still owed, OPDs and units together. */
  readonly lacking: number;
  /** Urusan the rule names that no live OPD is assigned to: the clause cannot be met for them. */
  readonly urusanWithoutOpd: string[];
}

/**
 * Who meets the rule and what each still lacks. An innovation counts once submitted (as the board's
 * "behind"), unless archived, and, when the rule says so and the region has a threshold, only at
 * or above it. "Per OPD" counts the OPD's own innovations (those of no unit): a Dinas does not meet
 * its own target with its puskesmas' work. The urusan clause counts the OPD with its units: what
 * the index's basic-service gate reads is the urusan, wherever inside the OPD the work was done.
 */
export function evaluateTargetRule(
  rule: TargetRule,
  input: {
    readonly opds: readonly { id: string; name: string; archived: boolean; urusan?: string | undefined }[];
    readonly units: readonly Unit[];
    readonly innovations: readonly RuleInnovation[];
    readonly sendThreshold: number | null;
  },
): RuleEvaluation {
  const threshold = rule.onlyAtSendThreshold ? input.sendThreshold : null;
  const counting = input.innovations.filter(
    (innovation) =>
      !innovation.archived &&
      STAGE[innovation.status] >= 1 &&
      (threshold === null || (innovation.kematangan ?? 0) >= threshold),
  );
  const liveOpds = input.opds.filter((opd) => !opd.archived);
  const liveUnits = input.units.filter((unit) => !unit.archived);
  const boundKinds = new Set<UnitKind>(rule.perUnit?.kinds ?? []);
  const urusanBound = new Set(rule.perUrusanOpd?.urusan ?? []);

  const opds = liveOpds.map((opd): RuleOpdStanding => {
    const units = liveUnits
      .filter((unit) => unit.opdId === opd.id && boundKinds.has(unit.kind))
      .map((unit): RuleUnitStanding => {
        const required = rule.perUnit?.count ?? 0;
        const counted = counting.filter((innovation) => innovation.unitId === unit.id).length;
        const lacks = Math.max(0, required - counted);
        return {
          unitId: unit.id,
          opdId: opd.id,
          name: unit.name,
          kind: unit.kind,
          required,
          counted,
          lacks,
          meets: lacks === 0,
        };
      })
      .sort((a, b) => b.lacks - a.lacks || a.name.localeCompare(b.name, 'id'));
    const withUnits = counting.filter((innovation) => innovation.opdId === opd.id);
    const counted = withUnits.filter((innovation) => !innovation.unitId).length;
    const perOpd = rule.perOpd ?? 0;
    const perUrusan = opd.urusan && urusanBound.has(opd.urusan) ? (rule.perUrusanOpd?.count ?? 0) : 0;
    // An own innovation counts in both clauses, so the larger shortfall is what is still owed.
    const lacks = Math.max(0, perOpd - counted, perUrusan - withUnits.length);
    const unitsLack = units.reduce((total, unit) => total + unit.lacks, 0);
    return {
      opdId: opd.id,
      name: opd.name,
      required: Math.max(perOpd, perUrusan),
      counted,
      countedWithUnits: withUnits.length,
      lacks,
      meets: lacks === 0,
      units,
      unitsLack,
    };
  });
  const bound = opds.filter((opd) => opd.required > 0);
  const units = opds.flatMap((opd) => opd.units);
  const covered = new Set(liveOpds.map((opd) => opd.urusan));
  return {
    opds: opds.sort(
      (a, b) => b.lacks + b.unitsLack - (a.lacks + a.unitsLack) || a.name.localeCompare(b.name, 'id'),
    ),
    opdsBound: bound.length,
    opdsMeeting: bound.filter((opd) => opd.meets).length,
    unitsBound: units.length,
    unitsMeeting: units.filter((unit) => unit.meets).length,
    lacking: opds.reduce((total, opd) => total + opd.lacks + opd.unitsLack, 0),
    urusanWithoutOpd: [...urusanBound].filter((urusan) => !covered.has(urusan)),
  };
}
