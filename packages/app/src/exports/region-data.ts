import {
  type Completeness,
  type EvidenceTarget,
  type Innovation,
  type Opd,
  rubricIdForPeriod,
  type SpdAnswers,
  type TargetRule,
  type Tenant,
  type TenantSettings,
  type Unit,
} from '@inovasi/core';
import {
  checkEligibility,
  type Eligibility,
  getRubric,
  innovationKematangan,
  type Rubric,
} from '@inovasi/core/scoring';
import {
  type EvidencedTargets,
  evidenceTargetKey,
  type LinkedEvidence,
  repositoriesFor,
  type TenantClients,
} from '@inovasi/data';
import { innovationChecklist } from '../evidence/evidence-views.ts';
import { toProjectionInnovation } from '../projection/projection-state.ts';
import { JobInputError } from './job-errors.ts';

/** What one innovation looks like in a file: its OPD, scores, completeness and evidence by indicator. */
export interface InnovationFacts {
  readonly innovation: Innovation;
  readonly opdName: string;
  readonly kematanganClaimed: number;
  readonly kematanganVerified: number;
  readonly completeness: Completeness;
  readonly eligibility: Eligibility;
  /** Links of this innovation's indicators, by indicator code (passed and not). */
  readonly evidence: ReadonlyMap<string, readonly LinkedEvidence[]>;
}

/** One region's period as files present it; read once per job through the tenant-scoped clients. */
export interface RegionData {
  readonly tenant: Pick<Tenant, 'code' | 'name' | 'kind'>;
  readonly year: number;
  readonly rubric: Rubric;
  readonly opds: readonly Opd[];
  /** Units below the OPDs (ADR 0036): the recap rolls progress up through them. */
  readonly units: readonly Unit[];
  /** The period's target rule, when it has one. */
  readonly targetRule: TargetRule | undefined;
  readonly settings: TenantSettings;
  readonly spd: SpdAnswers | undefined;
  /** SPD links of the year, by row code. */
  readonly spdEvidence: ReadonlyMap<string, readonly LinkedEvidence[]>;
  /** Live innovations of the period, ordered by OPD and name (the order of every file). */
  readonly innovations: readonly InnovationFacts[];
}

function evidencedFrom(links: readonly LinkedEvidence[]): EvidencedTargets {
  const passed = new Set(
    links.filter((entry) => entry.passed).map((entry) => evidenceTargetKey(entry.link.target)),
  );
  return { has: (target: EvidenceTarget) => passed.has(evidenceTargetKey(target)) };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The rubric a period is scored with: the one it pinned, or the year's default. */
export async function rubricOf(clients: TenantClients, year: number): Promise<Rubric> {
  const period = await repositoriesFor(clients).periods.get(year);
  const rubricId = rubricIdForPeriod(year, period);
  if (!rubricId) throw new JobInputError('no_rubric_for_year');
  return getRubric(rubricId);
}

/** The facts of each innovation: scores as the projection counts them, completeness as the checklist shows it. */
export function innovationFacts(
  rubric: Rubric,
  innovation: Innovation,
  opdName: string,
  links: ReadonlyMap<string, readonly LinkedEvidence[]>,
  evidenced: EvidencedTargets,
): InnovationFacts {
  // Scores are the sums of the answers; eligibility is reported beside them, not folded in.
  const projected = toProjectionInnovation(innovation, true, evidenced);
  return {
    innovation,
    opdName,
    kematanganClaimed: innovationKematangan(rubric, projected, 'claimed'),
    kematanganVerified: innovationKematangan(rubric, projected, 'verified'),
    completeness: innovationChecklist(rubric, innovation, links).completeness,
    eligibility: checkEligibility(innovation.profile, rubric),
    evidence: links,
  };
}

export async function loadRegionData(
  clients: TenantClients,
  year: number,
  only?: (innovation: Innovation) => boolean,
): Promise<RegionData> {
  const { tenantCode } = clients;
  const repositories = repositoriesFor(clients);
  const [tenant, rubric, opds, units, period, settings, spd, innovations, links] = await Promise.all([
    repositories.profile.get(),
    rubricOf(clients, year),
    repositories.opds.list(),
    repositories.units.list(),
    repositories.periods.get(year),
    repositories.settings.get(),
    repositories.spd.get(year),
    repositories.innovations.listForPeriod(year),
    repositories.evidence.linksForRegion(),
  ]);
  const opdNames = new Map(opds.map((opd) => [opd.id, opd.name]));
  const byInnovation = new Map<string, Map<string, LinkedEvidence[]>>();
  const bySpdRow = new Map<string, LinkedEvidence[]>();
  for (const entry of links) {
    const { target } = entry.link;
    if (target.type === 'innovation') {
      const codes = byInnovation.get(target.innovationId) ?? new Map<string, LinkedEvidence[]>();
      push(codes, target.indicator, entry);
      byInnovation.set(target.innovationId, codes);
    } else if (target.type === 'spd' && target.year === year) push(bySpdRow, target.row, entry);
  }
  const evidenced = evidencedFrom(links);
  const selected = innovations
    .filter((innovation) => only?.(innovation) ?? true)
    .map((innovation) =>
      innovationFacts(
        rubric,
        innovation,
        opdNames.get(innovation.opdId) ?? innovation.opdId,
        byInnovation.get(innovation.id) ?? new Map(),
        evidenced,
      ),
    )
    .sort(
      (a, b) =>
        a.opdName.localeCompare(b.opdName, 'id') ||
        a.innovation.profile.name.localeCompare(b.innovation.profile.name, 'id') ||
        a.innovation.id.localeCompare(b.innovation.id),
    );
  return {
    tenant: { code: tenantCode, name: tenant?.name ?? tenantCode, kind: tenant?.kind ?? 'kabupaten' },
    year,
    rubric,
    opds,
    units,
    targetRule: period?.targetRule,
    settings,
    spd,
    spdEvidence: bySpdRow,
    innovations: selected,
  };
}

/** One innovation for its profile: the region's name, the rubric of its period and its evidence. */
export async function loadInnovationData(
  clients: TenantClients,
  innovationId: string,
): Promise<{ tenantName: string; rubric: Rubric; facts: InnovationFacts }> {
  const { tenantCode } = clients;
  const repositories = repositoriesFor(clients);
  const innovation = await repositories.innovations.get(innovationId);
  if (!innovation) throw new JobInputError('not_found');
  const evidence = repositories.evidence;
  const [tenant, rubric, opd, links, evidenced] = await Promise.all([
    repositories.profile.get(),
    rubricOf(clients, innovation.periodYear),
    repositories.opds.get(innovation.opdId),
    evidence.linksForInnovation(innovationId),
    evidence.evidencedTargets(),
  ]);
  return {
    tenantName: tenant?.name ?? tenantCode,
    rubric,
    facts: innovationFacts(rubric, innovation, opd?.name ?? innovation.opdId, links, evidenced),
  };
}
