/** A judge as assignment sees them: their OPD and the entries they declared a conflict with. */
export interface AssignableJudge {
  readonly userId: string;
  readonly opdId?: string | undefined;
  readonly conflicts: readonly { readonly entryId: string }[];
}

export interface AssignableEntry {
  readonly id: string;
  readonly opdId?: string | undefined;
  /** Judges already assigned in this stage; kept while they remain eligible. */
  readonly assigned?: readonly string[];
}

/** Never a judge who declared a conflict with the entry, nor one from the entrant's own OPD. */
export const mayJudge = (judge: AssignableJudge, entry: AssignableEntry): boolean =>
  !judge.conflicts.some((conflict) => conflict.entryId === entry.id) &&
  !(judge.opdId !== undefined && entry.opdId !== undefined && judge.opdId === entry.opdId);

export interface AssignmentPlan {
  readonly assignments: ReadonlyMap<string, readonly string[]>;
  /** Entries with fewer eligible judges than asked for: assigned to all who may judge them. */
  readonly shortOfJudges: readonly string[];
}

/**
 * Gives each entry `perEntry` eligible judges, keeping eligible judges already assigned and
 * otherwise choosing the least-loaded one (ties by the panel's order), so the work spreads evenly
 * and the plan is the same every time for the same input.
 */
export function assignJudges(
  entries: readonly AssignableEntry[],
  judges: readonly AssignableJudge[],
  perEntry: number,
): AssignmentPlan {
  const load = new Map(judges.map((judge) => [judge.userId, 0]));
  const count = (userId: string) => load.set(userId, (load.get(userId) ?? 0) + 1);
  const kept = new Map(entries.map((entry) => [entry.id, keptJudges(entry, judges, perEntry)]));
  for (const userIds of kept.values()) userIds.forEach(count);

  const assignments = new Map<string, string[]>();
  const shortOfJudges: string[] = [];
  for (const entry of entries) {
    const chosen = [...(kept.get(entry.id) ?? [])];
    const candidates = judges.filter((judge) => !chosen.includes(judge.userId) && mayJudge(judge, entry));
    while (chosen.length < perEntry && candidates.length > 0) {
      const [picked] = candidates.splice(leastLoaded(candidates, load), 1) as [AssignableJudge];
      chosen.push(picked.userId);
      count(picked.userId);
    }
    if (chosen.length < perEntry) shortOfJudges.push(entry.id);
    assignments.set(entry.id, chosen);
  }
  return { assignments, shortOfJudges };
}

/** The judges an entry already has who may still judge it (a conflict declared since drops one). */
function keptJudges(entry: AssignableEntry, judges: readonly AssignableJudge[], perEntry: number): string[] {
  const eligible = (entry.assigned ?? []).filter((userId) => {
    const judge = judges.find((candidate) => candidate.userId === userId);
    return judge !== undefined && mayJudge(judge, entry);
  });
  return eligible.slice(0, perEntry);
}

/** The index of the candidate with the fewest entries so far; the panel's order breaks ties. */
function leastLoaded(candidates: readonly AssignableJudge[], load: ReadonlyMap<string, number>): number {
  let best = 0;
  candidates.forEach((candidate, index) => {
    const current = candidates[best] as AssignableJudge;
    if ((load.get(candidate.userId) ?? 0) < (load.get(current.userId) ?? 0)) best = index;
  });
  return best;
}
