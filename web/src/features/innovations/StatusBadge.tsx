import { Badge } from '@mantine/core';
import type { InnovationStatus } from '../../api/model.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

const STATUS_COLOR: Record<InnovationStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  in_review: 'indigo',
  returned: 'orange',
  verified: 'teal',
  ready: 'cyan',
  sent: 'violet',
  accepted: 'green',
  rejected: 'red',
};

/**
 * Mantine's badge cuts its label with an ellipsis when the column is narrow, and "DI…" could be any
 * of Diajukan, Dikembalikan or Diterima: the label wraps instead, in sentence case, which also
 * takes less width than capitals.
 */
const READABLE = {
  root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', flexShrink: 0 },
  label: { overflow: 'visible', textOverflow: 'clip', whiteSpace: 'normal', lineHeight: 1.3 },
} as const;

export function StatusBadge({ status }: { status: InnovationStatus }) {
  const t = useT();
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant="light"
      tt="none"
      styles={READABLE}
      data-testid="status-badge"
    >
      {t(`status.${status}`)}
    </Badge>
  );
}
