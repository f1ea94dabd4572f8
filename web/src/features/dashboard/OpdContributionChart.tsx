import '../../i18n/id-dashboard.ts';
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';

export interface OpdBar {
  opd: string;
  claimed: number;
  verified: number;
}

/**
 * Index points each OPD contributes, claimed beside verified. Loaded on its own (recharts is the
 * largest dependency of the app), after the numbers on the dashboard are already readable; the same
 * figures are in the table below it for screen readers and for anyone who prefers numbers.
 */
export default function OpdContributionChart({ data }: { data: OpdBar[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <div aria-hidden="true" data-testid="opd-chart">
      <BarChart
        h={Math.max(220, data.length * 56)}
        data={data}
        dataKey="opd"
        orientation="vertical"
        // The chart is a picture of the table below; it must not take keyboard focus while hidden.
        accessibilityLayer={false}
        withTooltip={false}
        withBarValueLabel
        yAxisProps={{ width: 150 }}
        valueFormatter={(value) => format.decimal(value)}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        series={[
          { name: 'claimed', label: t('dashboard.claimed'), color: 'blue.4' },
          { name: 'verified', label: t('dashboard.verified'), color: 'teal.8' },
        ]}
      />
    </div>
  );
}
