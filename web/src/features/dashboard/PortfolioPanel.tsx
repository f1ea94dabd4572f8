import '../../i18n/id-whatif.ts';
import { Alert, Anchor, Badge, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AdviceBasis, PortfolioChoice, PortfolioEntry } from '../../api/model.ts';
import { usePortfolio } from '../../api/queries.ts';
import { useFormat, useI18n, useT } from '../../i18n/I18nProvider.tsx';
import { BasisPanel } from './BasisPanel.tsx';
import { PREDICATE_THEME_COLOR } from './IndexGauge.tsx';

/**
 * Which of the period's eligible innovations to send (issue 18): the choice with the highest
 * projected index, the break-even kematangan in one sentence, and the gain over sending everything.
 */
export function PortfolioPanel({ code, year }: { code: string; year: number }) {
  const t = useT();
  const [basis, setBasis] = useState<AdviceBasis>('verified');
  const portfolio = usePortfolio(code, year, basis);
  return (
    <BasisPanel
      id="portofolio-judul"
      testId="portfolio"
      title={t('portfolio.title')}
      basisLabel={t('portfolio.basis')}
      intro={t('portfolio.intro')}
      basis={basis}
      onBasisChange={setBasis}
      query={portfolio}
    >
      {(data) => <PortfolioBody year={year} choice={data} />}
    </BasisPanel>
  );
}

function PortfolioBody({ year, choice }: { year: number; choice: PortfolioChoice }) {
  const { t, language } = useI18n();
  const format = useFormat();
  const drafts = choice.entries
    .filter((entry) => entry.role === 'send' || entry.role === 'hold')
    .sort((a, b) => b.kematangan - a.kematangan);
  const sent = drafts.filter((entry) => entry.role === 'send').length;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Figure
          label={t('portfolio.everything')}
          value={format.decimal(choice.everything.index)}
          predicate={choice.everything.predicate}
          testId="portfolio-everything"
        />
        <Figure
          label={t('portfolio.choice')}
          value={format.decimal(choice.choice.index)}
          predicate={choice.choice.predicate}
          testId="portfolio-choice"
        />
        <Figure
          label={t('portfolio.gain')}
          value={t('dashboard.gain', { gain: format.decimal(choice.gain) })}
          testId="portfolio-gain"
        />
      </SimpleGrid>
      <Alert color="blue" data-testid="portfolio-break-even">
        {language === 'en' ? choice.breakEven.message_en : choice.breakEven.message_id}
      </Alert>
      <Text size="sm" data-testid="portfolio-difference">
        {language === 'en' ? choice.difference.message_en : choice.difference.message_id}
      </Text>
      {drafts.length > 0 && (
        <Table.ScrollContainer minWidth={420}>
          <Table striped verticalSpacing={4} data-testid="portfolio-table">
            <Table.Caption>
              {t('portfolio.sent', { count: sent })} · {t('portfolio.held', { count: drafts.length - sent })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('portfolio.col.name')}</Table.Th>
                <Table.Th ta="right">{t('portfolio.col.kematangan')}</Table.Th>
                <Table.Th>{t('portfolio.col.decision')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {drafts.map((entry) => (
                <EntryRow key={entry.id} entry={entry} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Anchor component={Link} to={`/simulasi?tahun=${year}`} size="sm">
        {t('portfolio.openWhatIf')}
      </Anchor>
    </>
  );
}

function EntryRow({ entry }: { entry: PortfolioEntry }) {
  const t = useT();
  const format = useFormat();
  return (
    <Table.Tr data-role={entry.role}>
      <Table.Td>
        <Anchor component={Link} to={`/inovasi/${entry.id}`} size="sm">
          {entry.name ?? entry.id}
        </Anchor>
      </Table.Td>
      <Table.Td ta="right">{format.decimal(entry.kematangan)}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={entry.role === 'send' ? 'teal' : 'gray'}>
          {entry.role === 'send' ? t('portfolio.send') : t('portfolio.hold')}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}

function Figure({
  label,
  value,
  predicate,
  testId,
}: {
  label: string;
  value: string;
  predicate?: PortfolioChoice['choice']['predicate'];
  testId: string;
}) {
  return (
    <Stack gap={2} data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Group gap="xs">
        <Text size="xl" fw={700}>
          {value}
        </Text>
        {predicate && (
          <Badge variant="light" color={PREDICATE_THEME_COLOR[predicate]}>
            {predicate}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}
