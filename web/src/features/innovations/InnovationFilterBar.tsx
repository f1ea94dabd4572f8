import { Button, Checkbox, Group, Select } from '@mantine/core';
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
  const common = { clearable: true, placeholder: t('app.all'), w: { base: '100%', xs: 220 } };
  return (
    <Group component="section" aria-label={t('innovations.filters')} gap="sm" align="flex-end">
      <Select
        {...common}
        label={t('innovations.filter.opd')}
        data={opdOptions(opds, filters.opdId)}
        value={filters.opdId ?? null}
        onChange={(value) => onChange('opdId', value)}
        searchable
      />
      <Select
        {...common}
        label={t('innovations.filter.stage')}
        data={stageOptions(t)}
        value={filters.stage ?? null}
        onChange={(value) => onChange('stage', value)}
      />
      <Select
        {...common}
        label={t('innovations.filter.status')}
        data={INNOVATION_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        value={filters.status ?? null}
        onChange={(value) => onChange('status', value)}
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
