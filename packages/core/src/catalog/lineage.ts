import { z } from 'zod';

/**
 * Where a replicated innovation came from: written on the replica draft when a replication
 * agreement is accepted. Only public facts of the source (region, name, catalogue entry).
 */
export const replicationLineageSchema = z.object({
  tenantCode: z.string(),
  regionName: z.string(),
  innovationId: z.string(),
  innovationName: z.string(),
  catalogId: z.string(),
  replicationId: z.string(),
});
export type ReplicationLineage = z.infer<typeof replicationLineageSchema>;
