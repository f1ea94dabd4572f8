import '../../i18n/id-evidence.ts';
import { Button, Group, NativeSelect, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { EVIDENCE_KINDS, type Evidence } from '../../api/model.ts';
import { useMe, useTenantCode } from '../../auth/MeContext.tsx';
import { hasRole } from '../../auth/SessionProvider.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { EvidencePreview, EvidenceStatusBadge, FindingList, useBytes } from './EvidenceBits.tsx';
import EvidenceUploader from './EvidenceUploader.tsx';
import {
  type LibraryFilters,
  useEvidenceLibrary,
  useEvidenceUsage,
  useRefreshEvidence,
} from './useEvidence.ts';

/** The region's evidence library: every file and link, what it supports, and the storage it uses. */
export default function EvidenceLibraryPage() {
  const t = useT();
  const code = useTenantCode();
  const { user } = useMe();
  const [filters, setFilters] = useState<LibraryFilters>({});
  const [adding, setAdding] = useState(false);
  const library = useEvidenceLibrary(code, filters);
  const refresh = useRefreshEvidence(code);
  const canUpload = hasRole(user, 'tenant_admin', 'opd_operator');
  usePageTitle(t('library.title'));
  const items = library.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md" maw={960}>
      <Group justify="space-between" gap="xs">
        <Title order={1}>{t('library.title')}</Title>
        {canUpload && (
          <Button onClick={() => setAdding((open) => !open)} aria-expanded={adding}>
            {t('library.add')}
          </Button>
        )}
      </Group>
      <Text size="sm">{t('library.intro')}</Text>
      <UsageBar code={code} />
      {adding && (
        <EvidenceUploader
          code={code}
          inputLabel={t('evidence.chooseFile')}
          resumeSlot="library"
          onPassed={async () => {
            refresh();
            return [];
          }}
        />
      )}
      <Group gap="sm" align="flex-end" role="group" aria-label={t('library.filters')}>
        <NativeSelect
          label={t('evidence.kind')}
          value={filters.kind ?? ''}
          onChange={(event) => {
            const kind = event.currentTarget.value;
            setFilters((current) => ({ ...current, kind: kind || undefined }));
          }}
          data={[
            { value: '', label: t('app.all') },
            ...EVIDENCE_KINDS.map((kind) => ({ value: kind, label: t(`evidenceKind.${kind}`) })),
          ]}
        />
        <NativeSelect
          label={t('library.status')}
          value={filters.status ?? ''}
          onChange={(event) => {
            const status = event.currentTarget.value;
            setFilters((current) => ({ ...current, status: status || undefined }));
          }}
          data={[
            { value: '', label: t('app.all') },
            { value: 'passed', label: t('evidence.status.passed') },
            { value: 'pending', label: t('evidence.status.pending') },
            { value: 'rejected', label: t('evidence.status.rejected') },
          ]}
        />
      </Group>
      {library.isPending ? (
        <LoadingState />
      ) : library.isError && items.length === 0 ? (
        <ErrorState error={library.error} onRetry={() => library.refetch()} />
      ) : items.length === 0 ? (
        <EmptyMessage message={t('library.empty')} />
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="library">
          {items.map((item) => (
            <li key={item.id}>
              <LibraryItem code={code} item={item} />
            </li>
          ))}
        </Stack>
      )}
      {library.hasNextPage && (
        <Button
          variant="default"
          onClick={() => library.fetchNextPage()}
          loading={library.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('app.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

function UsageBar({ code }: { code: string }) {
  const t = useT();
  const bytes = useBytes();
  const usage = useEvidenceUsage(code);
  if (!usage.data) return null;
  const share = usage.data.quotaBytes > 0 ? (usage.data.usedBytes / usage.data.quotaBytes) * 100 : 0;
  const text = t('library.usage', {
    used: bytes(usage.data.usedBytes),
    quota: bytes(usage.data.quotaBytes),
    files: usage.data.files,
  });
  return (
    <div>
      <Text size="sm">{text}</Text>
      <Progress value={share} size="sm" mt={4} aria-label={text} />
      <Text size="xs" c="dimmed" mt={2}>
        {t('library.limits', {
          document: bytes(usage.data.limits.maxDocumentBytes),
          video: bytes(usage.data.limits.maxVideoBytes),
          minutes: Math.round(usage.data.limits.maxVideoSeconds / 60),
        })}
      </Text>
    </div>
  );
}

function LibraryItem({ code, item }: { code: string; item: Evidence }) {
  const t = useT();
  const format = useFormat();
  const bytes = useBytes();
  const uses = Object.entries(item.linkedCodes);
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <Text fw={600} size="sm" miw={0} style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Text>
          <EvidenceStatusBadge status={item.status} />
        </Group>
        <Text size="xs" c="dimmed">
          {[
            t(`evidenceKind.${item.kind}`),
            item.fileName ?? item.url,
            item.size !== undefined ? bytes(item.size) : undefined,
            item.documentDate ? t('library.dated', { date: format.date(item.documentDate) }) : undefined,
            t('library.added', { date: format.date(item.createdAt) }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Text size="xs">
          {uses.length === 0
            ? t('library.unused')
            : t('library.usedFor', { codes: uses.map(([code, count]) => `${code} (${count})`).join(', ') })}
        </Text>
        <FindingList findings={item.intake?.findings ?? []} />
        {item.status === 'passed' && !item.deleted && (
          <EvidencePreview code={code} evidenceId={item.id} title={item.title} fileKind={item.fileKind} />
        )}
      </Stack>
    </Paper>
  );
}
