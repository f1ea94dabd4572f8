import '../../i18n/id-units.ts';
import { Alert, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import type { OpdProgressBoard, Period } from '../../api/model.ts';
import { LoadingState } from '../../components/PageStates.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { URUSAN_NAMES, useRuleDescription } from './ruleDescription.ts';

// The form's multi-selects (with their popovers) are about 35 KB: only the admin who edits needs them.
const RuleForm = lazy(() => import('./RuleForm.tsx').then((module) => ({ default: module.RuleForm })));

/**
 * The period's target rule on the progress board (ADR 0036): what it asks, who meets it, what each
 * OPD and unit still lacks, and, for the admin, the form that sets it.
 */
export function RulePanel({
  code,
  board,
  period,
  footer,
}: {
  code: string;
  board: OpdProgressBoard;
  period: Period | undefined;
  footer?: React.ReactNode;
}) {
  const t = useT();
  const describe = useRuleDescription();
  const [editing, setEditing] = useState(false);
  const rule = board.rule;
  const laggards = (rule?.opds ?? []).flatMap((opd) => [
    ...(opd.lacks > 0 ? [{ key: opd.opdId, name: opd.name, count: opd.lacks }] : []),
    ...opd.units
      .filter((unit) => unit.lacks > 0)
      .map((unit) => ({ key: unit.unitId, name: `${unit.name} (${opd.name})`, count: unit.lacks })),
  ]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="aturan-target" data-testid="rule-panel">
      <Stack gap="xs">
        <Title order={2} size="h4" id="aturan-target">
          {t('rule.heading', { year: board.year })}
        </Title>
        {!board.targetRule || !rule ? (
          <Text size="sm">{period ? t('rule.none') : t('rule.noPeriod', { year: board.year })}</Text>
        ) : (
          <>
            <Text size="sm" fw={500} data-testid="rule-description">
              {describe(board.targetRule, board.threshold)}
            </Text>
            <Text size="sm" data-testid="rule-standing">
              {t('rule.standing', {
                opdsMeeting: rule.opdsMeeting,
                opdsBound: rule.opdsBound,
                unitsMeeting: rule.unitsMeeting,
                unitsBound: rule.unitsBound,
                lacking: rule.lacking,
              })}
            </Text>
            {rule.urusanWithoutOpd.length > 0 && (
              <Alert color="orange" p="xs">
                {t('rule.urusanWithoutOpd', {
                  urusan: rule.urusanWithoutOpd.map((code) => URUSAN_NAMES.get(code) ?? code).join(', '),
                })}
              </Alert>
            )}
            {laggards.length === 0 ? (
              <Text size="sm" c="teal.9">
                {t('rule.allMet')}
              </Text>
            ) : (
              <>
                <Title order={3} size="h5">
                  {t('rule.laggards')}
                </Title>
                <List size="sm" data-testid="rule-laggards">
                  {laggards.map((row) => (
                    <List.Item key={row.key}>
                      {t('rule.lacks', { name: row.name, count: row.count })}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </>
        )}
        {footer}
        {period && !editing && (
          <Button variant="default" w="fit-content" size="xs" onClick={() => setEditing(true)}>
            {t('rule.edit')}
          </Button>
        )}
        {period && editing && (
          <Suspense fallback={<LoadingState />}>
            <RuleForm code={code} period={period} rule={board.targetRule} onDone={() => setEditing(false)} />
          </Suspense>
        )}
      </Stack>
    </Paper>
  );
}
