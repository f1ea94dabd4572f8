import { NativeSelect } from '@mantine/core';
import { SID33_BASES, type Sid33Basis, type SidIndicator } from '../../api/model.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

/**
 * The basis the kemanfaatan indicator (sid.33) is measured on: its level texts depend on it, so it is
 * chosen before the level, each basis named with its unit where the rubric describes it.
 */
export function BasisSelect({
  indicator,
  disabled,
  value,
  missing,
  onChange,
}: {
  indicator: SidIndicator;
  disabled: boolean;
  value: Sid33Basis | undefined;
  missing: boolean;
  onChange: (basis: Sid33Basis | undefined) => void;
}) {
  const t = useT();
  return (
    <NativeSelect
      label={t('indicator.basis')}
      description={t('indicator.basisHint')}
      disabled={disabled}
      value={value ?? ''}
      error={missing ? t('indicator.basisRequired') : undefined}
      onChange={(event) => onChange((event.currentTarget.value || undefined) as Sid33Basis | undefined)}
      data={[
        { value: '', label: t('indicator.basisPlaceholder') },
        ...SID33_BASES.map((basis) => {
          const item = indicator.bases?.find((candidate) => candidate.basis === basis);
          return {
            value: basis,
            label: item ? `${basis}. ${item.name} (${item.unit})` : basis,
          };
        }),
      ]}
    />
  );
}
