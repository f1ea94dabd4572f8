import '../../i18n/id-units.ts';
import { URUSAN } from '@inovasi/core/browser';
import { Alert, Button, Checkbox, Group, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import type { Period } from '../../api/model.ts';
import { queryKeys } from '../../api/queries.ts';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import type { TargetRule } from './ruleDescription.ts';
import { UNIT_KINDS, type UnitKind } from './useUnits.ts';

const BASIC_SERVICE = URUSAN.filter((urusan) => urusan.group === 'wajib_pelayanan_dasar');

const asCount = (text: string) => {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value >= 1 && value <= 100 ? value : undefined;
};

/** The admin's form that sets the period's target rule; loaded when the admin opens it. */
export function RuleForm({
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
