import { Text } from '@mantine/core';

/**
 * A term of the index's arithmetic with its one-line meaning underneath, visible without hovering:
 * people read these on phones, where a tooltip never opens.
 */
export function TermHint({ term, hint }: { term: string; hint: string }) {
  return (
    <>
      {term}
      <Text size="xs" c="dimmed" fw={400} data-testid="term-hint">
        {hint}
      </Text>
    </>
  );
}
