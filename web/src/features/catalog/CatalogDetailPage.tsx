import '../../i18n/id-catalog.ts';
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { CatalogDetail } from '../../api/model.ts';
import { hasRole, useMeQuery, useSession } from '../../auth/SessionProvider.tsx';
import { ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useHydrated } from '../../components/useHydrated.ts';
import { useFormat, useI18n, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { CatalogCard } from './CatalogPage.tsx';
import { catalogDetailOptions } from './catalogParams.ts';
import { serverRenderedData, serverRenderedDetail } from './firstData.ts';
import { followInApp } from './followInApp.ts';
import { facetValueLabel, regionLine, urusanLabel } from './labels.ts';
import { PublicShell } from './PublicShell.tsx';

// Only a signed-in Bappeda admin of another region asks to replicate: the form is its own chunk.
const RequestReplication = lazy(() => import('./RequestReplication.tsx'));

/** The detail's sections, spaced as the page's own Stack spaces them; the server fills this element. */
const DETAIL_STACK = { display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-md)' } as const;

export default function CatalogDetailPage() {
  const { catalogId = '' } = useParams();
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const { token } = useSession();
  const detail = useQuery(catalogDetailOptions(catalogId));
  // The prerendered page (web/scripts/prerender.mjs) has no data yet: hydration starts from the same view.
  const hydrated = useHydrated();
  usePageTitle(detail.data?.name ?? t('catalog.detailTitle'));
  // The server filled this page's detail in (functions/api/src/catalog-detail-page.ts): React adopts
  // that markup as it is while hydrating (docs/decisions/0044), and keeps it for as long as it says
  // what React would render: an anonymous visitor, in Bahasa Indonesia, the very data the server
  // used. Rendering the same detail again cost a phone a few hundred milliseconds of main thread
  // and repainted its largest text late (docs/decisions/0050). A session (the replication action
  // depends on who asks), English or newer data bring React's own rendering.
  const keepsServerMarkup =
    !hydrated || (token === null && language === 'id' && detail.data === serverRenderedData(catalogId));
  const adopted = keepsServerMarkup ? serverRenderedDetail(catalogId) : undefined;
  return (
    <PublicShell>
      <Stack gap="md" maw={1040}>
        <Anchor component={Link} to="/katalog" size="sm">
          ← {t('catalog.back')}
        </Anchor>
        {adopted !== undefined ? (
          // biome-ignore lint/a11y/noStaticElementInteractions: only catches clicks on the links inside, which keep their own keyboard behaviour
          // biome-ignore lint/a11y/useKeyWithClickEvents: Enter on a link is a click, which reaches this handler
          <div
            data-catalog-detail=""
            style={DETAIL_STACK}
            onClick={(event) => followInApp(event, navigate)}
            // biome-ignore lint/security/noDangerouslySetInnerHtml: the page's own server-escaped markup, read back from the DOM
            dangerouslySetInnerHTML={{ __html: adopted }}
          />
        ) : (
          <div data-catalog-detail="" style={DETAIL_STACK}>
            {detail.isPending || !hydrated ? (
              <LoadingState />
            ) : detail.isError ? (
              <ErrorState error={detail.error} onRetry={() => detail.refetch()} />
            ) : (
              <CatalogDetailContent entry={detail.data} />
            )}
          </div>
        )}
      </Stack>
    </PublicShell>
  );
}

/** One published innovation; the server's first HTML shows the same text (functions/api/src/catalog-detail-page.ts). */
export function CatalogDetailContent({ entry }: { entry: CatalogDetail }) {
  const t = useT();
  const format = useFormat();
  const rows: [string, string][] = [
    [t('catalog.facet.urusan'), entry.urusanMain ? urusanLabel(entry.urusanMain) : t('app.none')],
    [t('profile.stage'), entry.stage ? facetValueLabel(t, 'stage', entry.stage, entry.stage) : t('app.none')],
    [t('profile.kind'), entry.kind ? facetValueLabel(t, 'kind', entry.kind, entry.kind) : t('app.none')],
    [t('profile.form'), entry.form ? facetValueLabel(t, 'form', entry.form, entry.form) : t('app.none')],
    [
      t('profile.implementationDate'),
      entry.implementationDate ? format.date(entry.implementationDate) : t('app.none'),
    ],
    [t('catalog.publishedAt'), format.date(entry.publishedAt)],
  ];
  return (
    <>
      <Stack gap={4}>
        <Title order={1}>{entry.name}</Title>
        <Text>{regionLine(entry.region, entry.province)}</Text>
        <Text size="sm" c="dimmed">
          {entry.opd.name}
        </Text>
        <Group gap={4} mt={4}>
          {entry.basicService && (
            <Badge variant="light" color="blue">
              {t('catalog.basicService.true')}
            </Badge>
          )}
          {entry.themes.map((theme) => (
            <Badge key={theme} variant="light" color="grape">
              {facetValueLabel(t, 'theme', theme, theme)}
            </Badge>
          ))}
          {entry.kematanganBand && (
            <Badge variant="light" color="teal">
              {t(`catalog.band.${entry.kematanganBand}`)}
            </Badge>
          )}
        </Group>
      </Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="replikasi-ringkas">
        <Stack gap="xs">
          <Title order={2} size="h4" id="replikasi-ringkas">
            {t('catalog.replication')}
          </Title>
          <Text size="sm" data-testid="replicated-by">
            {entry.replicatedByRegions > 0
              ? t('catalog.replicatedBy', { count: entry.replicatedByRegions })
              : t('catalog.notReplicated')}
          </Text>
          {entry.replicatedFrom && (
            <Text size="sm">
              {t('catalog.replicatedFrom')}{' '}
              <Anchor component={Link} to={`/katalog/${entry.replicatedFrom.catalogId}`}>
                {entry.replicatedFrom.innovationName} ({entry.replicatedFrom.regionName})
              </Anchor>
            </Text>
          )}
          <Text size="sm">
            <Text span fw={600}>
              {t('catalog.contact')}:
            </Text>{' '}
            {entry.contactRole}
          </Text>
          <ReplicationAction entry={entry} />
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="profil-publik">
        <Title order={2} size="h4" id="profil-publik" mb="sm">
          {t('catalog.profile')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" component="dl" m={0}>
          {rows.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="xs" c="dimmed">
                {label}
              </Text>
              <Text component="dd" size="sm" m={0}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <Stack gap="sm" mt="md">
          <Narrative title={t('catalog.summary')} text={entry.summary} />
          <Narrative title={t('profile.tujuan')} text={entry.tujuan} />
          <Narrative title={t('profile.manfaat')} text={entry.manfaat} />
          <Narrative title={t('profile.hasil')} text={entry.hasil} />
        </Stack>
      </Paper>
      <Stack gap="sm" component="section" aria-labelledby="inovasi-serupa">
        <Title order={2} size="h3" id="inovasi-serupa">
          {t('catalog.similar')}
        </Title>
        {entry.similar.length === 0 ? (
          <Text size="sm">{t('catalog.noSimilar')}</Text>
        ) : (
          <SimpleGrid
            cols={{ base: 1, sm: 2 }}
            spacing="sm"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            data-testid="similar"
          >
            {entry.similar.map((item) => (
              <li key={item.catalogId}>
                <CatalogCard item={item} />
              </li>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </>
  );
}

function Narrative({ title, text }: { title: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <div>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
        {text}
      </Text>
    </div>
  );
}

/** Who may ask to replicate: a signed-in Bappeda admin of another region. Everyone else is told how. */
function ReplicationAction({ entry }: { entry: CatalogDetail }) {
  const t = useT();
  const { token } = useSession();
  const me = useMeQuery(token !== null);
  if (!token) {
    return (
      <Button
        component={Link}
        to={`/masuk?next=${encodeURIComponent(`/katalog/${entry.catalogId}`)}`}
        variant="light"
        style={{ alignSelf: 'flex-start' }}
      >
        {t('catalog.signInToReplicate')}
      </Button>
    );
  }
  if (me.isPending) return null;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />;
  const code = me.data.tenant?.code ?? me.data.user.tenantCode;
  if (code === entry.tenantCode) {
    return <Text size="sm">{t('catalog.ownRegion')}</Text>;
  }
  if (!code || !hasRole(me.data.user, 'tenant_admin')) {
    return (
      <Alert color="gray" p="xs">
        <Text size="sm">{t('catalog.adminOnly')}</Text>
      </Alert>
    );
  }
  return (
    <Suspense fallback={<LoadingState />}>
      <RequestReplication code={code} entry={entry} />
    </Suspense>
  );
}
