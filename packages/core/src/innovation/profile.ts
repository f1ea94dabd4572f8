import { z } from 'zod';
import {
  CLASSIFICATIONS,
  INITIATORS,
  INNOVATION_FORMS,
  INNOVATION_KINDS,
  INNOVATION_STAGES,
} from '../vocabulary.ts';
import { URUSAN_CODES } from './urusan.ts';

export { CLASSIFICATIONS, INITIATORS, INNOVATION_FORMS, INNOVATION_KINDS, INNOVATION_STAGES };

/** PKPN cluster/programme of the 2026 form (iid-model.md §5). */
export const PKPN_CLUSTERS = [
  'pangan',
  'energi_air',
  'pendidikan',
  'kesehatan',
  'hilirisasi',
  'infrastruktur_perumahan_bencana',
  'ekonomi_kerakyatan_desa',
  'penurunan_kemiskinan',
  'non_pkpn',
] as const;

const isoDate = z.iso.date();
const longText = z.string().trim().max(20_000);

/**
 * The innovation profile of the official form (2026 column of iid-model.md §5). Only the name is
 * needed to save a draft; what is missing is reported by the eligibility check, not by a 400,
 * so operators can save their work at any point.
 */
export const innovationProfileSchema = z.object({
  name: z.string().trim().min(3).max(200),
  stage: z.enum(INNOVATION_STAGES).optional(),
  initiator: z.enum(INITIATORS).optional(),
  initiatorName: z.string().trim().max(200).optional(),
  classification: z.enum(CLASSIFICATIONS).optional(),
  kind: z.enum(INNOVATION_KINDS).optional(),
  form: z.enum(INNOVATION_FORMS).optional(),
  urusanMain: z.enum(URUSAN_CODES).optional(),
  urusanOthers: z.array(z.enum(URUSAN_CODES)).max(10).optional(),
  trialDate: isoDate.optional(),
  implementationDate: isoDate.optional(),
  latestDevelopmentDate: isoDate.optional(),
  rancangBangun: longText.optional(),
  tujuan: longText.optional(),
  manfaat: longText.optional(),
  hasil: longText.optional(),
  budget: z.number().int().min(0).max(1_000_000_000_000_000).optional(),
  budgetSource: z.string().trim().max(200).optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  astaCita: z.number().int().min(1).max(8).optional(),
  pkpnCluster: z.enum(PKPN_CLUSTERS).optional(),
});

export type InnovationProfile = z.infer<typeof innovationProfileSchema>;
