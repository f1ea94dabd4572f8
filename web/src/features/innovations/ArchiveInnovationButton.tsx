import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import type { Innovation } from '../../api/model.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useInnovationMutations } from './useInnovationMutations.ts';

interface Props {
  code: string;
  innovation: Innovation;
  version: number;
  onConflict(): void;
}

export function ArchiveInnovationButton({ code, innovation, version, onConflict }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  const { archive } = useInnovationMutations(code);
  const isConflict = archive.error instanceof ApiError && archive.error.isVersionConflict;

  function confirm() {
    archive.mutate(
      { id: innovation.id, version },
      {
        onSuccess: () => navigate('/inovasi', { state: { archived: innovation.profile.name } }),
        onError: (error) => {
          // A conflict is explained by the page's conflict banner, with its reload action.
          if (error instanceof ApiError && error.isVersionConflict) {
            close();
            onConflict();
          }
        },
      },
    );
  }

  return (
    <>
      <Button variant="outline" color="red" size="sm" onClick={open}>
        {t('profile.archive')}
      </Button>
      <ConfirmDialog
        opened={opened}
        title={t('profile.archiveConfirmTitle')}
        message={t('profile.archiveConfirm', { name: innovation.profile.name })}
        confirmLabel={t('profile.archive')}
        pending={archive.isPending}
        error={isConflict ? null : archive.error}
        onConfirm={confirm}
        onClose={close}
      />
    </>
  );
}
