import type { EvidenceRequirement, FileKind, LevelLadder } from './types.ts';

/** Shorthand for rubric data files: an evidence requirement. */
export function evidence(description: string, ...fileKinds: FileKind[]): EvidenceRequirement {
  return { description, fileKinds };
}

type Three<T> = readonly [T, T, T];

/**
 * Builds the three levels of an indicator. Pass one requirement when every level asks for the same
 * kind of evidence, or three when the evidence differs per level.
 */
export function ladder(
  texts: Three<string>,
  evidenceByLevel: EvidenceRequirement | Three<EvidenceRequirement>,
): LevelLadder {
  const pick = (index: 0 | 1 | 2): EvidenceRequirement =>
    'description' in evidenceByLevel ? evidenceByLevel : evidenceByLevel[index];
  return [
    { level: 1, text: texts[0], evidence: pick(0) },
    { level: 2, text: texts[1], evidence: pick(1) },
    { level: 3, text: texts[2], evidence: pick(2) },
  ];
}
