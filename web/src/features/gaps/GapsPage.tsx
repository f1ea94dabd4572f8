import '../../i18n/id-gaps.ts';
import {
  Anchor,
  Box,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type CSSProperties, useState } from 'react';
import { Link } from 'react-router';
import type { GapAnalysis, GapState } from '../../api/model.ts';
import { currentYear, useGaps } from '../../api/queries.ts';
import { useTenantCode } from '../../auth/MeContext.tsx';
import { ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { SectionPanel } from '../../components/SectionPanel.tsx';
import { useAddressParams } from '../../components/useAddressParams.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/id.ts';
import { usePageTitle } from '../../shell/usePageTitle.ts';

const STATES: readonly GapState[] = ['empty', 'no_evidence', 'waiting', 'returned', 'accepted'];

/**
 * Light fills with dark text keep every symbol above 4.5:1 contrast; the symbol and the hatching of
 * returned and empty cells carry the state for readers who cannot tell the colours apart.
 */
const CELL_STYLE: Record<GapState, CSSProperties> = {
  empty: {
    background: 'repeating-linear-gradient(45deg, #f1f3f5, #f1f3f5 4px, #dee2e6 4px, #dee2e6 6px)',
  },
  no_evidence: { background: '#ffd8a8' },
  waiting: { background: '#fff3bf' },
  returned: {
    background: 'repeating-linear-gradient(135deg, #ffc9c9, #ffc9c9 4px, #ffa8a8 4px, #ffa8a8 6px)',
  },
  accepted: { background: '#b2f2bb' },
};

const cellStyle = (state: GapState): CSSProperties => ({
  ...CELL_STYLE[state],
  color: '#212529',
  textAlign: 'center',
  fontWeight: 600,
  fontSize: 'var(--mantine-font-size-xs)',
  minWidth: 28,
  padding: '2px 4px',
});

const stateKey = (state: GapState) => `gaps.state.${state}` as MessageKey;
const symbolKey = (state: GapState) => `gaps.symbol.${state}` as MessageKey;

/**
 * Gap analysis (issue 18): a heat map of the period's indicators × innovations grouped by OPD, so
 * Bappeda can answer "x% of indicators not filled" before the ministry says it.
 */
export default function GapsPage() {
  const t = useT();
  const code = useTenantCode();
  const { params } = useAddressParams();
  const year = Number(params.get('tahun')) || currentYear();
  usePageTitle(t('gaps.title'));
  const gaps = useGaps(code, year);
  return (
    <Stack gap="md">
      <Title order={1}>{t('gaps.title')}</Title>
      <Text>{t('gaps.intro')}</Text>
      {gaps.isPending ? (
        <LoadingState />
      ) : gaps.isError ? (
        <ErrorState error={gaps.error} onRetry={() => gaps.refetch()} />
      ) : (
        <Gaps gaps={gaps.data} />
      )}
    </Stack>
  );
}

function Gaps({ gaps }: { gaps: GapAnalysis }) {
  const t = useT();
  const format = useFormat();
  const { region } = gaps;
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('gaps.year', { year: String(gaps.year), rubric: gaps.rubricId })}
      </Text>
      <Paper withBorder p="md" data-testid="gaps-headline">
        <Text fz="xl" fw={700}>
          {t('gaps.headline', { percent: format.decimal(region.emptyPercent) })}
        </Text>
        <Text size="sm">
          {t('gaps.headlineDetail', {
            empty: format.number(region.empty),
            total: format.number(region.total),
            noEvidence: format.decimal(region.noEvidencePercent),
          })}
        </Text>
      </Paper>
      <Legend />
      {gaps.innovations.length === 0 ? (
        <Text>{t('gaps.empty')}</Text>
      ) : (
        <>
          <MapView gaps={gaps} />
          <OpdTable gaps={gaps} />
        </>
      )}
    </>
  );
}

function Legend() {
  const t = useT();
  return (
    <SectionPanel id="gaps-legend" title={t('gaps.legend')} testId="gaps-legend">
      <Group gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {STATES.map((state) => (
          <Group key={state} gap={6} component="li">
            <Box component="span" style={cellStyle(state)} aria-hidden>
              {t(symbolKey(state))}
            </Box>
            <Text size="sm" component="span">
              {t(stateKey(state))}
            </Text>
          </Group>
        ))}
        <Text size="sm" component="li">
          {t('gaps.mandatoryNote')}
        </Text>
      </Group>
    </SectionPanel>
  );
}

/** The worst state present decides an OPD cell's fill: what Bappeda must chase first. */
const SEVERITY: readonly GapState[] = ['empty', 'returned', 'no_evidence', 'waiting', 'accepted'];
type GapCounts = GapAnalysis['region'];

function MapView({ gaps }: { gaps: GapAnalysis }) {
  const t = useT();
  const [view, setView] = useState<'innovations' | 'opds'>('innovations');
  return (
    <SectionPanel id="gaps-map" title={t('gaps.map')}>
      <SegmentedControl
        value={view}
        onChange={(value) => setView(value as 'innovations' | 'opds')}
        aria-label={t('gaps.view')}
        data={[
          { value: 'innovations', label: t('gaps.view.innovations') },
          { value: 'opds', label: t('gaps.view.opds') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {view === 'innovations' ? <HeatMap gaps={gaps} /> : <OpdHeatMap gaps={gaps} />}
    </SectionPanel>
  );
}

function IndicatorHeaders({ gaps }: { gaps: GapAnalysis }) {
  const t = useT();
  return gaps.indicators.map((indicator) => (
    <Table.Th key={indicator.code} scope="col" style={{ textAlign: 'center', padding: '2px 4px' }}>
      <abbr title={indicator.name}>{indicator.code.replace(/^sid\./, '')}</abbr>
      {indicator.mandatory && <VisuallyHidden>{` (${t('gaps.mandatory')})`}</VisuallyHidden>}
      {indicator.mandatory && <span aria-hidden>*</span>}
      <VisuallyHidden>{` ${indicator.name}`}</VisuallyHidden>
    </Table.Th>
  ));
}

/** OPD × indicator: each cell counts its innovations' states, e.g. "K2 D1", filled by the worst one. */
function OpdHeatMap({ gaps }: { gaps: GapAnalysis }) {
  const t = useT();
  const format = useFormat();
  const present = (counts: GapCounts) => SEVERITY.filter((state) => counts[state] > 0);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table withTableBorder withColumnBorders data-testid="gaps-opd-table" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('gaps.col.opd')}</Table.Th>
            <Table.Th scope="col">{t('gaps.col.emptyPercent')}</Table.Th>
            <IndicatorHeaders gaps={gaps} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {gaps.opds.map((opd) => (
            <Table.Tr key={opd.opdId}>
              <Table.Th scope="row" fw={500}>
                {/* Its innovations, to act on; also what lets a keyboard reach the scrolling map. */}
                <Anchor component={Link} to={`/inovasi?opd=${encodeURIComponent(opd.opdId)}`} size="sm">
                  {opd.name}
                </Anchor>
              </Table.Th>
              <Table.Td>{format.decimal(opd.counts.emptyPercent)}%</Table.Td>
              {opd.cells.map((counts, index) => {
                const states = present(counts);
                const worst = states[0] ?? 'accepted';
                const shown = states.filter((state) => state !== 'accepted');
                const spoken = states.map((state) => `${t(stateKey(state))} ${counts[state]}`).join(', ');
                return (
                  <Table.Td
                    key={gaps.indicators[index]?.code ?? index}
                    style={{ ...cellStyle(worst), whiteSpace: 'nowrap' }}
                    data-state={worst}
                    title={t('gaps.cell', { indicator: gaps.indicators[index]?.name ?? '', state: spoken })}
                  >
                    <span aria-hidden>
                      {shown.length === 0
                        ? t(symbolKey('accepted'))
                        : shown.map((state) => `${t(symbolKey(state))}${counts[state]}`).join(' ')}
                    </span>
                    <VisuallyHidden>{spoken}</VisuallyHidden>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function HeatMap({ gaps }: { gaps: GapAnalysis }) {
  const t = useT();
  const format = useFormat();
  // Rows grouped by OPD in the order the analysis ranks the OPDs (most left to fill first).
  const groups = gaps.opds.map((opd) => ({
    opd,
    rows: gaps.innovations.filter((innovation) => innovation.opdId === opd.opdId),
  }));
  const columns = 3 + gaps.indicators.length;
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder withColumnBorders data-testid="gaps-table" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('gaps.col.innovation')}</Table.Th>
              <Table.Th scope="col">{t('gaps.col.ours')}</Table.Th>
              <Table.Th scope="col">{t('gaps.col.national')}</Table.Th>
              <IndicatorHeaders gaps={gaps} />
            </Table.Tr>
          </Table.Thead>
          {groups.map(({ opd, rows }) => (
            <Table.Tbody key={opd.opdId}>
              <Table.Tr>
                <Table.Th scope="colgroup" colSpan={columns} bg="var(--mantine-color-gray-1)">
                  {t('gaps.opdRow', {
                    name: opd.name,
                    percent: format.decimal(opd.counts.emptyPercent),
                  })}
                </Table.Th>
              </Table.Tr>
              {rows.map((innovation) => (
                <Table.Tr key={innovation.id} data-testid={`gaps-row-${innovation.id}`}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/inovasi/${innovation.id}`} size="sm">
                      {innovation.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    {format.decimal(innovation.kematangan.claimed)} /{' '}
                    {format.decimal(innovation.kematangan.verified)}
                  </Table.Td>
                  <Table.Td data-testid="gaps-national">
                    {innovation.nationalKematangan !== undefined ? (
                      format.decimal(innovation.nationalKematangan)
                    ) : (
                      <Text span size="sm" c="dimmed">
                        {t('gaps.nationalNone')}
                      </Text>
                    )}
                  </Table.Td>
                  {innovation.cells.map((state, index) => {
                    const indicator = gaps.indicators[index];
                    return (
                      <Table.Td
                        key={indicator?.code ?? index}
                        style={cellStyle(state)}
                        data-state={state}
                        title={t('gaps.cell', {
                          indicator: indicator?.name ?? '',
                          state: t(stateKey(state)),
                        })}
                      >
                        <span aria-hidden>{t(symbolKey(state))}</span>
                        <VisuallyHidden>{t(stateKey(state))}</VisuallyHidden>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          ))}
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={3}>
                {t('gaps.totalEmpty')}
              </Table.Th>
              {gaps.indicators.map((indicator) => (
                <Table.Td key={indicator.code} style={{ textAlign: 'center', padding: '2px 4px' }}>
                  {format.number(indicator.counts.empty)}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {t('gaps.nationalNote')}
      </Text>
    </>
  );
}

function OpdTable({ gaps }: { gaps: GapAnalysis }) {
  const t = useT();
  const format = useFormat();
  return (
    <SectionPanel id="gaps-opd" title={t('gaps.byOpd')} testId="gaps-opds">
      <Table.ScrollContainer minWidth={500}>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('gaps.col.opd')}</Table.Th>
              <Table.Th scope="col">{t('gaps.col.innovations')}</Table.Th>
              <Table.Th scope="col">{t('gaps.col.emptyPercent')}</Table.Th>
              <Table.Th scope="col">{t('gaps.col.noEvidencePercent')}</Table.Th>
              <Table.Th scope="col">{t('gaps.col.returned')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {gaps.opds.map((opd) => (
              <Table.Tr key={opd.opdId}>
                <Table.Th scope="row" fw={500}>
                  {opd.name}
                </Table.Th>
                <Table.Td>{format.number(opd.innovations)}</Table.Td>
                <Table.Td>{format.decimal(opd.counts.emptyPercent)}%</Table.Td>
                <Table.Td>{format.decimal(opd.counts.noEvidencePercent)}%</Table.Td>
                <Table.Td>{format.number(opd.counts.returned)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </SectionPanel>
  );
}
