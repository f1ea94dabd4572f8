import '../../i18n/id-replication.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import {
  AGREEMENT_KINDS,
  type AgreementKind,
  type Replication,
  type ReplicationStatus,
} from '../../api/model.ts';
import { queryKeys } from '../../api/queries.ts';
import { useTenantCode } from '../../auth/MeContext.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DateField } from '../../components/DateField.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { EvidencePreview } from '../evidence/EvidenceBits.tsx';
import EvidenceUploader from '../evidence/EvidenceUploader.tsx';
import { ContactFields } from './ContactFields.tsx';

const STATUS_COLOR: Record<ReplicationStatus, string> = {
  requested: 'blue',
  accepted: 'green',
  declined: 'red',
  withdrawn: 'gray',
};

type Direction = 'incoming' | 'outgoing';

function useReplications(code: string) {
  return useQuery({
    queryKey: queryKeys.replications(code),
    queryFn: () =>
      unwrap(api.GET('/tenants/{code}/replications', { params: { path: { code }, query: { limit: 200 } } })),
    select: (data) => data.items,
  });
}

/** Requests to replicate this region's innovations (incoming) and its own requests (outgoing). */
export default function ReplicationsPage() {
  const t = useT();
  const code = useTenantCode();
  const list = useReplications(code);
  const [direction, setDirection] = useState<Direction>('incoming');
  usePageTitle(t('replication.title'));
  const all = list.data ?? [];
  const items = all.filter((item) => item.direction === direction);
  const waiting = (side: Direction) =>
    all.filter((item) => item.direction === side && item.status === 'requested').length;

  return (
    <Stack gap="md" maw={960}>
      <Title order={1}>{t('replication.title')}</Title>
      <Text size="sm">{t('replication.intro')}</Text>
      <Group gap="sm" wrap="wrap">
        <SegmentedControl
          value={direction}
          onChange={(value) => setDirection(value as Direction)}
          aria-label={t('replication.direction')}
          data={[
            { value: 'incoming', label: t('replication.incoming', { count: waiting('incoming') }) },
            { value: 'outgoing', label: t('replication.outgoing', { count: waiting('outgoing') }) },
          ]}
        />
        <Anchor component={Link} to="/katalog" size="sm">
          {t('replication.browseCatalog')}
        </Anchor>
      </Group>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyMessage
          message={direction === 'incoming' ? t('replication.emptyIncoming') : t('replication.emptyOutgoing')}
        />
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="replications">
          {items.map((item) => (
            <li key={item.id}>
              <ReplicationCard code={code} replication={item} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function ReplicationCard({ code, replication }: { code: string; replication: Replication }) {
  const t = useT();
  const format = useFormat();
  const incoming = replication.direction === 'incoming';
  const counterpart = incoming ? replication.replicator.regionName : replication.source.regionName;
  const headingId = `replikasi-${replication.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId} data-testid="replication">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={0} miw={0}>
            <Title order={2} size="h5" id={headingId}>
              {replication.source.innovationName}
            </Title>
            <Text size="sm">
              {incoming
                ? t('replication.from', { region: counterpart })
                : t('replication.to', { region: counterpart })}
            </Text>
          </Stack>
          <Badge variant="light" color={STATUS_COLOR[replication.status]} style={{ flexShrink: 0 }}>
            {t(`replication.status.${replication.status}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('replication.requestedAt', { date: format.dateTime(replication.requestedAt) })}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {replication.message}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            {t('replication.contact')}:
          </Text>{' '}
          {contactLine(replication.contact)}
        </Text>
        {replication.sourceContact && (
          <Text size="sm">
            <Text span fw={600}>
              {t('replication.sourceContact')}:
            </Text>{' '}
            {contactLine(replication.sourceContact)}
          </Text>
        )}
        {replication.declineReason && (
          <Text size="sm">
            <Text span fw={600}>
              {t('replication.declineReason')}:
            </Text>{' '}
            {replication.declineReason}
          </Text>
        )}
        {replication.agreement && <AgreementFacts code={code} replication={replication} />}
        {!incoming && replication.replicaInnovationId && (
          <Anchor component={Link} to={`/inovasi/${replication.replicaInnovationId}`} size="sm">
            {t('replication.openReplica')}
          </Anchor>
        )}
        <Anchor component={Link} to={`/katalog/${replication.source.catalogId}`} size="sm">
          {t('replication.openCatalogEntry')}
        </Anchor>
        {replication.status === 'requested' &&
          (incoming ? (
            <IncomingActions code={code} replication={replication} />
          ) : (
            <WithdrawAction code={code} replication={replication} />
          ))}
      </Stack>
    </Paper>
  );
}

function contactLine(contact: Replication['contact']): string {
  return [contact.name, contact.role, contact.email, contact.phone].filter(Boolean).join(' · ');
}

function useReplicationStep(code: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.replications(code) });
    void queryClient.invalidateQueries({ queryKey: ['catalog'] });
  };
}

function AgreementFacts({ code, replication }: { code: string; replication: Replication }) {
  const t = useT();
  const format = useFormat();
  const agreement = replication.agreement;
  const refresh = useReplicationStep(code);
  const errorMessage = useErrorMessage();
  const [attaching, setAttaching] = useState(false);
  const attach = useMutation({
    mutationFn: (evidenceId: string) =>
      unwrap(
        api.PUT('/tenants/{code}/replications/{id}/agreement-document', {
          params: { path: { code, id: replication.id } },
          headers: ifMatch(replication.version),
          body: { evidenceId },
        }),
      ),
    onSettled: refresh,
  });
  if (!agreement) return null;
  return (
    <Paper bg="var(--mantine-color-green-0)" p="xs" radius="sm" data-testid="agreement">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('replication.agreement', {
            kind: t(`agreementKind.${agreement.kind}`),
            date: format.date(agreement.signedOn),
          })}
        </Text>
        {agreement.note && <Text size="sm">{agreement.note}</Text>}
        {agreement.evidenceId ? (
          <EvidencePreview
            code={code}
            evidenceId={agreement.evidenceId}
            title={t('replication.document')}
            fileKind={undefined}
          />
        ) : (
          <>
            <Text size="sm">{t('replication.noDocument')}</Text>
            {attaching ? (
              <EvidenceUploader
                code={code}
                defaultKind="pks_mou"
                inputLabel={t('replication.documentFile')}
                onPassed={async (evidence) => {
                  await attach.mutateAsync(evidence.id);
                  return [];
                }}
              />
            ) : (
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => setAttaching(true)}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('replication.attachDocument')}
              </Button>
            )}
            {attach.isError && (
              <Text size="sm" c="red.9" role="alert">
                {errorMessage(attach.error)}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function today(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The source region accepts (recording the agreement) or declines a request. */
function IncomingActions({ code, replication }: { code: string; replication: Replication }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const refresh = useReplicationStep(code);
  const acceptFormId = useId();
  const [mode, setMode] = useState<'none' | 'accept' | 'decline'>('none');
  const [kind, setKind] = useState<AgreementKind>('pks');
  const [signedOn, setSignedOn] = useState(today());
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [evidenceId, setEvidenceId] = useState<string | null>(null);
  const [contact, setContact] = useState({ name: '', role: '', email: '', phone: '' });
  const accept = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/tenants/{code}/replications/{id}/accept', {
          params: { path: { code, id: replication.id } },
          headers: ifMatch(replication.version),
          body: {
            kind,
            signedOn,
            ...(evidenceId ? { evidenceId } : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
            contact: {
              name: contact.name.trim(),
              role: contact.role.trim(),
              ...(contact.email.trim() ? { email: contact.email.trim() } : {}),
              ...(contact.phone.trim() ? { phone: contact.phone.trim() } : {}),
            },
          },
        }),
      ),
    onSuccess: refresh,
    onError: (error) => {
      if (error instanceof ApiError && error.isVersionConflict) refresh();
    },
  });
  const decline = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/tenants/{code}/replications/{id}/decline', {
          params: { path: { code, id: replication.id } },
          headers: ifMatch(replication.version),
          body: reason.trim() ? { reason: reason.trim() } : {},
        }),
      ),
    onSuccess: refresh,
  });
  const fieldErrors = accept.error instanceof ApiError ? accept.error.fieldMessages() : {};
  const setContactField = (field: keyof typeof contact) => (value: string) =>
    setContact((current) => ({ ...current, [field]: value }));
  const name = replication.source.innovationName;

  function submitAccept(event: FormEvent) {
    event.preventDefault();
    accept.mutate();
  }

  if (mode === 'accept') {
    return (
      // The evidence uploader is a form of its own, so it sits beside the accept form
      // (never inside it) and the submit button reaches the accept form by id.
      <Stack gap="xs" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Text fw={600} size="sm">
          {t('replication.acceptTitle')}
        </Text>
        <form id={acceptFormId} onSubmit={submitAccept} noValidate aria-label={t('replication.acceptTitle')}>
          <Stack gap="xs">
            <NativeSelect
              label={t('replication.agreementKind')}
              value={kind}
              onChange={(event) => setKind(event.currentTarget.value as AgreementKind)}
              data={AGREEMENT_KINDS.map((value) => ({ value, label: t(`agreementKind.${value}`) }))}
            />
            <DateField
              label={t('replication.signedOn')}
              value={signedOn}
              onChange={setSignedOn}
              error={fieldErrors.signedOn}
              required
            />
            <Text size="sm" fw={500}>
              {t('replication.yourContact')}
            </Text>
            <ContactFields
              values={contact}
              onChange={setContactField}
              errors={fieldErrors}
              prefix="contact"
            />
            <Textarea
              label={t('replication.note')}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              autosize
              minRows={1}
              maxLength={2000}
            />
          </Stack>
        </form>
        <Text size="sm" fw={500}>
          {t('replication.documentOptional')}
        </Text>
        {evidenceId ? (
          <Text size="sm" c="green.9">
            {t('replication.documentReady')}
          </Text>
        ) : (
          <EvidenceUploader
            code={code}
            defaultKind="pks_mou"
            inputLabel={t('replication.documentFile')}
            onPassed={async (evidence) => {
              setEvidenceId(evidence.id);
              return [];
            }}
          />
        )}
        {accept.isError && (
          <Alert color="red" role="alert">
            {errorMessage(accept.error)}
          </Alert>
        )}
        <Group gap="xs">
          <Button type="submit" form={acceptFormId} color="teal" loading={accept.isPending}>
            {t('replication.confirmAccept')}
          </Button>
          <Button variant="default" onClick={() => setMode('none')}>
            {t('app.cancel')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button
          color="teal"
          onClick={() => setMode('accept')}
          aria-label={t('replication.acceptFor', { name })}
        >
          {t('replication.accept')}
        </Button>
        <Button
          variant="outline"
          color="red"
          onClick={() => setMode(mode === 'decline' ? 'none' : 'decline')}
          aria-label={t('replication.declineFor', { name })}
        >
          {t('replication.decline')}
        </Button>
      </Group>
      {mode === 'decline' && (
        <Stack gap="xs">
          <Textarea
            label={t('replication.declineReason')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
          {decline.isError && (
            <Alert color="red" role="alert">
              {errorMessage(decline.error)}
            </Alert>
          )}
          <Button
            color="red"
            loading={decline.isPending}
            onClick={() => decline.mutate()}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('replication.confirmDecline')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}

function WithdrawAction({ code, replication }: { code: string; replication: Replication }) {
  const t = useT();
  const refresh = useReplicationStep(code);
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/tenants/{code}/replications/{id}/withdraw', {
          params: { path: { code, id: replication.id } },
          headers: ifMatch(replication.version),
        }),
      ),
    onSuccess: () => {
      setConfirming(false);
      refresh();
    },
  });
  return (
    <>
      <Button
        variant="outline"
        color="red"
        onClick={() => setConfirming(true)}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('replication.withdraw')}
      </Button>
      <ConfirmDialog
        opened={confirming}
        title={t('replication.withdrawTitle')}
        message={t('replication.withdrawConfirm', { name: replication.source.innovationName })}
        confirmLabel={t('replication.withdraw')}
        pending={withdraw.isPending}
        error={withdraw.error}
        onConfirm={() => withdraw.mutate()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
