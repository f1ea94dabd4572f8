import '../../i18n/id-oversight.ts';
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import type { Predicate } from '../../api/model.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

export interface DistributionBar {
  predicate: Predicate;
  claimed: number;
  verified: number;
}

/**
 * How many regions sit in each predicate, claimed beside verified. Its own chunk like every chart;
 * the counts are also in the table beside it, so the picture is hidden from screen readers.
 */
export default function DistributionChart({ data }: { data: DistributionBar[] }) {
  const t = useT();
  return (
    <div aria-hidden="true" data-testid="distribution-chart">
      <BarChart
        h={260}
        data={data}
        dataKey="predicate"
        accessibilityLayer={false}
        withTooltip={false}
        withBarValueLabel
        yAxisProps={{ allowDecimals: false }}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        series={[
          { name: 'claimed', label: t('oversight.claimed'), color: 'blue.4' },
          { name: 'verified', label: t('oversight.verified'), color: 'teal.8' },
        ]}
      />
    </div>
  );
}
