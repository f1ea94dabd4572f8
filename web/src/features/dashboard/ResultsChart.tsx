import '../../i18n/id-oversight.ts';
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import type { Predicate } from '../../api/model.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';

export interface ResultBar {
  year: string;
  index: number;
  predicate: Predicate;
}

/**
 * Official results of past years, each bar in the colour of the predicate it earned under its own
 * year's bands (the bands changed between years). The table beside it has the same figures.
 */
const BAR_COLOR: Record<Predicate, string> = {
  'Sangat Inovatif': 'teal.8',
  Inovatif: 'blue.7',
  'Kurang Inovatif': 'orange.8',
  'Tidak Dapat Dinilai': 'gray.6',
};

export default function ResultsChart({ data }: { data: ResultBar[] }) {
  const t = useT();
  const format = useFormat();
  // Bars are coloured by value; two years with the same index under different bands are rare
  // enough that the first year's predicate colours both.
  const colorOf = new Map(data.map((bar) => [bar.index, BAR_COLOR[bar.predicate]]));
  return (
    <div aria-hidden="true" data-testid="results-chart">
      <BarChart
        h={200}
        data={data}
        getBarColor={(value) => colorOf.get(value) ?? 'teal.8'}
        dataKey="year"
        accessibilityLayer={false}
        withTooltip={false}
        withBarValueLabel
        yAxisProps={{ domain: [0, 100] }}
        valueFormatter={(value) => format.decimal(value)}
        series={[{ name: 'index', label: t('results.index'), color: 'teal.8' }]}
      />
    </div>
  );
}
