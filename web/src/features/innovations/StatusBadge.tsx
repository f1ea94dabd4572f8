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

export function StatusBadge({ status }: { status: InnovationStatus }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" style={{ flexShrink: 0 }}>
      {t(`status.${status}`)}
    </Badge>
  );
}
