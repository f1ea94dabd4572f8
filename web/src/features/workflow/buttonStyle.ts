import type { WorkflowAction } from '../../api/model.ts';

// Filled teal and cyan use shade 9: white on the theme's shade 8 of either is under 4.5:1 (WCAG AA).
export const BUTTON_STYLE: Record<
  WorkflowAction,
  { color?: string; variant: 'filled' | 'outline' | 'default' }
> = {
  submit: { variant: 'filled' },
  start_review: { color: 'indigo', variant: 'filled' },
  return: { color: 'orange', variant: 'outline' },
  verify: { color: 'teal.9', variant: 'filled' },
  mark_ready: { color: 'cyan.9', variant: 'filled' },
  unmark_ready: { variant: 'default' },
  mark_sent: { color: 'violet', variant: 'filled' },
  record_result: { variant: 'default' },
};
