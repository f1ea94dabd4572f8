import '../../i18n/id-oversight.ts';
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import type { Predicate } from '../../api/model.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { type BandStart, bandReferenceLines } from './bandLines.ts';

export type { BandStart };

export interface IndexBar {
  name: string;
  claimed: number;
  verified: number;
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
        referenceLines={bandReferenceLines(bands, BAND_LINE_COLOR)}
        series={[
          { name: 'claimed', label: t('oversight.claimed'), color: 'blue.4' },
          { name: 'verified', label: t('oversight.verified'), color: 'teal.8' },
        ]}
      />
    </div>
  );
}
