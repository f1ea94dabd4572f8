import { Group, Radio, Text } from '@mantine/core';
import { useT } from '../../i18n/I18nProvider.tsx';

/** One level to pick, as a whole tappable card: "Level 2" above the rubric's own words for it. */
export function LevelOption({ value, text, disabled }: { value: number; text: string; disabled: boolean }) {
  const t = useT();
  return (
    <Radio.Card value={String(value)} p="xs" radius="sm" disabled={disabled}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Radio.Indicator mt={2} disabled={disabled} />
        <div>
          <Text size="xs" fw={700} c="dimmed">
            {t('indicator.level', { level: value })}
          </Text>
          <Text size="sm">{text}</Text>
        </div>
      </Group>
    </Radio.Card>
  );
}
