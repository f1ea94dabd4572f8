import type { EvidenceLimits } from '@inovasi/core';
import type { TenantClients } from '../clients.ts';
import type { AuditContext } from './audit.ts';
import { EvidenceIntakeWriter } from './evidence/intake.ts';
import { EvidenceLibrary } from './evidence/library.ts';
import { EvidenceLinks } from './evidence/links.ts';
import { EvidenceStore } from './evidence/store.ts';
import { EvidenceUploads } from './evidence/uploads.ts';

export * from './evidence/types.ts';

type Library = EvidenceLibrary;
type Uploads = EvidenceUploads;
type Intake = EvidenceIntakeWriter;
type Links = EvidenceLinks;

/**
 * One region's evidence library: items (uploads and links), their intake, and what each supports.
 * Uploads go straight to S3 with a presigned PUT scoped to one key, size, type and checksum; the
 * bytes are then checked, streaming, before the item counts (core's intake rules decide). Links
 * between an item and the answers it supports live in the item's partition and are listed per
 * target through gsi1. The work is done by four parts sharing one store (docs/decisions/0047);
 * this class keeps the one entry point its callers use.
 */
export class EvidenceRepository {
  readonly limits: EvidenceLimits;
  private readonly store: EvidenceStore;
  private readonly library: EvidenceLibrary;
  private readonly intake: EvidenceIntakeWriter;
  private readonly uploads: EvidenceUploads;
  private readonly links: EvidenceLinks;

  constructor(
    clients: TenantClients,
    options: { audit?: AuditContext | undefined; limits?: EvidenceLimits | undefined } = {},
  ) {
    this.store = new EvidenceStore(clients, options);
    this.limits = this.store.limits;
    this.library = new EvidenceLibrary(this.store);
    this.intake = new EvidenceIntakeWriter(this.store);
    this.uploads = new EvidenceUploads(this.store, this.intake);
    this.links = new EvidenceLinks(this.store);
  }

  // The library.
  get(...args: Parameters<Library['get']>) {
    return this.library.get(...args);
  }
  getWithLinks(...args: Parameters<Library['getWithLinks']>) {
    return this.library.getWithLinks(...args);
  }
  list(...args: Parameters<Library['list']>) {
    return this.library.list(...args);
  }
  createUrl(...args: Parameters<Library['createUrl']>) {
    return this.library.createUrl(...args);
  }
  update(...args: Parameters<Library['update']>) {
    return this.library.update(...args);
  }
  remove(...args: Parameters<Library['remove']>) {
    return this.library.remove(...args);
  }
  downloadUrl(...args: Parameters<Library['downloadUrl']>) {
    return this.library.downloadUrl(...args);
  }
  findByFingerprint(fingerprint: string) {
    return this.store.findByFingerprint(fingerprint);
  }
  usage() {
    return this.store.usage();
  }

  // Uploads, single and resumable.
  requestUpload(...args: Parameters<Uploads['requestUpload']>) {
    return this.uploads.requestUpload(...args);
  }
  requestMultipartUpload(...args: Parameters<Uploads['requestMultipartUpload']>) {
    return this.uploads.requestMultipartUpload(...args);
  }
  signUploadPart(...args: Parameters<Uploads['signUploadPart']>) {
    return this.uploads.signUploadPart(...args);
  }
  listUploadParts(...args: Parameters<Uploads['listUploadParts']>) {
    return this.uploads.listUploadParts(...args);
  }
  completeMultipartUpload(...args: Parameters<Uploads['completeMultipartUpload']>) {
    return this.uploads.completeMultipartUpload(...args);
  }
  abortUpload(...args: Parameters<Uploads['abortUpload']>) {
    return this.uploads.abortUpload(...args);
  }

  // Intake.
  complete(...args: Parameters<Intake['complete']>) {
    return this.intake.complete(...args);
  }

  // Links to answers, SPD rows and agreements.
  link(...args: Parameters<Links['link']>) {
    return this.links.link(...args);
  }
  linkMany(...args: Parameters<Links['linkMany']>) {
    return this.links.linkMany(...args);
  }
  unlink(...args: Parameters<Links['unlink']>) {
    return this.links.unlink(...args);
  }
  linksForInnovation(...args: Parameters<Links['linksForInnovation']>) {
    return this.links.linksForInnovation(...args);
  }
  linksForSpd(...args: Parameters<Links['linksForSpd']>) {
    return this.links.linksForSpd(...args);
  }
  linksForRegion() {
    return this.links.linksForRegion();
  }
  linksForRegionByQuery() {
    return this.links.linksForRegionByQuery();
  }
  linksForTarget(...args: Parameters<Links['linksForTarget']>) {
    return this.links.linksForTarget(...args);
  }
  passedEvidenceFor(...args: Parameters<Links['passedEvidenceFor']>) {
    return this.links.passedEvidenceFor(...args);
  }
  evidencedTargets() {
    return this.links.evidencedTargets();
  }
}
