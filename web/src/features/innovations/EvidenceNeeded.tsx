import { Badge, Group, Paper, Text } from '@mantine/core';
import type { LevelDefinition } from '../../api/model.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

type Evidence = LevelDefinition['evidence'];

/** What the verifier will ask to see for the chosen level, in the rubric's own words. */
export function EvidenceNeeded({ evidence }: { evidence: Evidence }) {
  const t = useT();
  return (
    <Paper bg="var(--mantine-color-blue-0)" p="xs" radius="sm" data-testid="evidence-needed">
      <Text size="sm" fw={600}>
        {t('indicator.evidence')}
      </Text>
      <Text size="sm" lang="id">
        {evidence.description}
      </Text>
      <Group gap={4} mt={4}>
        <Text size="xs">{t('indicator.fileKinds')}</Text>
        {evidence.fileKinds.map((kind) => (
          <Badge key={kind} size="xs" variant="outline" color="dark">
            {t(`fileKind.${kind}`)}
          </Badge>
        ))}
      </Group>
    </Paper>
  );
}
