import '../../i18n/id-catalog.ts';
import '../../i18n/id-replication.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { CATALOG_THEMES, type Innovation, type Publication, type PublicationInput } from '../../api/model.ts';
import { queryKeys } from '../../api/queries.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';

/**
 * The tenant admin's view of an innovation's public life: whether it is in the replication
 * catalogue (publish, refresh, withdraw) and how many regions replicated it under an agreement.
 */
export default function PublicationPanel({ code, innovation }: { code: string; innovation: Innovation }) {
  const t = useT();
  const publication = useQuery({
    queryKey: queryKeys.publication(code, innovation.id),
    queryFn: () =>
      unwrap(
        api.GET('/tenants/{code}/innovations/{id}/publication', {
          params: { path: { code, id: innovation.id } },
        }),
      ),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="publikasi-judul" data-testid="publication">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id="publikasi-judul">
            {t('publication.title')}
          </Title>
          {publication.data && (
            <Badge variant="light" color={publication.data.published ? 'green' : 'gray'}>
              {publication.data.published ? t('publication.published') : t('publication.notPublished')}
            </Badge>
          )}
        </Group>
        {publication.isPending ? (
          <LoadingState />
        ) : publication.isError ? (
          <ErrorState error={publication.error} onRetry={() => publication.refetch()} />
        ) : (
          <PublicationForm
            code={code}
            innovation={innovation}
            publication={publication.data}
            key={publication.data.entry?.version ?? 0}
          />
        )}
        <ReplicationCount code={code} innovationId={innovation.id} />
      </Stack>
    </Paper>
  );
}

function PublicationForm({
  code,
  innovation,
  publication,
}: {
  code: string;
  innovation: Innovation;
  publication: Publication;
}) {
  const t = useT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const entry = publication.entry;
  const [themes, setThemes] = useState<string[]>(entry?.themes ?? []);
  const [summary, setSummary] = useState(entry?.summary ?? '');
  const [contactRole, setContactRole] = useState(entry?.contactRole ?? '');
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const adopt = (next: Publication) => {
    queryClient.setQueryData(queryKeys.publication(code, innovation.id), next);
    void queryClient.invalidateQueries({ queryKey: ['catalog'] });
  };
  const publish = useMutation({
    mutationFn: (body: PublicationInput) =>
      unwrap(
        api.PUT('/tenants/{code}/innovations/{id}/publication', {
          params: { path: { code, id: innovation.id } },
          body,
        }),
      ),
    onSuccess: (next) => {
      adopt(next);
      setNotice(t('publication.publishedNotice'));
    },
  });
  const withdraw = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/tenants/{code}/innovations/{id}/publication', {
          params: { path: { code, id: innovation.id } },
        }),
      ),
    onSuccess: (next) => {
      setConfirming(false);
      adopt(next);
    },
  });
  const fieldErrors = publish.error instanceof ApiError ? publish.error.fieldMessages() : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    publish.mutate({
      ...(themes.length > 0 ? { themes: themes as PublicationInput['themes'] } : {}),
      ...(summary.trim() ? { summary: summary.trim() } : {}),
      ...(contactRole.trim() ? { contactRole: contactRole.trim() } : {}),
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{entry ? t('publication.introPublished') : t('publication.intro')}</Text>
        {entry && (
          <Text size="sm">
            {t('publication.since', { date: format.date(entry.publishedAt) })}{' '}
            <Anchor component={Link} to={`/katalog/${entry.catalogId}`}>
              {t('publication.openPublic')}
            </Anchor>
          </Text>
        )}
        {notice && (
          <Alert color="teal" role="status" data-testid="publication-notice">
            {notice}
          </Alert>
        )}
        <Checkbox.Group
          label={t('publication.themes')}
          description={t('publication.themesHint')}
          value={themes}
          onChange={setThemes}
          error={fieldErrors.themes}
        >
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing={6} mt={6}>
            {CATALOG_THEMES.map((theme) => (
              <Checkbox key={theme} value={theme} label={t(`theme.${theme}`)} size="sm" />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea
          label={t('publication.summary')}
          description={t('publication.summaryHint')}
          value={summary}
          onChange={(event) => setSummary(event.currentTarget.value)}
          error={fieldErrors.summary}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={1000}
        />
        <TextInput
          label={t('publication.contactRole')}
          description={t('publication.contactRoleHint')}
          value={contactRole}
          onChange={(event) => setContactRole(event.currentTarget.value)}
          error={fieldErrors.contactRole}
          maxLength={200}
        />
        {publish.isError && !Object.keys(fieldErrors).length && (
          <Alert color="red" role="alert">
            {errorMessage(publish.error)}
          </Alert>
        )}
        <Group gap="xs">
          <Button type="submit" loading={publish.isPending} disabled={innovation.archived}>
            {entry ? t('publication.refresh') : t('publication.publish')}
          </Button>
          {entry && (
            <Button variant="outline" color="red" onClick={() => setConfirming(true)}>
              {t('publication.withdraw')}
            </Button>
          )}
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('publication.withdrawTitle')}
        message={t('publication.withdrawConfirm', { name: innovation.profile.name })}
        confirmLabel={t('publication.withdraw')}
        pending={withdraw.isPending}
        error={withdraw.error}
        onConfirm={() => withdraw.mutate()}
        onClose={() => setConfirming(false)}
      />
    </form>
  );
}

/** How many regions replicated this innovation under an agreement, and the sid.31 level it earns. */
function ReplicationCount({ code, innovationId }: { code: string; innovationId: string }) {
  const t = useT();
  const format = useFormat();
  const summary = useQuery({
    queryKey: queryKeys.innovationReplications(code, innovationId),
    queryFn: () =>
      unwrap(
        api.GET('/tenants/{code}/innovations/{id}/replications', {
          params: { path: { code, id: innovationId } },
        }),
      ),
  });
  if (summary.isPending) return null;
  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => summary.refetch()} />;
  const data = summary.data;
  return (
    <Stack gap={4} pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Text size="sm" fw={600} data-testid="replication-count">
        {data.distinctRegions > 0
          ? t('publication.replicatedBy', { count: data.distinctRegions })
          : t('publication.notReplicated')}
      </Text>
      {data.distinctRegions > 0 && (
        <>
          <Text size="xs" c="dimmed">
            {t('publication.sid31', { evidenced: data.evidencedRegions, level: data.sid31Level })}
          </Text>
          <List size="sm" spacing={2}>
            {data.regions.map((region) => (
              <List.Item key={region.replicationId}>
                {region.regionName} · {t(`agreementKind.${region.agreementKind}`)} ·{' '}
                {format.date(region.signedOn)}
                {region.evidenceId ? '' : ` · ${t('publication.noDocument')}`}
              </List.Item>
            ))}
          </List>
        </>
      )}
      <Anchor component={Link} to="/replikasi" size="sm">
        {t('replication.openList')}
      </Anchor>
    </Stack>
  );
}
