import { Anchor, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AdviceBasis, AdviceLever, AdviceMove } from '../../api/model.ts';
import { useAdvice } from '../../api/queries.ts';
import { EmptyMessage } from '../../components/PageStates.tsx';
import { useFormat, useI18n } from '../../i18n/I18nProvider.tsx';
import { BasisPanel } from './BasisPanel.tsx';

/**
 * The advice: region-wide levers first (one document, many innovations, ADR 0029), then the moves
 * per innovation. A rubric's evidence text runs to sixty words and many moves share it, so each
 * text is written out once and later moves point back to it.
 */
export function AdvicePanel({ code, year }: { code: string; year: number }) {
  const { t } = useI18n();
  const [basis, setBasis] = useState<AdviceBasis>('verified');
  const advice = useAdvice(code, year, basis);
  return (
    <BasisPanel
      id="saran-judul"
      testId="advice"
      title={t('dashboard.adviceTitle')}
      basisLabel={t('dashboard.adviceBasis')}
      intro={t('dashboard.adviceIntro')}
      basis={basis}
      onBasisChange={setBasis}
      query={advice}
    >
      {(data) =>
        data.moves.length === 0 && data.levers.length === 0 ? (
          <EmptyMessage message={t('dashboard.adviceEmpty')} />
        ) : (
          <AdviceLists levers={data.levers} moves={data.moves} />
        )
      }
    </BasisPanel>
  );
}

function AdviceLists({ levers, moves }: { levers: AdviceLever[]; moves: AdviceMove[] }) {
  const { t, language } = useI18n();
  const format = useFormat();
  // Evidence texts already written out above, in list order: levers, then moves.
  const shown = new Set<string>();
  const evidenceLine = (description: string | undefined) => {
    if (description === undefined) return null;
    const first = !shown.has(description);
    shown.add(description);
    return (
      <Text size="xs" c="dimmed">
        {first ? t('dashboard.evidence', { text: description }) : t('dashboard.evidenceAsAbove')}
      </Text>
    );
  };
  return (
    <>
      {levers.length > 0 && (
        <Stack gap="xs" data-testid="advice-levers">
          <Title order={3} size="h5">
            {t('dashboard.leversTitle')}
          </Title>
          <Text size="sm">{t('dashboard.leversIntro')}</Text>
          <List type="ordered" spacing="sm" size="sm">
            {levers.map((lever) => (
              <List.Item key={`${lever.code}|${lever.toLevel}`} data-testid="advice-lever">
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Stack gap={4} style={{ flexShrink: 0 }}>
                    <Badge color="teal" variant="light">
                      {t('dashboard.gain', { gain: format.decimal(lever.indexGain) })}
                    </Badge>
                    <Badge color="indigo" variant="light">
                      {t('dashboard.leverReach', { count: format.number(lever.innovationIds.length) })}
                    </Badge>
                  </Stack>
                  <Stack gap={2}>
                    <Text size="sm">{language === 'en' ? lever.action_en : lever.action_id}</Text>
                    {evidenceLine(lever.evidence.description)}
                  </Stack>
                </Group>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {moves.length > 0 && (
        <Stack gap="xs">
          {levers.length > 0 && (
            <Title order={3} size="h5">
              {t('dashboard.movesTitle')}
            </Title>
          )}
          <List type="ordered" spacing="sm" size="sm">
            {withKeys(moves).map(({ key, move }) => (
              <List.Item key={key}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Badge color="teal" variant="light" style={{ flexShrink: 0 }}>
                    {t('dashboard.gain', { gain: format.decimal(move.indexGain) })}
                  </Badge>
                  <Stack gap={2}>
                    <Text size="sm">
                      {language === 'en' ? move.action_en : move.action_id}{' '}
                      {move.innovationId && (
                        <Anchor component={Link} to={`/inovasi/${move.innovationId}`} size="sm">
                          {t('dashboard.openInnovation')}
                        </Anchor>
                      )}
                    </Text>
                    {evidenceLine(evidenceText(move))}
                  </Stack>
                </Group>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </>
  );
}

const evidenceText = (move: AdviceMove): string | undefined => {
  const description = move.evidence?.description;
  return typeof description === 'string' ? description : undefined;
};

/** Stable keys for moves: what a move is about, numbered when two moves are about the same thing. */
function withKeys(moves: AdviceMove[]): { key: string; move: AdviceMove }[] {
  const seen = new Map<string, number>();
  return moves.map((move) => {
    const base = [move.kind, move.innovationId, move.opdId, move.code, ...(move.urusan ?? [])].join('|');
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { key: `${base}#${count}`, move };
  });
}
