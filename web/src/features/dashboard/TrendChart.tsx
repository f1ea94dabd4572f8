import '../../i18n/id-oversight.ts';
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { type BandStart, bandReferenceLines } from '../oversight/bandLines.ts';
import { PREDICATE_COLOR } from './IndexGauge.tsx';

export interface TrendPoint {
  date: string;
  claimed: number;
  verified: number;
}

/**
 * The season so far: the index, claimed and verified, on each day the summary changed, with the
 * year's predicate bands as lines. Its own chunk; the panel states the first and latest figures
 * in text, so the picture is hidden from screen readers.
 */
export default function TrendChart({ points, bands }: { points: TrendPoint[]; bands: BandStart[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <div aria-hidden="true" data-testid="trend-chart">
      <LineChart
        h={260}
        data={points.map((point) => ({ ...point, day: format.date(point.date) }))}
        dataKey="day"
        accessibilityLayer={false}
        withTooltip={false}
        // A season starts with one point, which is only a dot.
        withDots
        dotProps={{ r: 4 }}
        yAxisProps={{ domain: [0, 100] }}
        valueFormatter={(value) => format.decimal(value)}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        referenceLines={bandReferenceLines(bands, PREDICATE_COLOR)}
        series={[
          { name: 'claimed', label: t('oversight.claimed'), color: 'blue.4', strokeDasharray: '6 3' },
          { name: 'verified', label: t('oversight.verified'), color: 'teal.8' },
        ]}
      />
    </div>
  );
}
