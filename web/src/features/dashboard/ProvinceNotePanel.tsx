import '../../i18n/id-oversight.ts';
import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { useProvinceNote } from '../oversight/queries.ts';

/** What the province asked of this regency, first on its dashboard; a province gets none. */
export function ProvinceNotePanel({ code, year }: { code: string; year: number }) {
  const t = useT();
  const format = useFormat();
  const note = useProvinceNote(code, year, code.includes('.'));
  // A regency without a note from its province sees nothing: there is nothing to act on.
  if (note.isPending || note.isError || !note.data.note) return null;
  const { pendamping } = note.data.note;
  return (
    <Alert
      color="blue"
      variant="light"
      title={t('provinceNote.title', { province: note.data.provinceName })}
      data-testid="province-note"
    >
      <Stack gap={6}>
        {note.data.note.note && <Text size="sm">{note.data.note.note}</Text>}
        {pendamping?.name && (
          <List size="sm" spacing={2} listStyleType="none">
            <List.Item>
              {t('provinceNote.pendamping')}: <strong>{pendamping.name}</strong>
              {pendamping.position ? `, ${pendamping.position}` : ''}
            </List.Item>
            {pendamping.phone && (
              <List.Item>
                {t('provinceNote.phone')}:{' '}
                <Anchor href={`tel:${pendamping.phone.replaceAll(' ', '')}`} size="sm">
                  {pendamping.phone}
                </Anchor>
              </List.Item>
            )}
            {pendamping.email && (
              <List.Item>
                {t('provinceNote.email')}:{' '}
                <Anchor href={`mailto:${pendamping.email}`} size="sm">
                  {pendamping.email}
                </Anchor>
              </List.Item>
            )}
          </List>
        )}
        <Text size="xs" c="dimmed">
          {t('provinceNote.updated', { date: format.dateTime(note.data.note.updatedAt) })}
        </Text>
      </Stack>
    </Alert>
  );
}
