import { Badge } from '@mantine/core';
import type { ReviewStatus } from '../../api/model.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

/** Not answered, answered and waiting, accepted or returned by the verifier. */
export function ReviewBadge({ answer }: { answer: { review?: { status: ReviewStatus } } | undefined }) {
  const t = useT();
  if (!answer) {
    return (
      <Badge variant="outline" color="gray" style={{ flexShrink: 0 }}>
        {t('review.status.unanswered')}
      </Badge>
    );
  }
  const status = answer.review?.status;
  const color = status === 'accepted' ? 'green' : status === 'returned' ? 'orange' : 'blue';
  return (
    <Badge variant="light" color={color} style={{ flexShrink: 0 }} data-testid="review-status">
      {t(`review.status.${status ?? 'pending'}`)}
    </Badge>
  );
}
