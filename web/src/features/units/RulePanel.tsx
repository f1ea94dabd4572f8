import '../../i18n/id-units.ts';
import { URUSAN } from '@inovasi/core/browser';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  MultiSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import type { OpdProgressBoard, Period } from '../../api/model.ts';
import { queryKeys } from '../../api/queries.ts';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { UNIT_KINDS, type UnitKind } from './useUnits.ts';

type TargetRule = NonNullable<OpdProgressBoard['targetRule']>;
const URUSAN_NAMES = new Map(URUSAN.map((urusan) => [urusan.code as string, urusan.name]));
const BASIC_SERVICE = URUSAN.filter((urusan) => urusan.group === 'wajib_pelayanan_dasar');

/** One line saying what the rule asks, in the reader's language. */
export function useRuleDescription(): (rule: TargetRule, threshold: number | null) => string {
  const t = useT();
  return (rule, threshold) =>
    [
      rule.perOpd ? t('rule.describe.perOpd', { count: rule.perOpd }) : undefined,
      rule.perUnit
        ? t('rule.describe.perUnit', {
            count: rule.perUnit.count,
            kinds: rule.perUnit.kinds.map((kind) => t(`unitKind.${kind}`)).join(', '),
          })
        : undefined,
      rule.perUrusanOpd
        ? t('rule.describe.perUrusanOpd', {
            count: rule.perUrusanOpd.count,
            urusan: rule.perUrusanOpd.urusan.map((code) => URUSAN_NAMES.get(code) ?? code).join(', '),
          })
        : undefined,
      rule.onlyAtSendThreshold && threshold !== null
        ? t('rule.describe.threshold', { threshold })
        : undefined,
    ]
      .filter(Boolean)
      .join('; ');
}

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
          <RuleForm code={code} period={period} rule={board.targetRule} onDone={() => setEditing(false)} />
        )}
      </Stack>
    </Paper>
  );
}

const asCount = (text: string) => {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value >= 1 && value <= 100 ? value : undefined;
};

function RuleForm({
  code,
  period,
  rule,
  onDone,
}: {
  code: string;
  period: Period;
  rule: TargetRule | null;
  onDone: () => void;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [perOpd, setPerOpd] = useState(String(rule?.perOpd ?? ''));
  const [perUnit, setPerUnit] = useState(String(rule?.perUnit?.count ?? ''));
  const [kinds, setKinds] = useState<string[]>(rule?.perUnit?.kinds ?? []);
  const [perUrusan, setPerUrusan] = useState(String(rule?.perUrusanOpd?.count ?? ''));
  const [urusan, setUrusan] = useState<string[]>(rule?.perUrusanOpd?.urusan ?? []);
  const [threshold, setThreshold] = useState(rule?.onlyAtSendThreshold ?? false);
  const save = useMutation({
    mutationFn: (targetRule: TargetRule | null) =>
      unwrap(
        api.PUT('/tenants/{code}/periods/{year}/target-rule', {
          params: { path: { code, year: period.year } },
          headers: ifMatch(period.version),
          body: { targetRule },
        }),
      ),
    onSuccess: onDone,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.progress(code, period.year) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.periods(code) });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const unitCount = asCount(perUnit);
    const urusanCount = asCount(perUrusan);
    save.mutate({
      ...(asCount(perOpd) ? { perOpd: asCount(perOpd) } : {}),
      ...(unitCount && kinds.length > 0 ? { perUnit: { count: unitCount, kinds: kinds as UnitKind[] } } : {}),
      ...(urusanCount && urusan.length > 0 ? { perUrusanOpd: { count: urusanCount, urusan } } : {}),
      onlyAtSendThreshold: threshold,
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            type="number"
            label={t('rule.perOpd')}
            description={t('rule.countHint')}
            value={perOpd}
            onChange={(event) => setPerOpd(event.currentTarget.value)}
            w={160}
          />
          <TextInput
            type="number"
            label={t('rule.perUnit')}
            value={perUnit}
            onChange={(event) => setPerUnit(event.currentTarget.value)}
            w={160}
          />
          <MultiSelect
            label={t('rule.perUnitKinds')}
            data={UNIT_KINDS.map((kind) => ({ value: kind, label: t(`unitKind.${kind}`) }))}
            value={kinds}
            onChange={setKinds}
            w={320}
          />
        </Group>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            type="number"
            label={t('rule.perUrusanOpd')}
            value={perUrusan}
            onChange={(event) => setPerUrusan(event.currentTarget.value)}
            w={260}
          />
          <MultiSelect
            label={t('rule.urusan')}
            data={BASIC_SERVICE.map((entry) => ({ value: entry.code, label: entry.name }))}
            value={urusan}
            onChange={setUrusan}
            w={360}
          />
        </Group>
        <Checkbox
          label={t('rule.threshold')}
          checked={threshold}
          onChange={(event) => setThreshold(event.currentTarget.checked)}
        />
        <Group gap="xs">
          <Button type="submit" size="sm" loading={save.isPending}>
            {t('rule.save')}
          </Button>
          {rule && (
            <Button variant="subtle" color="red" size="sm" onClick={() => save.mutate(null)}>
              {t('rule.clear')}
            </Button>
          )}
        </Group>
        {save.isError && (
          <Alert color="red" role="alert" p="xs">
            {errorMessage(save.error)}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
