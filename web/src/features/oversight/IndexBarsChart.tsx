import '../../i18n/id-oversight.ts';
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import type { Predicate } from '../../api/model.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';

export interface IndexBar {
  name: string;
  claimed: number;
  verified: number;
}

/** Where each predicate band begins: drawn as lines across the bars. */
export interface BandStart {
  predicate: Predicate;
  min: number;
}

const BAND_LINE_COLOR: Record<Predicate, string> = {
  'Sangat Inovatif': 'teal.8',
  Inovatif: 'blue.7',
  'Kurang Inovatif': 'orange.8',
  'Tidak Dapat Dinilai': 'gray.6',
};

/**
 * Claimed beside verified index per region, with the predicate bands as lines. Its own chunk
 * (recharts is the largest dependency); the table next to it carries the same figures for screen
 * readers, so the picture is hidden from them.
 */
export default function IndexBarsChart({
  data,
  bands,
  testId,
}: {
  data: IndexBar[];
  bands: BandStart[];
  testId: string;
}) {
  const t = useT();
  const format = useFormat();
  return (
    <div aria-hidden="true" data-testid={testId}>
      <BarChart
        h={Math.max(240, data.length * 44 + 80)}
        data={data}
        dataKey="name"
        accessibilityLayer={false}
        withTooltip={false}
        withBarValueLabel
        yAxisProps={{ domain: [0, 100] }}
        valueFormatter={(value) => format.decimal(value)}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        referenceLines={bands
          .filter((band) => band.min > 1)
          .map((band) => ({
            y: band.min,
            label: band.predicate,
            color: BAND_LINE_COLOR[band.predicate],
            labelPosition: 'insideTopRight' as const,
            strokeDasharray: '4 4',
          }))}
        series={[
          { name: 'claimed', label: t('oversight.claimed'), color: 'blue.4' },
          { name: 'verified', label: t('oversight.verified'), color: 'teal.8' },
        ]}
      />
    </div>
  );
}
