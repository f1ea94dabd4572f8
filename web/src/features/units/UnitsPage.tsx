import '../../i18n/id-units.ts';
import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useOpds } from '../../api/queries.ts';
import { useTenantCode } from '../../auth/MeContext.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import {
  UNDER_KECAMATAN,
  UNIT_KINDS,
  type Unit,
  type UnitKind,
  useUnitMutations,
  useUnits,
} from './useUnits.ts';

/** The admin's list of units below the OPDs (ADR 0036): add one, archive one, or import a list. */
export default function UnitsPage() {
  const t = useT();
  const code = useTenantCode();
  const units = useUnits(code);
  const opds = useOpds(code);
  const mutations = useUnitMutations(code);
  const errorMessage = useErrorMessage();
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle(t('units.title'));
  const opdName = new Map((opds.data ?? []).map((opd) => [opd.id, opd.name]));
  const live = (units.data ?? []).filter((unit) => !unit.archived);
  const unitName = new Map(live.map((unit) => [unit.id, unit.name]));
  const sorted = [...live].sort(
    (a, b) =>
      (opdName.get(a.opdId) ?? '').localeCompare(opdName.get(b.opdId) ?? '', 'id') ||
      a.name.localeCompare(b.name, 'id'),
  );

  return (
    <Stack gap="md" maw={1040}>
      <Title order={1}>{t('units.title')}</Title>
      <Text size="sm">{t('units.intro')}</Text>
      {notice && (
        <Alert color="teal" role="status">
          {notice}
        </Alert>
      )}
      {mutations.archive.isError && (
        <Alert color="red" role="alert">
          {errorMessage(mutations.archive.error)}
        </Alert>
      )}
      <CreateUnitForm code={code} units={live} onDone={() => setNotice(t('units.created'))} />
      <ImportUnitsForm code={code} onDone={setNotice} />
      {units.isPending || opds.isPending ? (
        <LoadingState />
      ) : units.isError ? (
        <ErrorState error={units.error} onRetry={() => units.refetch()} />
      ) : sorted.length === 0 ? (
        <EmptyMessage message={t('units.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="sm" data-testid="units-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('units.col.name')}</Table.Th>
                <Table.Th>{t('units.col.kind')}</Table.Th>
                <Table.Th>{t('units.col.opd')}</Table.Th>
                <Table.Th>{t('units.col.parent')}</Table.Th>
                <Table.Th>{t('units.col.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((unit) => (
                <Table.Tr key={unit.id} data-testid="unit-row">
                  <Table.Td>{unit.name}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray">
                      {t(`unitKind.${unit.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{opdName.get(unit.opdId) ?? unit.opdId}</Table.Td>
                  <Table.Td>{unit.parentUnitId ? unitName.get(unit.parentUnitId) : ''}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('units.archiveFor', { name: unit.name })}
                      loading={mutations.archive.isPending && mutations.archive.variables?.id === unit.id}
                      onClick={() =>
                        mutations.archive.mutate(unit, { onSuccess: () => setNotice(t('units.archived')) })
                      }
                    >
                      {t('units.archive')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function CreateUnitForm({ code, units, onDone }: { code: string; units: Unit[]; onDone: () => void }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const opds = useOpds(code);
  const { create } = useUnitMutations(code);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<UnitKind>('puskesmas');
  const [opdId, setOpdId] = useState('');
  const [parentUnitId, setParentUnitId] = useState('');
  const underKecamatan = UNDER_KECAMATAN.includes(kind);
  const kecamatan = units.filter((unit) => unit.kind === 'kecamatan');
  const parent = kecamatan.find((unit) => unit.id === parentUnitId);

  function submit(event: FormEvent) {
    event.preventDefault();
    const owner = underKecamatan ? parent?.opdId : opdId;
    if (!owner || name.trim().length < 2) return;
    create.mutate(
      {
        name: name.trim(),
        kind,
        opdId: owner,
        ...(underKecamatan && parent ? { parentUnitId: parent.id } : {}),
      },
      {
        onSuccess: () => {
          setName('');
          onDone();
        },
      },
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="unit-baru">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="unit-baru">
            {t('units.new')}
          </Title>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              label={t('units.name')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              required
              w={280}
            />
            <NativeSelect
              label={t('units.kind')}
              value={kind}
              onChange={(event) => setKind(event.currentTarget.value as UnitKind)}
              data={UNIT_KINDS.map((value) => ({ value, label: t(`unitKind.${value as UnitKind}`) }))}
            />
            {underKecamatan ? (
              <NativeSelect
                label={t('units.parent')}
                value={parentUnitId}
                onChange={(event) => setParentUnitId(event.currentTarget.value)}
                data={[
                  { value: '', label: t('units.parentNone') },
                  ...kecamatan.map((unit) => ({ value: unit.id, label: unit.name })),
                ]}
              />
            ) : (
              <NativeSelect
                label={t('units.opd')}
                value={opdId}
                onChange={(event) => setOpdId(event.currentTarget.value)}
                data={[
                  { value: '', label: t('units.opdNone') },
                  ...(opds.data ?? [])
                    .filter((opd) => !opd.archived)
                    .map((opd) => ({ value: opd.id, label: opd.name })),
                ]}
              />
            )}
            <Button type="submit" loading={create.isPending}>
              {t('units.create')}
            </Button>
          </Group>
          {create.isError && (
            <Alert color="red" role="alert" p="xs">
              {errorMessage(create.error)}
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

const MAX_LIST_BYTES = 180 * 1024;

function ImportUnitsForm({ code, onDone }: { code: string; onDone: (message: string) => void }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { importList } = useUnitMutations(code);
  const [file, setFile] = useState<File | null>(null);
  const tooLarge = file !== null && file.size > MAX_LIST_BYTES;
  const checked = importList.data && importList.variables?.dryRun ? importList.data : undefined;
  const fresh = checked?.rows.filter((row) => row.status === 'new').length ?? 0;
  const invalid = checked?.rows.filter((row) => row.status === 'invalid') ?? [];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="unit-impor">
      <Stack gap="sm">
        <Title order={2} size="h4" id="unit-impor">
          {t('units.import.heading')}
        </Title>
        <Text size="sm">{t('units.import.intro')}</Text>
        <Group gap="sm" align="flex-end">
          <FileInput
            label={t('units.import.file')}
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(next) => {
              importList.reset();
              setFile(next);
            }}
            error={tooLarge ? t('units.import.tooLarge') : undefined}
            clearable
            w={320}
            data-testid="unit-import-file"
          />
          <Button
            variant="default"
            disabled={!file || tooLarge}
            loading={importList.isPending && importList.variables?.dryRun}
            onClick={() => file && importList.mutate({ file, dryRun: true })}
          >
            {t('units.import.check')}
          </Button>
        </Group>
        {importList.isError && (
          <Alert color="red" role="alert" p="xs">
            {errorMessage(importList.error)}
          </Alert>
        )}
        {checked && (
          <Stack gap="xs" data-testid="unit-import-check">
            <Text size="sm" role="status">
              {t('units.import.summary', { fresh, existing: checked.existing, invalid: invalid.length })}
            </Text>
            {invalid.length > 0 && (
              <List size="sm">
                {invalid.map((row) => (
                  <List.Item key={row.row}>
                    {t('units.import.row', { row: row.row })}: {row.errors.join(' ')}
                  </List.Item>
                ))}
              </List>
            )}
            {invalid.length === 0 && fresh > 0 && file && (
              <Button
                w="fit-content"
                loading={importList.isPending}
                onClick={() =>
                  importList.mutate(
                    { file, dryRun: false },
                    {
                      onSuccess: (result) => {
                        setFile(null);
                        onDone(
                          t('units.import.done', { created: result.created, existing: result.existing }),
                        );
                      },
                    },
                  )
                }
              >
                {t('units.import.run', { count: fresh })}
              </Button>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
