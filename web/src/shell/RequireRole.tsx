import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import type { Role } from '../api/model.ts';
import { useMe } from '../auth/MeContext.tsx';
import { hasRole } from '../auth/SessionProvider.tsx';
import { useT } from '../i18n/I18nProvider.tsx';

/** The server enforces roles; this only keeps users from landing on screens that would fail for them. */
/** Used as a layout route (renders the matched child) or around one element. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children?: ReactNode }) {
  const { user } = useMe();
  const t = useT();
  if (!hasRole(user, ...roles)) {
    return (
      <Alert color="yellow" role="alert">
        {t('app.forbidden')}
      </Alert>
    );
  }
  return children ?? <Outlet />;
}
