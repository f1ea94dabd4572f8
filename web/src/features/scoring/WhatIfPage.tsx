import '../../i18n/id-polish.ts';
import '../../i18n/id-field.ts';
import '../../i18n/id-whatif.ts';
// Pure: the same derivation of a quantitative SPD row from its raw figures as the server's projection.
import { deriveSpdLevel, URUSAN } from '@inovasi/core/browser';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type {
  Innovation,
  PortfolioChoice,
  Rubric,
  SimulatedInnovation,
  SimulateInput,
  SimulateResult,
  SpdAnswers,
} from '../../api/model.ts';
import {
  currentYear,
  usePeriodInnovations,
  usePortfolio,
  useSpdAnswers,
  useYearRubric,
} from '../../api/queries.ts';
import { useTenantCode } from '../../auth/MeContext.tsx';
import { ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { SectionPanel } from '../../components/SectionPanel.tsx';
import { TermHint } from '../../components/TermHint.tsx';
import { useAddressParams } from '../../components/useAddressParams.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { PREDICATE_THEME_COLOR } from '../dashboard/IndexGauge.tsx';
import { KEMANFAATAN_CODE } from './kematangan.ts';

type Level = 0 | 1 | 2 | 3;
type UrusanCode = SimulatedInnovation['urusan'][number];
const LEVELS: readonly Level[] = [0, 1, 2, 3];
const URUSAN_NAMES = new Map(URUSAN.map((urusan) => [urusan.code as string, urusan.name]));

/** One innovation of the simulation: a stored one as it stands, or a hypothetical one added here. */
interface Row {
  readonly key: string;
  readonly name: string;
  readonly urusan: readonly UrusanCode[];
  readonly status: SimulatedInnovation['status'];
  readonly include: boolean;
  readonly levels: Readonly<Record<string, Level>>;
  readonly sid33Basis?: SimulatedInnovation['sid33Basis'];
  readonly hypothetical: boolean;
  /** Whether the portfolio choice sends it (or it is already sent). */
  readonly chosen: boolean;
  readonly eligible: boolean;
}

/**
 * What-if over the simulate endpoint (issue 18): the period's innovations as they stand, which the
 * user may drop, add to or re-level, with the index and predicate recomputed on every change.
 */
export default function WhatIfPage() {
  const t = useT();
  const code = useTenantCode();
  const { params } = useAddressParams();
  const year = Number(params.get('tahun')) || currentYear();
  usePageTitle(t('whatif.title'));
  const rubric = useYearRubric(code, year);
  const spd = useSpdAnswers(code, year);
  const innovations = usePeriodInnovations(code, year);
  // The simulation uses claimed levels, so the choice it can apply is the claimed one.
  const portfolio = usePortfolio(code, year, 'claimed');
  const failed = [rubric, spd, innovations, portfolio].find((query) => query.isError);
  return (
    <Stack gap="md">
      <Title order={1}>{t('whatif.title')}</Title>
      <Text>{t('whatif.intro')}</Text>
      <Text size="sm" c="dimmed">
        {t('whatif.year')}: {year}
      </Text>
      {failed ? (
        <ErrorState error={failed.error} onRetry={() => failed.refetch()} />
      ) : rubric.data && spd.data && innovations.data && portfolio.data ? (
        <WhatIf
          rubric={rubric.data}
          spd={spd.data}
          innovations={innovations.data}
          portfolio={portfolio.data}
        />
      ) : (
        <LoadingState />
      )}
    </Stack>
  );
}

function initialRows(rubric: Rubric, innovations: readonly Innovation[], portfolio: PortfolioChoice): Row[] {
  const roles = new Map(portfolio.entries.map((entry) => [entry.id, entry.role]));
  return innovations.map((innovation) => {
    const basis = innovation.answers[KEMANFAATAN_CODE]?.basis;
    const levels: Record<string, Level> = {};
    for (const indicator of rubric.sidIndicators) {
      const level = (innovation.answers[indicator.code]?.level ?? 0) as Level;
      // A kemanfaatan level counts only on its basis; without one the server scores it 0 anyway.
      levels[indicator.code] = indicator.code === KEMANFAATAN_CODE && !basis ? 0 : level;
    }
    const role = roles.get(innovation.id);
    const { urusanMain, urusanOthers = [] } = innovation.profile;
    return {
      key: innovation.id,
      name: innovation.profile.name,
      urusan: (urusanMain ? [urusanMain, ...urusanOthers] : [...urusanOthers]) as UrusanCode[],
      status: innovation.status === 'rejected' ? 'rejected' : 'sent',
      // Ineligible drafts are outside n until fixed (decision 6): they start dropped.
      include: role !== 'ineligible',
      levels,
      sid33Basis: basis,
      hypothetical: false,
      chosen: role === 'send' || role === 'locked',
      eligible: role !== 'ineligible',
    };
  });
}

function simulateInput(rubric: Rubric, spd: SpdAnswers, rows: readonly Row[]): SimulateInput {
  const spdLevels: Record<string, number> = {};
  for (const row of rubric.spdRows) {
    const answer = spd.answers[row.code];
    spdLevels[row.code] =
      row.derivation && answer?.figures ? deriveSpdLevel(row, answer.figures).level : (answer?.level ?? 0);
  }
  return {
    rubric: rubric.id,
    spd: spdLevels,
    innovations: rows
      .filter((row) => row.include)
      .map((row) => ({
        status: row.status,
        urusan: [...row.urusan],
        levels: { ...row.levels },
        ...(row.sid33Basis ? { sid33Basis: row.sid33Basis } : {}),
      })),
  };
}

function useSimulation(input: SimulateInput) {
  return useQuery({
    queryKey: ['scoring', 'simulate', input],
    queryFn: () => unwrap(api.POST('/scoring/simulate', { body: input })),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function WhatIf({
  rubric,
  spd,
  innovations,
  portfolio,
}: {
  rubric: Rubric;
  spd: SpdAnswers;
  innovations: readonly Innovation[];
  portfolio: PortfolioChoice;
}) {
  const t = useT();
  const [start] = useState(() => initialRows(rubric, innovations, portfolio));
  const [rows, setRows] = useState<Row[]>(start);
  const [editing, setEditing] = useState<string | null>(null);
  const [added, setAdded] = useState(0);
  const baseline = useSimulation(simulateInput(rubric, spd, start));
  const current = useSimulation(simulateInput(rubric, spd, rows));

  const update = (key: string, change: (row: Row) => Row) =>
    setRows((previous) => previous.map((row) => (row.key === key ? change(row) : row)));
  const maturityOf = new Map<string, number>();
  if (current.data) {
    rows
      .filter((row) => row.include)
      .forEach((row, position) => {
        maturityOf.set(row.key, current.data.maturities[position] ?? 0);
      });
  }
  const included = rows.filter((row) => row.include).length;
  const editingRow = rows.find((row) => row.key === editing);

  return (
    <>
      {current.isError ? (
        <ErrorState error={current.error} onRetry={() => current.refetch()} />
      ) : current.data && baseline.data ? (
        <ResultPanel
          result={current.data}
          start={baseline.data}
          required={rubric.formula.basicServiceUrusanRequired}
          busy={current.isFetching}
        />
      ) : (
        <LoadingState label={t('whatif.calculating')} />
      )}
      <SectionPanel id="simulasi-inovasi" title={t('whatif.innovations', { included, total: rows.length })}>
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            onClick={() =>
              setRows((previous) =>
                previous.map((row) => ({ ...row, include: row.chosen || row.hypothetical })),
              )
            }
          >
            {t('whatif.applyChoice')}
          </Button>
          <Button
            size="xs"
            variant="light"
            onClick={() => setRows((previous) => previous.map((row) => ({ ...row, include: row.eligible })))}
          >
            {t('whatif.sendAll')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => setRows(start)}>
            {t('whatif.reset')}
          </Button>
        </Group>
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing={4} data-testid="whatif-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('whatif.col.send')}</Table.Th>
                <Table.Th>{t('whatif.col.name')}</Table.Th>
                <Table.Th>{t('whatif.col.urusan')}</Table.Th>
                <Table.Th ta="right">{t('whatif.col.kematangan')}</Table.Th>
                <Table.Th>{t('whatif.col.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key} data-testid={`whatif-row-${row.key}`}>
                  <Table.Td>
                    <Checkbox
                      checked={row.include}
                      aria-label={t('whatif.include', { name: row.name })}
                      onChange={(event) => {
                        const include = event.currentTarget.checked;
                        update(row.key, (previous) => ({ ...previous, include }));
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm">{row.name}</Text>
                      {row.status === 'rejected' && (
                        <Badge size="xs" color="red" variant="light">
                          {t('whatif.rejected')}
                        </Badge>
                      )}
                      {row.hypothetical && (
                        <Badge size="xs" color="grape" variant="light">
                          {t('whatif.hypothetical')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {row.urusan.map((code) => URUSAN_NAMES.get(code) ?? code).join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{row.include ? (maturityOf.get(row.key) ?? '…') : '–'}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="light"
                        aria-label={`${t('whatif.editLevels')}: ${row.name}`}
                        onClick={() => setEditing(editing === row.key ? null : row.key)}
                      >
                        {t('whatif.editLevels')}
                      </Button>
                      {row.hypothetical && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          aria-label={`${t('whatif.remove')}: ${row.name}`}
                          onClick={() =>
                            setRows((previous) => previous.filter((other) => other.key !== row.key))
                          }
                        >
                          {t('whatif.remove')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </SectionPanel>
      {editingRow && (
        <LevelEditor
          rubric={rubric}
          row={editingRow}
          onClose={() => setEditing(null)}
          onChange={(code, level) =>
            update(editingRow.key, (row) => ({
              ...row,
              levels: { ...row.levels, [code]: level },
              // A kemanfaatan level needs a basis; the number of beneficiaries (a) is the usual one.
              sid33Basis: code === KEMANFAATAN_CODE && level > 0 ? (row.sid33Basis ?? 'a') : row.sid33Basis,
            }))
          }
        />
      )}
      <AddInnovation
        number={added + 1}
        onAdd={(name, urusan, level) => {
          setAdded(added + 1);
          setRows((previous) => [
            ...previous,
            {
              key: `rekaan-${added + 1}`,
              name,
              urusan: [urusan as UrusanCode],
              status: 'sent',
              include: true,
              levels: Object.fromEntries(rubric.sidIndicators.map((indicator) => [indicator.code, level])),
              sid33Basis: 'a',
              hypothetical: true,
              chosen: true,
              eligible: true,
            },
          ]);
        }}
      />
    </>
  );
}

function ResultPanel({
  result,
  start,
  required,
  busy,
}: {
  result: SimulateResult;
  start: SimulateResult;
  required: number;
  busy: boolean;
}) {
  const t = useT();
  const format = useFormat();
  const delta = Math.round((result.index - start.index) * 100) / 100;
  const rows: [string, ReactNode, string][] = [
    ['average', t('whatif.averageMaturity'), format.decimal(result.averageMaturity)],
    ['count', t('whatif.countScore'), format.decimal(result.innovationCountScore)],
    [
      'divisor',
      <TermHint key="divisor" term={t('whatif.divisor')} hint={t('term.divisor')} />,
      format.number(result.divisor),
    ],
    [
      'basic',
      t('whatif.basicServices'),
      t('whatif.basicServicesValue', { covered: result.basicServicesCovered.length, required }),
    ],
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="simulasi-hasil" aria-busy={busy}>
      <Stack gap="xs">
        <Title order={2} size="h4" id="simulasi-hasil">
          {t('whatif.result')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t('whatif.index')}
            </Text>
            <Group gap="xs">
              <Text size="xl" fw={700} data-testid="whatif-index">
                {format.decimal(result.index)}
              </Text>
              <Badge
                size="lg"
                variant="light"
                color={PREDICATE_THEME_COLOR[result.predicate]}
                data-testid="whatif-predicate"
              >
                {result.predicate}
              </Badge>
            </Group>
            <Text size="sm" data-testid="whatif-start">
              {t('whatif.start', { index: format.decimal(start.index), predicate: start.predicate })}
            </Text>
            <Text
              size="sm"
              fw={600}
              c={delta > 0 ? 'teal.9' : delta < 0 ? 'red.9' : undefined}
              data-testid="whatif-delta"
            >
              {t('whatif.delta', { delta: `${delta > 0 ? '+' : ''}${format.decimal(delta)}` })}
            </Text>
            {result.predicate !== start.predicate && (
              <Text size="sm" data-testid="whatif-predicate-moved">
                {t('whatif.predicateMoved', { from: start.predicate, to: result.predicate })}
              </Text>
            )}
          </Stack>
          <Table withRowBorders={false} verticalSpacing={2}>
            <Table.Tbody>
              {rows.map(([key, label, value]) => (
                <Table.Tr key={key}>
                  <Table.Th scope="row" fw={400}>
                    {label}
                  </Table.Th>
                  <Table.Td ta="right" fw={600}>
                    {value}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function LevelEditor({
  rubric,
  row,
  onClose,
  onChange,
}: {
  rubric: Rubric;
  row: Row;
  onClose: () => void;
  onChange: (code: string, level: Level) => void;
}) {
  const t = useT();
  return (
    <SectionPanel
      id="simulasi-level"
      title={t('whatif.editLevelsOf', { name: row.name })}
      testId="whatif-levels"
    >
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="xs">
        {rubric.sidIndicators.map((indicator) => (
          <NativeSelect
            key={indicator.code}
            size="xs"
            label={`${indicator.code} ${indicator.name}`}
            value={String(row.levels[indicator.code] ?? 0)}
            onChange={(event) => onChange(indicator.code, Number(event.currentTarget.value) as Level)}
            data={LEVELS.map((level) => ({ value: String(level), label: String(level) }))}
          />
        ))}
      </SimpleGrid>
      <Group>
        <Button size="xs" variant="default" onClick={onClose}>
          {t('whatif.close')}
        </Button>
      </Group>
    </SectionPanel>
  );
}

function AddInnovation({
  number,
  onAdd,
}: {
  number: number;
  onAdd: (name: string, urusan: string, level: Level) => void;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [urusan, setUrusan] = useState('kesehatan');
  const [level, setLevel] = useState<Level>(2);
  return (
    <SectionPanel id="simulasi-tambah" title={t('whatif.add')}>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('whatif.addName')}
          value={name}
          placeholder={t('whatif.newName', { number })}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <NativeSelect
          label={t('whatif.addUrusan')}
          value={urusan}
          onChange={(event) => setUrusan(event.currentTarget.value)}
          data={URUSAN.map((item) => ({ value: item.code, label: item.name }))}
        />
        <NativeSelect
          label={t('whatif.addLevel')}
          value={String(level)}
          onChange={(event) => setLevel(Number(event.currentTarget.value) as Level)}
          data={LEVELS.map((value) => ({ value: String(value), label: String(value) }))}
        />
        <Button
          onClick={() => {
            onAdd(name.trim() || t('whatif.newName', { number }), urusan, level);
            setName('');
          }}
        >
          {t('whatif.addButton')}
        </Button>
      </Group>
    </SectionPanel>
  );
}
