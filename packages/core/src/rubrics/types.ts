import type { InnovationProfile } from '../innovation/profile.ts';

/** 0 = not answered or not supported; 1–3 = the indicator's parameters (iid-model.md decision 2). */
export type Level = 0 | 1 | 2 | 3;
export type ScoredLevel = 1 | 2 | 3;
export const MAX_LEVEL = 3;

/**
 * File kinds an evidence item may take. `jpg` covers JPG and JPEG; `video_link` is a Google Drive or
 * YouTube link; `web_link` is a page address (publication link, service portal).
 */
export const FILE_KINDS = ['pdf', 'jpg', 'png', 'mp4', 'video_link', 'web_link'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface EvidenceRequirement {
  /** What the verifier expects to see, in Bahasa Indonesia. */
  readonly description: string;
  readonly fileKinds: readonly FileKind[];
}

export interface LevelDefinition {
  readonly level: ScoredLevel;
  /** The parameter text of the level, in Bahasa Indonesia. */
  readonly text: string;
  readonly evidence: EvidenceRequirement;
}

export type LevelLadder = readonly [LevelDefinition, LevelDefinition, LevelDefinition];

/**
 * A closed or half-open numeric range that maps a figure to a level. Bounds are inclusive unless
 * marked exclusive, so "> 7" is `{ min: 7, minExclusive: true }`.
 */
export interface NumericBand {
  readonly level: ScoredLevel;
  readonly min?: number;
  readonly minExclusive?: boolean;
  readonly max?: number;
  readonly maxExclusive?: boolean;
}

/**
 * How a raw figure is computed from what the region enters:
 * - `growth_percent`: (T-1 − T-2) / |T-2| × 100
 * - `decrease`: T-2 − T-1 (a fall is positive)
 * - `increase`: T-1 − T-2
 * - `latest`: the T-1 value itself
 * - `count`: a count entered directly
 */
export type NumericMeasure = 'growth_percent' | 'decrease' | 'increase' | 'latest' | 'count';

export interface NumericDerivation {
  readonly kind: 'numeric';
  readonly measure: NumericMeasure;
  /** Unit of the derived figure, for display (Bahasa Indonesia). */
  readonly unit: string;
  /**
   * The figure is rounded half-up to this many decimals before it is compared, because the
   * transcribed thresholds are written at that precision (8.16 / 8.17 would otherwise leave a gap).
   */
  readonly decimals: number;
  readonly bands: readonly NumericBand[];
  /**
   * Ids of rubric assumptions this derivation relies on, e.g. the boundary rule where transcribed
   * bands overlap: the higher level wins.
   */
  readonly assumptionIds?: readonly string[];
}

export interface GradeDerivation {
  readonly kind: 'grade';
  readonly grades: readonly { readonly level: ScoredLevel; readonly values: readonly string[] }[];
}

export type LevelDerivation = NumericDerivation | GradeDerivation;

interface IndicatorBase {
  /** Stable code, e.g. `spd.2a` or `sid.16` (decision 2). */
  readonly code: string;
  /** The number in the official catalogue, e.g. `2a`, `16`. */
  readonly number: string;
  readonly name: string;
  readonly variable: string;
  readonly weight: number;
  /**
   * Mandatory for BSKDN. On a SID indicator it has weight in the product (ADR 0017): an innovation
   * counts in the verified score only once every mandatory one is answered with accepted evidence,
   * and it may be marked ready only with each answered and evidenced.
   */
  readonly mandatory: boolean;
  readonly levels: LevelLadder;
  readonly notes?: readonly string[];
}

export interface SpdRow extends IndicatorBase {
  readonly aspect: 'spd';
  /** Present for quantitative rows: the level is derived from raw figures (decision 5). */
  readonly derivation?: LevelDerivation;
}

export const SID33_BASES = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
export type Sid33Basis = (typeof SID33_BASES)[number];

/** One of the alternative measurement bases of kemanfaatan (iid-model.md §3.3). */
export interface KemanfaatanBasis {
  readonly basis: Sid33Basis;
  readonly name: string;
  readonly unit: string;
  readonly levels: LevelLadder;
  /**
   * Decimals a figure is rounded to (half-up) before it is compared with the ranges: 0 for counts
   * of people, products or periods, 2 for percentages. At that precision the ranges tile without
   * gaps, so every figure from the lowest minimum up gets a level (validateRubric checks it).
   */
  readonly decimals: number;
  readonly ranges: readonly NumericBand[];
  readonly assumptionIds?: readonly string[];
}

/**
 * One document the regional head (or, for a Perda, the region) issues once that can carry this
 * indicator's evidence for many innovations at the same level, because the rubric's own evidence
 * text accepts a region-level act that names the innovations (e.g. an SK with the list in its
 * lampiran). The advice turns it into one lever instead of a move per innovation (ADR 0029).
 */
export interface RegionWideDocument {
  readonly level: ScoredLevel;
  /** The document to issue, in Bahasa Indonesia and English (lower case: it ends a sentence). */
  readonly document_id: string;
  readonly document_en: string;
}

export interface SidIndicator extends IndicatorBase {
  readonly aspect: 'sid';
  /** Levels one region-level document can reach for every innovation it names; absent: none. */
  readonly regionWide?: readonly RegionWideDocument[];
  /** Only `sid.33`: the operator picks exactly one basis and its levels apply. */
  readonly bases?: readonly KemanfaatanBasis[];
}

export type Indicator = SpdRow | SidIndicator;

export const PREDICATES = ['Sangat Inovatif', 'Inovatif', 'Kurang Inovatif', 'Tidak Dapat Dinilai'] as const;
export type Predicate = (typeof PREDICATES)[number];
export const NOT_ASSESSABLE: Predicate = 'Tidak Dapat Dinilai';

/** A band of the rounded index, inclusive at both ends (two decimals). */
export interface PredicateBand {
  readonly predicate: Exclude<Predicate, 'Tidak Dapat Dinilai'>;
  readonly min: number;
  readonly max: number;
}

export interface RubricFormula {
  /** Divisor of the average maturity is MAX(divisorMinimum, n). */
  readonly divisorMinimum: number;
  readonly countScoreFactor: number;
  /** The innovation count is capped here before the factor applies. */
  readonly countScoreCap: number;
  /** Distinct basic-service urusan needed for a non-zero count score. */
  readonly basicServiceUrusanRequired: number;
  readonly maxSpd: number;
  readonly maxKematangan: number;
  readonly maxCountScore: number;
  readonly maxTotal: number;
}

export type ProfileField = keyof InnovationProfile;

export interface EligibilityRules {
  /** First application date window, ISO dates, both inclusive. */
  readonly firstAppliedFrom: string;
  readonly firstAppliedTo: string;
  /** Older innovations qualify when their latest development falls inside the window. */
  readonly olderWithDevelopmentInWindow: boolean;
  readonly rancangBangunMinWords: number;
  readonly mandatoryProfileFields: readonly ProfileField[];
}

/** A rule the product assumes where the sources are silent or ambiguous; the UI shows it. */
export interface RubricAssumption {
  readonly id: string;
  readonly message_id: string;
  readonly message_en: string;
}

/**
 * The years a document attached to an indicator may be dated, relative to the assessment year
 * (T-0 = 0, T-2 = -2). Absent bounds are open. `inForce`: a regulation must still be in force in
 * the assessment year (its validity period, where given, must cover it).
 */
export interface EvidenceDateWindow {
  readonly fromYear?: number;
  readonly toYear?: number;
  readonly inForce?: boolean;
}

type PerLevel<T> = readonly [T | null, T | null, T | null];

/** What the intake checks ask of evidence beyond file kinds: dates, and which indicators may share a file. */
export interface EvidenceRules {
  /** By indicator code; a triple gives one window per level (1, 2, 3), null where a level has none. */
  readonly dateWindows: Readonly<Partial<Record<string, EvidenceDateWindow | PerLevel<EvidenceDateWindow>>>>;
  /**
   * Indicator codes that may be supported by the same document. A code always shares with itself
   * (one SK naming many innovations supports `sid.16` of each); two codes share when a group holds both.
   */
  readonly sharingGroups: readonly (readonly string[])[];
  readonly assumptions: readonly RubricAssumption[];
}

export interface Rubric {
  readonly id: string;
  readonly year: number;
  readonly title: string;
  /** True while the rules are a forecast rather than a published Lampiran. */
  readonly provisional: boolean;
  readonly sources: readonly string[];
  readonly spdRows: readonly SpdRow[];
  readonly sidIndicators: readonly SidIndicator[];
  readonly formula: RubricFormula;
  /** Highest band first. An index of exactly 0 is Tidak Dapat Dinilai. */
  readonly predicateBands: readonly PredicateBand[];
  readonly eligibility: EligibilityRules;
  readonly assumptions: readonly RubricAssumption[];
  /** Date windows and sharing rules for evidence intake; absent: no date or sharing checks. */
  readonly evidenceRules?: EvidenceRules;
}
