import '../../i18n/id-oversight.ts';
import { Badge, Group, NativeSelect, Stack, Text } from '@mantine/core';
import type { Predicate } from '../../api/model.ts';
import { currentYear } from '../../api/queries.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { PREDICATE_COLOR, PREDICATE_THEME_COLOR } from '../dashboard/IndexGauge.tsx';
import type { CockpitRow, WarningCode } from './queries.ts';

/** Best first, as the Kemendagri lists them. */
export const PREDICATES: readonly Predicate[] = [
  'Sangat Inovatif',
  'Inovatif',
  'Kurang Inovatif',
  'Tidak Dapat Dinilai',
];

export const WARNING_CODES: readonly WarningCode[] = [
  'not_assessable_risk',
  'below_last_year',
  'many_returned',
  'no_period',
];

const SEVERITY_COLOR = { high: 'red', medium: 'orange', info: 'gray' } as const;

export function PredicateBadge({ predicate, size = 'sm' }: { predicate: Predicate; size?: 'sm' | 'md' }) {
  return (
    <Badge size={size} variant="light" color={PREDICATE_THEME_COLOR[predicate]} style={{ flexShrink: 0 }}>
      {predicate}
    </Badge>
  );
}

/** The predicate as a short coloured line, for table cells too narrow for a badge. */
export function PredicateText({ predicate }: { predicate: Predicate }) {
  // Small orange or teal text fails contrast on striped rows: the colour goes to a dot instead.
  return (
    <Text size="xs" fw={600}>
      <span
        aria-hidden
        style={{
          display: 'inline-block',
          width: 8,
          height: 8,
          borderRadius: 4,
          marginRight: 4,
          background: PREDICATE_COLOR[predicate],
        }}
      />
      {predicate}
    </Text>
  );
}

const SEVERITY_TEXT = { high: 'red.9', medium: 'dark.6', info: 'gray.7' } as const;

/**
 * Early warnings as short labels: badges where there is room, stacked lines in a table cell
 * (`compact`). The full sentence is each label's tooltip and stays in the worklist.
 */
export function WarningBadges({
  warnings,
  compact = false,
}: {
  warnings: CockpitRow['warnings'];
  compact?: boolean;
}) {
  const { t, language } = useI18n();
  if (warnings.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('oversight.noWarnings')}
      </Text>
    );
  }
  if (compact) {
    return (
      <Stack gap={2}>
        {warnings.map((warning) => (
          <Text
            key={warning.code}
            size="xs"
            fw={600}
            c={SEVERITY_TEXT[warning.severity]}
            title={language === 'en' ? warning.message_en : warning.message_id}
            data-testid={`warning-${warning.code}`}
          >
            {t(`oversight.warning.${warning.code}`)}
          </Text>
        ))}
      </Stack>
    );
  }
  return (
    <Group gap={4}>
      {warnings.map((warning) => {
        const sentence = language === 'en' ? warning.message_en : warning.message_id;
        return (
          <Badge
            key={warning.code}
            size="sm"
            variant="light"
            color={SEVERITY_COLOR[warning.severity]}
            title={sentence}
            data-testid={`warning-${warning.code}`}
          >
            {t(`oversight.warning.${warning.code}`)}
          </Badge>
        );
      })}
    </Group>
  );
}

/** A signed change in index points, so "no change" and "down" read differently. */
export function signed(value: number, decimal: (value: number) => string): string {
  return value > 0 ? `+${decimal(value)}` : value < 0 ? `−${decimal(-value)}` : decimal(0);
}

/** The last assessment years a screen offers, newest first (results exist from 2022). */
export function recentYears(current: number, count = 4): number[] {
  return Array.from({ length: count }, (_, index) => current - index).filter((year) => year >= 2022);
}

/** The assessment year a province or national screen shows, from the last few. */
export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const { t } = useI18n();
  return (
    <NativeSelect
      label={t('oversight.year')}
      value={String(value)}
      onChange={(event) => onChange(Number(event.currentTarget.value))}
      data={recentYears(currentYear()).map((year) => ({ value: String(year), label: String(year) }))}
      w={140}
    />
  );
}

/** Days to the national deadline; past it, the overdue days in red. */
export function DaysLeft({ days }: { days: number | null }) {
  const { t } = useI18n();
  if (days === null) return <>{t('app.none')}</>;
  if (days < 0)
    return (
      <Text span size="sm" c="red.9">
        {t('oversight.overdue', { days: -days })}
      </Text>
    );
  return <>{t('oversight.days', { days })}</>;
}

/**
 * The drill-down's address carries the code without its dot (`/provinsi/3520`): CloudFront's SPA
 * rewrite takes a last segment with an extension (`35.20`) for a file (infra/lib/web.ts).
 */
export const regencyPath = (code: string, year: number): string =>
  `/provinsi/${code.replace('.', '')}?tahun=${year}`;

/** `3520` (or `35.20`) from the address back to the official code. */
export const regencyFromPath = (segment: string): string =>
  /^\d{4}$/.test(segment) ? `${segment.slice(0, 2)}.${segment.slice(2)}` : segment;
