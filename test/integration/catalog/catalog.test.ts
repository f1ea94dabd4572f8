import { DEMO_PUBLICATIONS } from '@inovasi/local';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

/**
 * The public catalogue end to end against DynamoDB Local and s3rver: the demo entries, search
 * with facets and cursors, publishing and withdrawing, and the promise that no private field of
 * an innovation ever reaches a catalogue answer.
 */
let env: TestEnvironment;
let admin3520: string;

const DISTINCTIVE_DESIGN = `${'Rancangan lengkap yang bersifat internal dan tidak untuk umum. '.repeat(30)}Kalimat penutup rahasia RB-7731.`;
const PRIVATE_BUDGET = 987_654_321;
const PRIVATE_INITIATOR = 'Ir. Sulastri Wibowo Rahardjo';

const search = (query = '', headers: Record<string, string> = {}) =>
  env.request('GET', `/catalog/innovations${query ? `?${query}` : ''}`, { headers });

async function createInnovation(token: string, name: string) {
  const created = await env.request('POST', '/tenants/35.20/innovations', {
    token,
    body: {
      opdId: 'opd-dinkes',
      profile: {
        name,
        stage: 'penerapan',
        kind: 'digital',
        form: 'pelayanan_publik',
        urusanMain: 'pangan',
        initiator: 'asn',
        initiatorName: PRIVATE_INITIATOR,
        implementationDate: '2025-02-03',
        rancangBangun: DISTINCTIVE_DESIGN,
        tujuan: 'Menjaga ketersediaan beras dan menekan inflasi pangan di pasar desa.',
        manfaat: 'Harga beras di pasar desa stabil; petani menjual hasil panen dengan harga layak.',
        hasil: 'Inflasi pangan daerah turun dua persen dalam setahun.',
        budget: PRIVATE_BUDGET,
        latitude: -7.65,
        longitude: 111.33,
      },
    },
  });
  expect(created.status).toBe(201);
  return created.json as { id: string; createdBy: string };
}

beforeAll(async () => {
  env = await createTestEnvironment();
  admin3520 = await env.login('admin.3520@demo.local');
});

describe('the demo catalogue, without signing in', () => {
  it('lists the demo publications of several regions with facet counts', async () => {
    const response = await search('limit=50');
    expect(response.status).toBe(200);
    const expected = Object.values(DEMO_PUBLICATIONS).flat().length;
    expect(response.json.total).toBe(expected);
    const regions = new Set(
      response.json.items.map((item: { region: { code: string } }) => item.region.code),
    );
    expect(regions.size).toBeGreaterThanOrEqual(5);
    const urusan = response.json.facets.urusan as { value: string; label: string; count: number }[];
    expect(urusan.find((facet) => facet.value === 'kesehatan')).toMatchObject({ label: 'Kesehatan' });
    expect(urusan.reduce((sum, facet) => sum + facet.count, 0)).toBe(expected);
    // Newest first by default without words.
    const dates = response.json.items.map((item: { publishedAt: string }) => item.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('answers with an ETag and a 304 when the client already has the page', async () => {
    const first = await search('q=sehat');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get('cache-control')).toContain('no-cache');
    const again = await search('q=sehat', { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('matches across case, diacritics and common affixes', async () => {
    const plain = await search('q=kesehatan');
    const shouted = await search('q=KÉSEHATAN');
    expect(plain.json.total).toBeGreaterThan(0);
    expect(shouted.json.items).toEqual(plain.json.items);
    // "pelayanan" (pe-layan-an) and "layanan" meet at the stem "layan".
    const derived = await search('q=pelayanan%20kesehatan');
    expect(derived.json.total).toBeGreaterThan(0);
    // A word being typed matches by prefix.
    const typing = await search('q=malar');
    expect(typing.json.items[0].name).toBe('Banjar Bebas Malaria (BARAMA)');
  });

  it('tolerates one typo in a word of five letters or more ("sehta", "kesehtan")', async () => {
    const ids = (response: { json: { items: { catalogId: string }[] } }) =>
      response.json.items.map((item) => item.catalogId);
    // Finished words (a trailing space): the intended word is then not a prefix of longer ones.
    for (const [intended, misspelt] of [
      ['sehat', 'sehta'],
      ['kesehatan', 'kesehtan'],
    ]) {
      const exact = await search(`q=${intended}%20&limit=50`);
      const typo = await search(`q=${misspelt}%20&limit=50`);
      expect(exact.json.total).toBeGreaterThan(0);
      expect(typo.status).toBe(200);
      expect(ids(typo)).toEqual(expect.arrayContaining(ids(exact)));
    }
    // Four letters are too few to guess at: "sehta" is tolerated, "seht" is only a prefix being typed.
    expect((await search('q=seht%20')).json.total).toBe(0);
  });

  it('filters by facets, counting the other values of a filtered facet (disjunctive)', async () => {
    const health = await search('urusan=kesehatan');
    expect(health.json.items.every((item: { urusanMain: string }) => item.urusanMain === 'kesehatan')).toBe(
      true,
    );
    const both = await search('urusan=kesehatan,pendidikan');
    expect(both.json.total).toBeGreaterThan(health.json.total);
    // The urusan facet still shows pendidikan while only kesehatan is chosen.
    expect(health.json.facets.urusan.some((facet: { value: string }) => facet.value === 'pendidikan')).toBe(
      true,
    );
    const banjar = await search('region=63.03&kind=digital');
    expect(banjar.json.items.map((item: { name: string }) => item.name)).toEqual([
      'Musrenbang Digital Banjar',
    ]);
    const jatim = await search('province=35&theme=stunting');
    expect(jatim.json.total).toBeGreaterThanOrEqual(2);
    const basic = await search('basicService=false');
    expect(basic.json.items.every((item: { basicService: boolean }) => item.basicService === false)).toBe(
      true,
    );
  });

  it('pages through every match exactly once with a cursor', async () => {
    const all = await search('limit=50&sort=recent');
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await search(`limit=4&sort=recent${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.json.items.map((item: { catalogId: string }) => item.catalogId));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.json.items.map((item: { catalogId: string }) => item.catalogId));
  });

  it('refuses a foreign cursor and unknown filter values, naming the parameter', async () => {
    const first = await search('limit=2&sort=recent');
    const reused = await search(`q=sekolah&cursor=${first.json.nextCursor}`);
    expect(reused.status).toBe(400);
    expect(reused.json.error.field).toBe('cursor');
    for (const [query, field] of [
      ['urusan=bukan_urusan', 'urusan'],
      ['theme=kemiskinan,hilang', 'theme'],
      ['region=3520', 'region'],
      ['limit=500', 'limit'],
      ['sort=acak', 'sort'],
    ]) {
      const response = await search(query);
      expect(response.status, query).toBe(400);
      expect(response.json.error.field, query).toBe(field);
    }
  });

  it('shows a detail page with similar innovations of other regions only', async () => {
    const found = await search('q=GERBANG%20SEHAT');
    const entry = found.json.items[0];
    const detail = await env.request('GET', `/catalog/innovations/${entry.catalogId}`);
    expect(detail.status).toBe(200);
    expect(detail.json).toMatchObject({
      name: 'Gerakan Ibu Hamil Sehat (GERBANG SEHAT)',
      region: { code: '35.22' },
    });
    expect(detail.json.similar.length).toBeGreaterThan(0);
    expect(
      detail.json.similar.every((item: { region: { code: string } }) => item.region.code !== '35.22'),
    ).toBe(true);
    const missing = await env.request('GET', '/catalog/innovations/35.22~TIDAKADA');
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('catalog_not_published');
  });
});

describe('publishing and withdrawing', () => {
  it('publishes public fields only, finds the entry, and hides it at once when withdrawn', async () => {
    const innovation = await createInnovation(admin3520, 'Lumbung Pangan Desa Magetan');
    const path = `/tenants/35.20/innovations/${innovation.id}/publication`;
    const before = await env.request('GET', path, { token: admin3520 });
    expect(before.json).toEqual({ published: false });

    const published = await env.request('PUT', path, {
      token: admin3520,
      body: { contactRole: 'Kepala Bidang Ketahanan Pangan, Dinas Pangan' },
    });
    expect(published.status).toBe(200);
    expect(published.json.entry).toMatchObject({
      catalogId: `35.20~${innovation.id}`,
      urusanMain: 'pangan',
      themes: expect.arrayContaining(['inflasi', 'ketahanan_pangan', 'digitalisasi_layanan']),
      year: 2025,
      replicatedByRegions: 0,
    });
    expect(published.json.entry.summary.length).toBeLessThanOrEqual(401);

    const found = await search('q=lumbung%20pangan');
    expect(found.json.items[0].catalogId).toBe(`35.20~${innovation.id}`);
    const detail = await env.request('GET', `/catalog/innovations/35.20~${innovation.id}`);
    expect(detail.status).toBe(200);
    for (const text of [found.text, detail.text, published.text]) {
      expect(text).not.toContain('RB-7731');
      expect(text).not.toContain(String(PRIVATE_BUDGET));
      expect(text).not.toContain(PRIVATE_INITIATOR);
      expect(text).not.toContain(innovation.createdBy);
      expect(text).not.toContain('111.33');
    }

    const withdrawn = await env.request('DELETE', path, { token: admin3520 });
    expect(withdrawn.json).toEqual({ published: false });
    const gone = await search('q=lumbung%20pangan');
    expect(gone.json.items.map((item: { catalogId: string }) => item.catalogId)).not.toContain(
      `35.20~${innovation.id}`,
    );
    const detailGone = await env.request('GET', `/catalog/innovations/35.20~${innovation.id}`);
    expect(detailGone.status).toBe(404);

    // Publishing again brings it back.
    await env.request('PUT', path, { token: admin3520, body: {} });
    const back = await search('q=lumbung%20pangan');
    expect(back.json.items[0].catalogId).toBe(`35.20~${innovation.id}`);
  });

  it('keeps a published entry current with its innovation through the change stream, writing only what changed', async () => {
    // Prepare: published with the owner's own contact; the projector has seen the publication.
    const innovation = await createInnovation(admin3520, 'Warung Sayur Keliling Magetan');
    const catalogId = `35.20~${innovation.id}`;
    const path = `/tenants/35.20/innovations/${innovation.id}`;
    const published = await env.request('PUT', `${path}/publication`, {
      token: admin3520,
      body: { contactRole: 'Sekretariat Dinas Kesehatan Magetan' },
    });
    expect(published.status).toBe(200);
    await env.projected();
    const before = await env.request('GET', `/catalog/innovations/${catalogId}`);
    expect(before.json.version).toBe(published.json.entry.version);

    // Act 1: the OPD renames it and rewrites its results (nobody publishes again).
    const current = await env.request('GET', path, { token: admin3520 });
    const edited = await env.request('PATCH', path, {
      token: admin3520,
      headers: { 'if-match': current.headers.get('etag') ?? '' },
      body: {
        profile: { name: 'Warung Sayur Berjalan Magetan', hasil: 'Harga sayur di desa turun sepertiga.' },
      },
    });
    expect(edited.status).toBe(200);
    await env.projected();

    // Assess 1: the public entry and search follow, the owner's choice of contact is kept, no
    // private field arrives with the edit.
    const after = await env.request('GET', `/catalog/innovations/${catalogId}`);
    expect(after.json).toMatchObject({
      name: 'Warung Sayur Berjalan Magetan',
      hasil: 'Harga sayur di desa turun sepertiga.',
      contactRole: 'Sekretariat Dinas Kesehatan Magetan',
      publishedAt: before.json.publishedAt,
      version: before.json.version + 1,
    });
    expect(after.text).not.toContain('RB-7731');
    expect(after.text).not.toContain(String(PRIVATE_BUDGET));
    const found = await search('q=warung%20sayur%20berjalan');
    expect(found.json.items[0].catalogId).toBe(catalogId);

    // Act 2: a change of a private field only.
    const again = await env.request('GET', path, { token: admin3520 });
    const privateOnly = await env.request('PATCH', path, {
      token: admin3520,
      headers: { 'if-match': again.headers.get('etag') ?? '' },
      body: { profile: { budget: PRIVATE_BUDGET + 1 } },
    });
    expect(privateOnly.status).toBe(200);
    await env.projected();

    // Assess 2: nothing public changed, so nothing was written (the entry keeps its version).
    const unchanged = await env.request('GET', `/catalog/innovations/${catalogId}`);
    expect(unchanged.json.version).toBe(after.json.version);
    expect(unchanged.text).not.toContain(String(PRIVATE_BUDGET + 1));
  });

  it('withdraws an innovation from the catalogue when its OPD archives it, and a stale archive withdraws nothing', async () => {
    // Prepare: Dinas Kesehatan's innovation, published by the region's admin.
    const innovation = await createInnovation(admin3520, 'Apotek Keliling Desa Magetan');
    const catalogId = `35.20~${innovation.id}`;
    const path = `/tenants/35.20/innovations/${innovation.id}`;
    expect((await env.request('PUT', `${path}/publication`, { token: admin3520, body: {} })).status).toBe(
      200,
    );
    expect((await env.request('GET', `/catalog/innovations/${catalogId}`)).status).toBe(200);
    const operator = await env.login('opd1.3520@demo.local');

    // Act 1: an archive with a stale version is refused and leaves the publication alone.
    const stale = await env.request('POST', `${path}/archive`, {
      token: operator,
      headers: { 'if-match': '"99"' },
    });
    expect(stale.status).toBe(409);
    expect((await env.request('GET', `/catalog/innovations/${catalogId}`)).status).toBe(200);

    // Act 2: the OPD's operator archives it.
    const current = await env.request('GET', path, { token: operator });
    const archived = await env.request('POST', `${path}/archive`, {
      token: operator,
      headers: { 'if-match': current.headers.get('etag') ?? '' },
    });
    expect(archived.status).toBe(200);

    // Assess: gone from the detail, from search, and from the region's own view of its publication.
    expect((await env.request('GET', `/catalog/innovations/${catalogId}`)).status).toBe(404);
    const found = await search('q=apotek%20keliling');
    expect(found.json.items.map((item: { catalogId: string }) => item.catalogId)).not.toContain(catalogId);
    const publication = await env.request('GET', `${path}/publication`, { token: admin3520 });
    expect(publication.json).toEqual({ published: false });
  });

  it('lets only a tenant admin publish, and only in its own region', async () => {
    const innovation = await createInnovation(admin3520, 'Kartu Tani Digital Magetan');
    const path = `/tenants/35.20/innovations/${innovation.id}/publication`;
    const operator = await env.login('opd1.3520@demo.local');
    expect((await env.request('PUT', path, { token: operator, body: {} })).json.error.code).toBe(
      'forbidden_role',
    );
    const neighbour = await env.login('admin.3522@demo.local');
    expect((await env.request('PUT', path, { token: neighbour, body: {} })).status).toBe(403);
    const province = await env.login('admin.35@demo.local');
    expect((await env.request('PUT', path, { token: province, body: {} })).status).toBe(403);
    expect((await search('q=kartu%20tani')).json.total).toBe(0);
  });

  it('never shows a private field of any published innovation in any catalogue answer', async () => {
    const members = await Promise.all(
      ['35.22', '35.20', '35.16', '63.03', '17.71', '35'].map(async (code) => {
        const token = await env.login(`admin.${code.replace('.', '')}@demo.local`);
        const listed = await env.request('GET', `/tenants/${code}/members`, { token });
        return listed.json.items as { id: string; email: string }[];
      }),
    );
    const privateTexts = [
      ...members.flat().flatMap((member) => [member.email, member.id]),
      String(PRIVATE_BUDGET),
      '150000000',
      PRIVATE_INITIATOR,
      'RB-7731',
    ];
    const pages = [
      await search('limit=50'),
      await search('q=sehat&limit=50'),
      await search('theme=stunting'),
    ];
    const all = pages[0]!.json.items as { catalogId: string }[];
    const details = await Promise.all(
      all.map((item) => env.request('GET', `/catalog/innovations/${item.catalogId}`)),
    );
    for (const response of [...pages, ...details]) {
      expect(response.status).toBe(200);
      const leaked = privateTexts.filter((text) => response.text.includes(text));
      expect(leaked).toEqual([]);
      // Full design narratives are long; a public summary is at most 400 characters.
      expect(response.text).not.toMatch(/"rancangBangun"|"budget"|"createdBy"|"initiatorName"|"latitude"/);
    }
  });
});
