import '../../i18n/id-exports.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  List,
  NativeSelect,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { currentYear, useOpds, usePeriods } from '../../api/queries.ts';
import { useTenantCode } from '../../auth/MeContext.tsx';
import { ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { SectionPanel } from '../../components/SectionPanel.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import {
  IMPORT_MAX_BYTES,
  type ImportJob,
  type ImportPreviewRow,
  type ImportReportRow,
  type ImportView,
  useConfirmImport,
  useDownloadTemplate,
  useImport,
  useInvalidateInnovations,
  useUploadAndPreview,
} from './useImports.ts';

/** The import being looked at lives in the URL, so a reload or the back button keeps the preview. */
const IMPORT_PARAM = 'impor';

const ROW_COLOR: Record<ImportPreviewRow['status'], string> = {
  valid: 'green',
  invalid: 'red',
  already_imported: 'gray',
  duplicate: 'orange',
};

const OUTCOME_COLOR: Record<ImportReportRow['outcome'], string> = {
  created: 'green',
  already_imported: 'gray',
  duplicate: 'orange',
  invalid: 'red',
  failed: 'red',
};

export default function ImportsPage() {
  const t = useT();
  const code = useTenantCode();
  usePageTitle(t('imports.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const importId = searchParams.get(IMPORT_PARAM) ?? undefined;
  const current = useImport(code, importId);
  const show = (id: string | undefined) =>
    setSearchParams(id ? { [IMPORT_PARAM]: id } : {}, { replace: id === undefined });

  return (
    <Stack gap="lg" maw={1040}>
      <Stack gap={4}>
        <Title order={1}>{t('imports.title')}</Title>
        <Text size="sm">{t('imports.intro')}</Text>
      </Stack>
      <TemplateDownload code={code} />
      {importId === undefined ? (
        <UploadForm code={code} onPreviewed={show} />
      ) : current.isPending ? (
        <LoadingState />
      ) : current.isError ? (
        <Stack gap="sm" align="flex-start">
          <ErrorState error={current.error} onRetry={() => current.refetch()} />
          <Button variant="default" onClick={() => show(undefined)}>
            {t('imports.startOver')}
          </Button>
        </Stack>
      ) : (
        <ImportState code={code} view={current.data} onStartOver={() => show(undefined)} />
      )}
    </Stack>
  );
}

function TemplateDownload({ code }: { code: string }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const template = useDownloadTemplate(code);
  return (
    <Group gap="sm" align="center">
      <Button variant="light" loading={template.isPending} onClick={() => template.mutate()}>
        {t('imports.template')}
      </Button>
      <Text size="sm" c="dimmed">
        {t('imports.templateHint')}
      </Text>
      {template.isError && (
        <Alert color="red" role="alert" p="xs">
          <Text size="sm">{errorMessage(template.error)}</Text>
        </Alert>
      )}
    </Group>
  );
}

function fileProblem(file: File | null): 'imports.fileType' | 'imports.fileTooLarge' | undefined {
  if (!file) return 'imports.fileType';
  if (!/\.(xlsx|csv)$/i.test(file.name)) return 'imports.fileType';
  if (file.size > IMPORT_MAX_BYTES) return 'imports.fileTooLarge';
  return undefined;
}

function UploadForm({ code, onPreviewed }: { code: string; onPreviewed: (id: string) => void }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const periods = usePeriods(code);
  const opds = useOpds(code);
  const upload = useUploadAndPreview(code);
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState(currentYear());
  const [defaultOpdId, setDefaultOpdId] = useState('');
  const [createMissingOpds, setCreateMissingOpds] = useState(false);
  const [touched, setTouched] = useState(false);
  const problem = fileProblem(file);
  const years = [...new Set([currentYear(), ...(periods.data ?? []).map((period) => period.year)])].sort(
    (a, b) => b - a,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problem || !file) return;
    upload.mutate(
      {
        file,
        options: {
          periodYear: year,
          ...(defaultOpdId ? { defaultOpdId } : {}),
          ...(createMissingOpds ? { createMissingOpds } : {}),
        },
      },
      { onSuccess: (preview) => onPreviewed(preview.import.id) },
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="impor-unggah">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="impor-unggah">
            {t('imports.file')}
          </Title>
          <FileInput
            label={t('imports.file')}
            description={t('imports.fileHint')}
            placeholder=".xlsx / .csv"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(next) => {
              upload.reset();
              setFile(next);
            }}
            error={touched && problem ? t(problem) : undefined}
            clearable
            maw={480}
            data-testid="import-file"
          />
          <Group gap="md" align="flex-end">
            <NativeSelect
              label={t('imports.period')}
              value={String(year)}
              onChange={(event) => setYear(Number(event.currentTarget.value))}
              data={years.map((value) => String(value))}
            />
            <NativeSelect
              label={t('imports.defaultOpd')}
              value={defaultOpdId}
              onChange={(event) => setDefaultOpdId(event.currentTarget.value)}
              data={[
                { value: '', label: t('imports.defaultOpdNone') },
                ...(opds.data ?? []).map((opd) => ({ value: opd.id, label: opd.name })),
              ]}
              miw={260}
            />
          </Group>
          <Checkbox
            label={t('imports.createMissingOpds')}
            checked={createMissingOpds}
            onChange={(event) => setCreateMissingOpds(event.currentTarget.checked)}
          />
          <Group gap="sm">
            <Button type="submit" loading={upload.isPending}>
              {t('imports.check')}
            </Button>
            <Text size="sm" role="status" c="dimmed">
              {upload.isPending ? t('imports.checking') : ''}
            </Text>
          </Group>
          {upload.isError && (
            <Alert color="red" role="alert" p="xs">
              <Text size="sm">{errorMessage(upload.error)}</Text>
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

function ImportState({
  code,
  view,
  onStartOver,
}: {
  code: string;
  view: ImportView;
  onStartOver: () => void;
}) {
  const t = useT();
  const job = view.import;
  const refreshInnovations = useInvalidateInnovations(code);
  const finished = job.status === 'done';
  useEffect(() => {
    if (finished) refreshInnovations();
  }, [finished, refreshInnovations]);

  const startOver = (
    <Button variant="default" onClick={onStartOver} style={{ alignSelf: 'flex-start' }}>
      {t('imports.startOver')}
    </Button>
  );
  if (job.status === 'queued' || job.status === 'running') {
    return (
      <Paper withBorder p="md" data-testid="import-running">
        <Stack gap="xs">
          <Progress
            value={job.progress}
            animated
            size="lg"
            aria-label={t('imports.runningLabel', { progress: job.progress })}
          />
          <Text size="sm" aria-live="polite">
            {job.stage ?? t('imports.running', { progress: job.progress })}
          </Text>
        </Stack>
      </Paper>
    );
  }
  if (job.status === 'previewing') {
    return (
      <Paper withBorder p="md" data-testid="import-previewing">
        <Stack gap="xs">
          <Progress
            value={job.progress}
            animated
            size="lg"
            aria-label={t('imports.previewingLabel', { progress: job.progress })}
          />
          <Text size="sm" aria-live="polite">
            {job.stage ?? t('imports.previewing', { progress: job.progress })}
          </Text>
        </Stack>
      </Paper>
    );
  }
  // The jobs worker could not preview the file: the import is back where it was, with the reason.
  const refused = job.error ? (
    <Alert color="red" role="alert" data-testid="import-preview-refused">
      <Text size="sm">{t('imports.previewRefused', { message: job.error.message })}</Text>
    </Alert>
  ) : null;
  if (job.status === 'failed') {
    return (
      <Stack gap="sm">
        <Alert color="red" role="alert">
          <Text size="sm">
            {t('imports.failed', { message: job.error?.message ?? t('app.error.unexpected') })}
          </Text>
        </Alert>
        {startOver}
      </Stack>
    );
  }
  if (job.status === 'done') {
    return (
      <Stack gap="sm">
        <ImportReport job={job} rows={view.report ?? []} />
        <Group gap="sm">
          <Button component={Link} to="/inovasi">
            {t('imports.openInnovations')}
          </Button>
          {startOver}
        </Group>
      </Stack>
    );
  }
  if (job.status === 'previewed' && job.summary) {
    return (
      <Stack gap="sm">
        {refused}
        <ImportPreview code={code} job={job} rows={view.rows ?? []} startOver={startOver} />
      </Stack>
    );
  }
  // Uploaded but not previewed (the file was refused, or the request was lost): start again.
  return (
    <Stack gap="sm">
      {refused}
      {startOver}
    </Stack>
  );
}

function ImportPreview({
  code,
  job,
  rows,
  startOver,
}: {
  code: string;
  job: ImportJob;
  rows: ImportPreviewRow[];
  startOver: ReactNode;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const confirm = useConfirmImport(code);
  const summary = job.summary;
  if (!summary) return null;
  const skipInvalidRows = summary.invalid > 0;

  return (
    <SectionPanel id="impor-pratinjau" title={t('imports.preview.title', { file: job.fileName })}>
      <Text size="sm" fw={500} data-testid="import-summary">
        {t('imports.summary', {
          rows: summary.rows,
          valid: summary.valid,
          invalid: summary.invalid,
          alreadyImported: summary.alreadyImported,
          duplicates: summary.duplicates,
        })}
      </Text>
      {summary.newOpds.length > 0 && (
        <Text size="sm">{t('imports.newOpds', { names: summary.newOpds.join(', ') })}</Text>
      )}
      {summary.ignoredColumns.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('imports.ignoredColumns', { columns: summary.ignoredColumns.join(', ') })}
        </Text>
      )}
      {rows.length === 0 ? (
        <Text size="sm">{t('imports.rowsEmpty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="import-preview">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('imports.col.row')}</Table.Th>
                <Table.Th scope="col">{t('imports.col.name')}</Table.Th>
                <Table.Th scope="col">{t('imports.col.opd')}</Table.Th>
                <Table.Th scope="col">{t('imports.col.status')}</Table.Th>
                <Table.Th scope="col">{t('imports.col.notes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.rowNumber} data-testid="import-row" data-status={row.status}>
                  <Table.Td>{row.rowNumber}</Table.Td>
                  <Table.Td>{row.name ?? t('app.none')}</Table.Td>
                  <Table.Td>{row.opdName ?? t('app.none')}</Table.Td>
                  <Table.Td miw={140}>
                    <Badge color={ROW_COLOR[row.status]} variant="light">
                      {t(`imports.rowStatus.${row.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <RowIssues row={row} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {summary.valid === 0 ? (
        <Alert color="orange" p="xs">
          <Text size="sm">{t('imports.nothingToImport')}</Text>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {t('imports.draftNote')}
        </Text>
      )}
      <Group gap="sm">
        {summary.valid > 0 && (
          <Button loading={confirm.isPending} onClick={() => confirm.mutate({ job, skipInvalidRows })}>
            {skipInvalidRows
              ? t('imports.confirmSkipping', { count: summary.valid, invalid: summary.invalid })
              : t('imports.confirm', { count: summary.valid })}
          </Button>
        )}
        {startOver}
      </Group>
      {confirm.isError && (
        <Alert color="red" role="alert" p="xs">
          <Text size="sm">{errorMessage(confirm.error)}</Text>
        </Alert>
      )}
    </SectionPanel>
  );
}

function RowIssues({ row }: { row: ImportPreviewRow }) {
  const t = useT();
  if (row.errors.length === 0 && row.warnings.length === 0) return t('app.none');
  return (
    <List size="sm" spacing={2}>
      {row.errors.map((issue) => (
        <List.Item key={`e-${issue.column}-${issue.code}`}>
          <Text span size="sm" c="red.9" data-testid="import-error">
            {issue.column}: {issue.message}
          </Text>
        </List.Item>
      ))}
      {row.warnings.map((issue) => (
        <List.Item key={`w-${issue.column}-${issue.code}`}>
          <Text span size="sm">
            {t('imports.warningPrefix')} — {issue.column}: {issue.message}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

function ImportReport({ job, rows }: { job: ImportJob; rows: ImportReportRow[] }) {
  const t = useT();
  const report = job.report;
  return (
    <SectionPanel id="impor-laporan" title={t('imports.report.title')} testId="import-report">
      {report && (
        <Text size="sm" fw={500} data-testid="import-report-summary">
          {t('imports.report.summary', {
            created: report.created,
            skipped: report.alreadyImported + report.duplicates,
            invalid: report.invalid,
            failed: report.failed,
          })}
        </Text>
      )}
      {report && report.opdsCreated.length > 0 && (
        <Text size="sm">{t('imports.report.opdsCreated', { names: report.opdsCreated.join(', ') })}</Text>
      )}
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('imports.col.row')}</Table.Th>
              <Table.Th scope="col">{t('imports.col.name')}</Table.Th>
              <Table.Th scope="col">{t('imports.col.status')}</Table.Th>
              <Table.Th scope="col">{t('imports.col.notes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.rowNumber} data-testid="import-report-row" data-outcome={row.outcome}>
                <Table.Td>{row.rowNumber}</Table.Td>
                <Table.Td>
                  {row.outcome === 'created' && row.innovationId ? (
                    <Anchor component={Link} to={`/inovasi/${row.innovationId}`}>
                      {row.name ?? t('imports.openInnovation')}
                    </Anchor>
                  ) : (
                    (row.name ?? t('app.none'))
                  )}
                </Table.Td>
                <Table.Td miw={160}>
                  <Badge color={OUTCOME_COLOR[row.outcome]} variant="light">
                    {t(`imports.outcome.${row.outcome}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{row.message ?? t('app.none')}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </SectionPanel>
  );
}
