import '../../i18n/id-units.ts';
import { Alert, Group, NativeSelect, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import type { Innovation } from '../../api/model.ts';
import { queryKeys } from '../../api/queries.ts';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useUnits } from './useUnits.ts';

/**
 * Which unit below the OPD owns the innovation (ADR 0036); "the OPD itself" when none. Shown only
 * when the OPD has units; editable by whoever may edit the innovation.
 */
export function UnitOwnerPanel({
  code,
  innovation,
  canEdit,
}: {
  code: string;
  innovation: Innovation;
  canEdit: boolean;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const units = useUnits(code);
  const own = (units.data ?? []).filter((unit) => unit.opdId === innovation.opdId && !unit.archived);
  const save = useMutation({
    mutationFn: (unitId: string | null) =>
      unwrap(
        api.PATCH('/tenants/{code}/innovations/{id}', {
          params: { path: { code, id: innovation.id } },
          headers: ifMatch(innovation.version),
          body: { unitId },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.innovation(code, innovation.id) }),
  });
  if (own.length === 0 && !innovation.unitId) return null;
  const current = own.find((unit) => unit.id === innovation.unitId);
  return (
    <Group gap="sm" align="flex-end" data-testid="unit-owner">
      {canEdit ? (
        <NativeSelect
          label={t('unitOwner.label')}
          value={innovation.unitId ?? ''}
          disabled={save.isPending}
          onChange={(event) => save.mutate(event.currentTarget.value || null)}
          data={[
            { value: '', label: t('unitOwner.opdItself') },
            ...own.map((unit) => ({ value: unit.id, label: unit.name })),
          ]}
        />
      ) : (
        <Text size="sm">
          {t('unitOwner.label')}: {current?.name ?? t('unitOwner.opdItself')}
        </Text>
      )}
      {save.isError && (
        <Alert color="red" role="alert" p="xs">
          {errorMessage(save.error)}
        </Alert>
      )}
    </Group>
  );
}
