import { createHash } from 'node:crypto';
import { textPdf } from '@inovasi/local';

/** The mandatory indicators of iid-2026 besides sid.16 and sid.35, which the journeys answer themselves. */
const OTHER_MANDATORY = ['sid.17', 'sid.32', 'sid.33'] as const;

/**
 * How a test waits for the server through its own API client (10 s unless said otherwise): twice a
 * second rather than expect.poll's every 50 ms. The client signs in as the same person as the page,
 * and a person's reads are limited (200 at once, then 4 a second: DEFAULT_RATE_LIMITS); a 20-second
 * wait at 50 ms spent them all, and the page's next load was refused with 429.
 */
export const SERVER_POLL = { interval: 500, timeout: 10_000 } as const;

/** Arranges server state over HTTP, so a journey only drives the browser for what it is about. */
export class DemoApi {
  private constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    readonly user: { id: string; tenantCode: string; opdId?: string },
  ) {}

  static async signIn(baseUrl: string, email: string): Promise<DemoApi> {
    const response = await fetch(`${baseUrl}/api/v1/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    if (!response.ok) throw new Error(`dev login for ${email} failed: ${response.status}`);
    const { token, user } = (await response.json()) as { token: string; user: DemoApi['user'] };
    return new DemoApi(baseUrl, token, user);
  }

  async call<T>(method: string, path: string, body?: unknown, version?: number): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (version !== undefined) headers['if-match'] = `"${version}"`;
    const response = await fetch(`${this.baseUrl}/api/v1/tenants/${this.user.tenantCode}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path} failed: ${response.status} ${await response.text()}`);
    return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
  }

  async createInnovation(
    opdId: string,
    profile: Record<string, unknown>,
  ): Promise<{ id: string; version: number }> {
    return this.call('POST', '/innovations', { opdId, profile });
  }

  /** Saves one SID answer against the given version; returns the innovation's new version. */
  async answer(
    id: string,
    version: number,
    indicator: string,
    body: { level: number; basis?: string; note?: string },
  ): Promise<number> {
    const saved = await this.call<{ version: number }>(
      'PUT',
      `/innovations/${id}/answers/${indicator}`,
      body,
      version,
    );
    return saved.version;
  }

  async transition(id: string, version: number, input: Record<string, unknown>): Promise<number> {
    const saved = await this.call<{ version: number }>(
      'POST',
      `/innovations/${id}/transitions`,
      input,
      version,
    );
    return saved.version;
  }

  /**
   * Answers the mandatory indicators a journey does not set itself (sid.17, sid.32, sid.33) at
   * level 1, each with evidence: marking an innovation ready needs all five mandatory ones.
   */
  async answerOtherMandatory(id: string, version: number): Promise<number> {
    let current = version;
    for (const indicator of OTHER_MANDATORY) {
      current = await this.answer(
        id,
        current,
        indicator,
        indicator === 'sid.33' ? { level: 1, basis: 'a' } : { level: 1 },
      );
      await this.attachEvidence(id, indicator);
    }
    return current;
  }

  /** Accepts the answers answerOtherMandatory gave; returns the innovation's new version. */
  async acceptOtherMandatory(id: string, version: number): Promise<number> {
    let current = version;
    for (const indicator of OTHER_MANDATORY) current = await this.review(id, current, indicator, 'accepted');
    return current;
  }

  async review(
    id: string,
    version: number,
    indicator: string,
    status: 'accepted' | 'returned',
  ): Promise<number> {
    const saved = await this.call<{ version: number }>(
      'POST',
      `/innovations/${id}/answers/${indicator}/review`,
      status === 'returned' ? { status, note: 'Lengkapi data dukung.' } : { status },
      version,
    );
    return saved.version;
  }

  /**
   * Uploads a small text PDF through the presigned flow (ticket, PUT to the store, intake check) and
   * attaches it to one indicator answer: the evidence a verifier needs before accepting the answer.
   * The innovation must still be editable (draft or returned) and the answer saved with a level.
   */
  async attachEvidence(innovationId: string, indicator: string, title = `SK data dukung ${indicator}`) {
    const bytes = textPdf({ lines: ['KEPUTUSAN KEPALA DAERAH', title] });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const ticket = await this.call<{
      evidence: { id: string };
      upload: { url: string; headers: Record<string, string> };
    }>('POST', '/evidence/uploads', {
      kind: 'sk',
      title,
      fileName: 'sk-data-dukung.pdf',
      mediaType: 'application/pdf',
      size: bytes.length,
      sha256,
      documentDate: '2026-01-20',
    });
    const put = await fetch(ticket.upload.url, {
      method: 'PUT',
      headers: ticket.upload.headers,
      body: new Uint8Array(bytes),
    });
    if (!put.ok) throw new Error(`evidence PUT failed: ${put.status}`);
    await this.call('POST', `/evidence/${ticket.evidence.id}/complete`);
    await this.call('POST', `/evidence/${ticket.evidence.id}/links`, {
      type: 'innovation',
      innovationId,
      indicator,
    });
    return ticket.evidence.id;
  }
}

/** A profile that meets every IID 2026 eligibility rule (mandatory fields, 300 words, age window). */
export function eligibleProfile(name: string): Record<string, unknown> {
  return {
    name,
    stage: 'penerapan',
    initiator: 'opd',
    classification: 'perangkat_daerah',
    kind: 'digital',
    form: 'pelayanan_publik',
    urusanMain: 'kesehatan',
    implementationDate: '2024-06-01',
    rancangBangun: 'Petugas puskesmas mendatangi warga lansia untuk pemeriksaan rutin di rumah. '.repeat(40),
    tujuan: 'Mendekatkan layanan kesehatan kepada warga lansia.',
    manfaat: 'Warga lansia tidak perlu antre di puskesmas.',
    hasil: 'Kunjungan rumah meningkat dua kali lipat.',
  };
}
