import '../../i18n/id-gaps.ts';
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { SectionPanel } from '../../components/SectionPanel.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';

/** The dashboard's way in (the heat map has no menu entry of its own: it reads the same period). */
export function GapsEntry({ year }: { year: number }) {
  const t = useT();
  return (
    <SectionPanel id="kesenjangan-judul" title={t('gaps.dashboardTitle')} testId="gaps-entry">
      <Text size="sm">{t('gaps.dashboardIntro')}</Text>
      <Anchor component={Link} to={`/kesenjangan?tahun=${year}`}>
        {t('gaps.open')}
      </Anchor>
    </SectionPanel>
  );
}
