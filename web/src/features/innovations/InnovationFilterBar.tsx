import { Button, Checkbox, Group, NativeSelect } from '@mantine/core';
import type { Opd } from '../../api/model.ts';
import { INNOVATION_STATUSES } from '../../api/model.ts';
import type { InnovationFilters } from '../../api/queries.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { opdOptions, stageOptions } from './options.ts';

interface Props {
  filters: InnovationFilters;
  opds: Opd[];
  onChange(field: keyof InnovationFilters, value: string | null): void;
  onReset(): void;
}

export function InnovationFilterBar({ filters, opds, onChange, onReset }: Props) {
  const t = useT();
  // Native selects: the phone's own picker is the easiest on small screens, and they cost no popover code.
  const common = { w: { base: '100%', xs: 220 } };
  const withAll = (options: { value: string; label: string }[]) => [
    { value: '', label: t('app.all') },
    ...options,
  ];
  return (
    <Group component="section" aria-label={t('innovations.filters')} gap="sm" align="flex-end">
      <NativeSelect
        {...common}
        label={t('innovations.filter.opd')}
        data={withAll(opdOptions(opds, filters.opdId))}
        value={filters.opdId ?? ''}
        onChange={(event) => onChange('opdId', event.currentTarget.value || null)}
      />
      <NativeSelect
        {...common}
        label={t('innovations.filter.stage')}
        data={withAll(stageOptions(t))}
        value={filters.stage ?? ''}
        onChange={(event) => onChange('stage', event.currentTarget.value || null)}
      />
      <NativeSelect
        {...common}
        label={t('innovations.filter.status')}
        data={withAll(INNOVATION_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) })))}
        value={filters.status ?? ''}
        onChange={(event) => onChange('status', event.currentTarget.value || null)}
      />
      <Checkbox
        label={t('innovations.filter.archived')}
        checked={filters.archived === 'true'}
        onChange={(event) => onChange('archived', event.currentTarget.checked ? 'true' : null)}
        mb={8}
      />
      {Object.keys(filters).length > 0 && (
        <Button variant="subtle" onClick={onReset}>
          {t('innovations.filter.reset')}
        </Button>
      )}
    </Group>
  );
}
