import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import '../../i18n/id-polish.ts';
import type { Innovation, Rubric, WorkflowAction } from '../../api/model.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { BUTTON_STYLE } from './buttonStyle.ts';
import { stepBlocker } from './permissions.ts';
import { SubmissionChecklist } from './SubmissionChecklist.tsx';

// The confirmation (a modal with the date field of "mark sent") is fetched when a step is chosen,
// not with the page: it keeps Mantine's overlay code and the calendar out of the first download.
const TransitionDialog = lazy(() => import('./TransitionDialog.tsx'));

interface Props {
  code: string;
  innovation: Innovation;
  actions: WorkflowAction[];
  rubric: Rubric | undefined;
}

/** The next steps this user may take, each behind a confirmation that says what will happen. */
export function WorkflowPanel({ code, innovation, actions, rubric }: Props) {
  const t = useT();
  const [open, setOpen] = useState<WorkflowAction | null>(null);
  const [done, setDone] = useState<WorkflowAction | null>(null);
  if (actions.length === 0 && !done) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="langkah-alur">
      <Stack gap="sm">
        <Title order={2} size="h4" id="langkah-alur">
          {t('workflow.title')}
        </Title>
        {done && (
          <Alert color="teal" role="status" data-testid="workflow-notice">
            {t(`workflow.done.${done}`)}
          </Alert>
        )}
        {actions.includes('submit') && (
          <SubmissionChecklist code={code} innovation={innovation} rubric={rubric} place="panel" />
        )}
        {actions.length > 0 && (
          <Group gap="sm">
            {actions.map((action) => {
              const blocker = stepBlocker(action, innovation);
              return (
                <Button
                  key={action}
                  {...BUTTON_STYLE[action]}
                  disabled={blocker !== undefined}
                  aria-describedby={blocker ? `langkah-${action}-alasan` : undefined}
                  onClick={() => {
                    setDone(null);
                    setOpen(action);
                  }}
                >
                  {t(`workflow.action.${action}`)}
                </Button>
              );
            })}
          </Group>
        )}
        {actions.map((action) => {
          const blocker = stepBlocker(action, innovation);
          return blocker ? (
            <Text key={action} size="sm" fw={500} id={`langkah-${action}-alasan`} data-testid="step-blocked">
              {t('workflow.blocked.answersNotReviewed', { count: blocker.count })}
            </Text>
          ) : null;
        })}
      </Stack>
      {open && (
        <Suspense fallback={null}>
          <TransitionDialog
            key={open}
            code={code}
            innovation={innovation}
            action={open}
            rubric={rubric}
            onClose={() => setOpen(null)}
            onDone={() => {
              setDone(open);
              setOpen(null);
            }}
          />
        </Suspense>
      )}
    </Paper>
  );
}
