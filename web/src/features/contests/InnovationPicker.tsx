import '../../i18n/id-contest-files.ts';
import { Button, Group, NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/model.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { contestKeys } from './contestApi.ts';

export type Source = 'existing' | 'new';
export type Enterable =
  paths['/tenants/{code}/contests/{callId}/enterable']['get']['responses'][200]['content']['application/json']['items'][number];

/**
 * The OPD's innovations for the entry form, searched by name and paged on the server (an OPD may
 * have far more than one page), each marked when it is already entered in the call.
 */
export function useEnterable(code: string, callId: string, search: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...contestKeys.call(code, callId), 'enterable', search],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/tenants/{code}/contests/{callId}/enterable', {
          params: {
            path: { code, callId },
            query: {
              limit: 20,
              ...(search ? { q: search } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** The search waits for a pause in typing rather than asking the server at every key. */
function useSettled(value: string, ms = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value.trim()), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** New or from the registry, and which one: shown to OPD operators whose OPD has innovations. */
export function InnovationPicker({
  code,
  callId,
  source,
  onSource,
  chosen,
  onPick,
  error,
}: {
  code: string;
  callId: string;
  source: Source;
  onSource: (source: Source) => void;
  chosen: Enterable | undefined;
  onPick: (innovation: Enterable | undefined) => void;
  error: string | undefined;
}) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const search = useSettled(typed);
  const found = useEnterable(code, callId, search, source === 'existing');
  const items = found.data?.pages.flatMap((page) => page.items) ?? [];
  // The chosen one stays an option while another search shows other names.
  const options = chosen && !items.some((item) => item.id === chosen.id) ? [chosen, ...items] : items;
  return (
    <>
      <Radio.Group
        label={t('contests.enter.source')}
        value={source}
        onChange={(value) => onSource(value as Source)}
      >
        <Group gap="md" mt={4}>
          <Radio value="existing" label={t('contests.enter.source.existing')} />
          <Radio value="new" label={t('contests.enter.source.new')} />
        </Group>
      </Radio.Group>
      {source === 'existing' && (
        <Stack gap={6}>
          <TextInput
            type="search"
            label={t('contests.enter.search')}
            description={t('contests.enter.searchHint')}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
          />
          <NativeSelect
            label={t('contests.enter.innovation')}
            value={chosen?.id ?? ''}
            onChange={(event) => onPick(options.find((item) => item.id === event.currentTarget.value))}
            data={[
              { value: '', label: t('contests.enter.pick') },
              ...options.map((item) => ({
                value: item.id,
                label: item.enteredEntryId
                  ? t('contests.enter.entered', { name: item.profile.name })
                  : item.profile.name,
                disabled: item.enteredEntryId !== undefined,
              })),
            ]}
            error={error}
            required
          />
          {found.isSuccess && items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('contests.enter.none')}
            </Text>
          )}
          {found.hasNextPage && (
            <Button
              variant="subtle"
              size="compact-sm"
              w="fit-content"
              loading={found.isFetchingNextPage}
              onClick={() => void found.fetchNextPage()}
            >
              {t('contests.enter.more')}
            </Button>
          )}
          <Text size="sm">{t('contests.enter.prefilled')}</Text>
        </Stack>
      )}
    </>
  );
}
