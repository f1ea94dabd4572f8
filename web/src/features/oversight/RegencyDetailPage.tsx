import '../../i18n/id-oversight.ts';
import '../../i18n/id-polish.ts';
import '../../i18n/id-field.ts';
import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { currentYear } from '../../api/queries.ts';
import { useTenantCode } from '../../auth/MeContext.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { SectionPanel } from '../../components/SectionPanel.tsx';
import { TermHint } from '../../components/TermHint.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useFormat, useI18n, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { DaysLeft, PredicateBadge, regencyFromPath, signed, WarningBadges } from './bits.tsx';
import { type DrillDown, type NoteInput, type OversightNote, useDrillDown, useSaveNote } from './queries.ts';

/** A regency as its province sees it: read-only figures and innovations, and the province's note. */
export default function RegencyDetailPage() {
  const t = useT();
  const code = useTenantCode();
  const regency = regencyFromPath(useParams().regency ?? '');
  const [searchParams] = useSearchParams();
  const year = Number(searchParams.get('tahun')) || currentYear();
  const detail = useDrillDown(code, year, regency);
  usePageTitle(detail.data?.row.name ?? t('oversight.detailTitle'));

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/provinsi" size="sm">
        ← {t('oversight.backToCockpit')}
      </Anchor>
      {detail.isPending ? (
        <LoadingState />
      ) : detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => detail.refetch()} />
      ) : (
        <Detail code={code} year={year} regency={regency} detail={detail.data} />
      )}
    </Stack>
  );
}

function Detail({
  code,
  year,
  regency,
  detail,
}: {
  code: string;
  year: number;
  regency: string;
  detail: DrillDown;
}) {
  const { t, language } = useI18n();
  const format = useFormat();
  const { row, summary } = detail;
  return (
    <>
      <Stack gap={4}>
        <Title order={1}>{row.name}</Title>
        <Text c="dimmed">{t('oversight.detailIntro', { year, code: row.tenantCode })}</Text>
        <Text size="sm" c="dimmed" data-testid="detail-computed-at">
          {t('oversight.computedAt', { date: format.dateTime(row.computedAt) })}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <SectionPanel id="posisi-judul" title={t('oversight.standing')}>
          <Table withRowBorders={false} verticalSpacing={4} data-testid="detail-figures">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row" fw={400}>
                  {t('oversight.verified')}
                </Table.Th>
                <Table.Td ta="right">
                  <Group gap={6} justify="flex-end">
                    <Text fw={700}>{format.decimal(row.verified.index)}</Text>
                    <PredicateBadge predicate={row.verified.predicate} />
                  </Group>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row" fw={400}>
                  {t('oversight.claimed')}
                </Table.Th>
                <Table.Td ta="right">
                  <Group gap={6} justify="flex-end">
                    <Text>{format.decimal(row.claimed.index)}</Text>
                    <PredicateBadge predicate={row.claimed.predicate} />
                  </Group>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row" fw={400}>
                  {t('oversight.col.completeness')}
                </Table.Th>
                <Table.Td ta="right">
                  {row.completeness ? `${Math.round(row.completeness.verified * 100)}%` : t('app.none')}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row" fw={400}>
                  {t('oversight.col.daysLeft')}
                </Table.Th>
                <Table.Td ta="right">
                  <DaysLeft days={row.daysToNationalDeadline} />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row" fw={400}>
                  {t('oversight.col.change')}
                </Table.Th>
                <Table.Td ta="right">
                  {row.changeSinceLastYear
                    ? signed(row.changeSinceLastYear.verified, format.decimal)
                    : t('app.none')}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row" fw={400}>
                  <TermHint term={t('oversight.emptySeats')} hint={t('term.emptySeats')} />
                </Table.Th>
                <Table.Td ta="right">{format.number(row.emptySeats)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <WarningBadges warnings={row.warnings} />
        </SectionPanel>
        <SectionPanel id="langkah-judul" title={t('oversight.nextSteps')}>
          {detail.nextSteps.length === 0 ? (
            <Text size="sm">{t('oversight.nextStepsEmpty')}</Text>
          ) : (
            <List size="sm" spacing="xs">
              {detail.nextSteps.map((step) => (
                <List.Item key={step.code}>{language === 'en' ? step.message_en : step.message_id}</List.Item>
              ))}
            </List>
          )}
          {summary.contacts.length > 0 && (
            <>
              <Title order={3} size="h5">
                {t('oversight.contacts')}
              </Title>
              <List size="sm" spacing={2} listStyleType="none">
                {summary.contacts.map((contact) => (
                  <List.Item key={`${contact.role}-${contact.email}`}>
                    {t(`oversight.contactRole.${contact.role}`)}: {contact.name} ·{' '}
                    <Anchor href={`mailto:${contact.email}`} size="sm">
                      {contact.email}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </SectionPanel>
      </SimpleGrid>
      <NotePanel code={code} year={year} regency={regency} note={detail.note ?? null} />
      <InnovationsPanel detail={detail} />
    </>
  );
}

function InnovationsPanel({ detail }: { detail: DrillDown }) {
  const t = useT();
  const format = useFormat();
  return (
    <SectionPanel id="inovasi-judul" title={t('oversight.innovations', { count: detail.innovations.length })}>
      <Text size="sm">{t('oversight.innovationsIntro')}</Text>
      {detail.innovations.length === 0 ? (
        <EmptyMessage message={t('oversight.innovationsEmpty')} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing={4} data-testid="detail-innovations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('oversight.col.innovation')}</Table.Th>
                <Table.Th>{t('oversight.col.opd')}</Table.Th>
                <Table.Th>{t('oversight.col.status')}</Table.Th>
                <Table.Th>{t('oversight.col.stage')}</Table.Th>
                <Table.Th ta="right">{t('oversight.col.kematangan')}</Table.Th>
                <Table.Th>{t('oversight.col.progress')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.innovations.map((innovation) => (
                <Table.Tr key={innovation.id}>
                  <Table.Td>
                    {innovation.name}
                    {!innovation.eligible && (
                      <Text size="xs" c="orange.9">
                        {t('oversight.notEligible')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{innovation.opdName}</Table.Td>
                  <Table.Td>{t(`status.${innovation.status}`)}</Table.Td>
                  <Table.Td>{innovation.stage ? t(`stage.${innovation.stage}`) : t('app.none')}</Table.Td>
                  <Table.Td ta="right">
                    {format.decimal(innovation.kematanganVerified)} /{' '}
                    {format.decimal(innovation.kematanganClaimed)}
                  </Table.Td>
                  <Table.Td>
                    {innovation.progress
                      ? t('oversight.progressValue', {
                          answered: format.number(innovation.progress.answered),
                          total: format.number(innovation.progress.total),
                          evidenced: format.number(innovation.progress.evidenced),
                          verified: format.number(innovation.progress.verified),
                        })
                      : t('app.none')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {detail.truncated && <Alert color="gray">{t('oversight.truncated')}</Alert>}
    </SectionPanel>
  );
}

/** The province's note and pendamping contact, saved against the version that was read. */
function NotePanel({
  code,
  year,
  regency,
  note,
}: {
  code: string;
  year: number;
  regency: string;
  note: OversightNote | null;
}) {
  const t = useT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const save = useSaveNote(code, year, regency);
  const [text, setText] = useState(note?.note ?? '');
  const [name, setName] = useState(note?.pendamping?.name ?? '');
  const [position, setPosition] = useState(note?.pendamping?.position ?? '');
  const [phone, setPhone] = useState(note?.pendamping?.phone ?? '');
  const [email, setEmail] = useState(note?.pendamping?.email ?? '');
  const [saved, setSaved] = useState(false);
  const error = save.error instanceof ApiError ? save.error : undefined;
  const conflict = error?.isVersionConflict ?? false;
  const fieldErrors = error && !conflict ? error.fieldMessages() : {};
  const fieldError = (field: string) => fieldErrors[`pendamping.${field}`] ?? fieldErrors[field];

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const hasPendamping = [name, position, phone, email].some((value) => value.trim() !== '');
    const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
    const input: NoteInput = {
      ...(text.trim() !== '' ? { note: text.trim() } : {}),
      ...(hasPendamping
        ? {
            pendamping: {
              name: optional(name),
              position: optional(position),
              phone: optional(phone),
              email: optional(email),
            },
          }
        : {}),
    };
    save.mutate({ version: note?.version ?? 0, input }, { onSuccess: () => setSaved(true) });
  }

  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="catatan-judul"
      data-testid="note-form"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="catatan-judul">
          {t('oversight.noteTitle')}
        </Title>
        <Text size="sm">{t('oversight.noteIntro')}</Text>
        {note && (
          <Text size="xs" c="dimmed" data-testid="note-updated">
            {t('oversight.noteUpdated', { date: format.dateTime(note.updatedAt), version: note.version })}
          </Text>
        )}
        <Textarea
          label={t('oversight.note')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={2000}
          error={fieldError('note')}
        />
        <Title order={3} size="h5">
          {t('oversight.pendamping')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('oversight.pendampingName')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldError('name')}
          />
          <TextInput
            label={t('oversight.pendampingPosition')}
            value={position}
            onChange={(event) => setPosition(event.currentTarget.value)}
            error={fieldError('position')}
          />
          <TextInput
            label={t('oversight.pendampingPhone')}
            type="tel"
            value={phone}
            onChange={(event) => setPhone(event.currentTarget.value)}
            error={fieldError('phone')}
          />
          <TextInput
            label={t('oversight.pendampingEmail')}
            type="email"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={fieldError('email')}
          />
        </SimpleGrid>
        {conflict && (
          <Alert color="orange" role="alert" data-testid="note-conflict">
            {t('oversight.noteConflict')}
          </Alert>
        )}
        {save.isError && !conflict && (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        {saved && !save.isPending && (
          <Alert color="teal" data-testid="note-saved">
            {t('oversight.noteSaved')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('oversight.noteSave')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
