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

  async createInnovation(
    opdId: string,
    profile: Record<string, unknown>,
  ): Promise<{ id: string; version: number }> {
    const response = await fetch(`${this.baseUrl}/api/v1/tenants/${this.user.tenantCode}/innovations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ opdId, profile }),
    });
    if (response.status !== 201)
      throw new Error(`create innovation failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string; version: number };
  }
}
