import { Button, Group, List, Modal, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import '../../i18n/id-polish.ts';
import { ApiError } from '../../api/errors.ts';
import type { Innovation, Rubric, TransitionInput, WorkflowAction } from '../../api/model.ts';
import { DateField } from '../../components/DateField.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { reloadThenReset, WriteErrorAlert } from '../../components/WriteErrorAlert.tsx';
import { type Translate, useT } from '../../i18n/I18nProvider.tsx';
import { BUTTON_STYLE } from './buttonStyle.ts';
import { todayInJakarta } from './deadline.ts';
import { useReloadInnovation, useTransition } from './mutations.ts';
import { SubmissionChecklist } from './SubmissionChecklist.tsx';

interface DialogProps {
  code: string;
  innovation: Innovation;
  action: WorkflowAction;
  rubric: Rubric | undefined;
  onClose(): void;
  onDone(): void;
}

interface DialogFields {
  note: string;
  registrationNumber: string;
  sentAt: string;
  result: 'accepted' | 'rejected';
  finalKematangan: string;
}

/** The final kematangan as typed, with a decimal comma or point; blank means none was given. */
function parseKematangan(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text.replace(',', '.'));
}

/** What the dialog refuses before asking the server, keyed by field; empty when it may be sent. */
function checkFields(
  action: WorkflowAction,
  answersReturned: boolean,
  fields: DialogFields,
  kematangan: number | undefined,
  t: Translate,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (action === 'return' && !answersReturned && fields.note.trim() === '')
    errors.note = t('workflow.noteRequired');
  if (action === 'mark_sent' && fields.registrationNumber.trim().length < 3)
    errors.registrationNumber = t('workflow.registrationRequired');
  if (action === 'mark_sent' && !fields.sentAt) errors.sentAt = t('validation.required');
  if (kematangan !== undefined && !(kematangan >= 0 && kematangan <= 111))
    errors.finalKematangan = t('workflow.finalKematanganHint');
  return errors;
}

/** The request body: the note whenever one was written, plus the fields this action carries. */
function transitionInput(
  action: WorkflowAction,
  fields: DialogFields,
  kematangan: number | undefined,
): TransitionInput {
  const input: TransitionInput = { action };
  if (fields.note.trim()) input.note = fields.note.trim();
  if (action === 'mark_sent') {
    input.registrationNumber = fields.registrationNumber.trim();
    input.sentAt = fields.sentAt;
  }
  if (action === 'record_result') {
    input.result = fields.result;
    if (kematangan !== undefined) input.finalKematangan = kematangan;
  }
  return input;
}

export default function TransitionDialog({ code, innovation, action, rubric, onClose, onDone }: DialogProps) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const transition = useTransition(code, innovation.id);
  const reload = useReloadInnovation(code, innovation.id);
  const [note, setNote] = useState('');
  const [registrationNumber, setRegistrationNumber] = useState('');
  const [sentAt, setSentAt] = useState(todayInJakarta());
  const [result, setResult] = useState<'accepted' | 'rejected'>('accepted');
  const [finalKematangan, setFinalKematangan] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const answersReturned = Object.values(innovation.answers).some(
    (answer) => answer.review?.status === 'returned',
  );
  const error = transition.error;
  const conflict = error instanceof ApiError && error.isVersionConflict;

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields = { note, registrationNumber, sentAt, result, finalKematangan };
    const kematangan = parseKematangan(finalKematangan);
    const errors = checkFields(action, answersReturned, fields, kematangan, t);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const input = transitionInput(action, fields, kematangan);
    transition.mutate({ version: innovation.version, input }, { onSuccess: onDone });
  }

  const serverFields = error instanceof ApiError ? error.fieldMessages() : {};
  return (
    <Modal opened onClose={onClose} title={t(`workflow.action.${action}`)} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t(`workflow.confirm.${action}`, { name: innovation.profile.name })}</Text>
          {action === 'submit' && (
            <SubmissionChecklist code={code} innovation={innovation} rubric={rubric} place="dialog" />
          )}
          {action === 'return' && (
            <Textarea
              label={t('workflow.returnNote')}
              description={answersReturned ? t('workflow.returnNoteOptional') : t('workflow.returnNoteHint')}
              autosize
              minRows={3}
              maxLength={2000}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              error={fieldErrors.note ?? serverFields.note}
              required={!answersReturned}
              data-autofocus
            />
          )}
          {action === 'mark_sent' && (
            <>
              <TextInput
                label={t('workflow.registrationNumber')}
                description={t('workflow.registrationHint')}
                value={registrationNumber}
                onChange={(event) => setRegistrationNumber(event.currentTarget.value)}
                error={fieldErrors.registrationNumber ?? serverFields.registrationNumber}
                required
                maxLength={100}
                data-autofocus
              />
              <DateField
                label={t('workflow.sentAt')}
                value={sentAt}
                maxDate={todayInJakarta()}
                onChange={setSentAt}
                error={fieldErrors.sentAt ?? serverFields.sentAt}
                required
              />
            </>
          )}
          {action === 'record_result' && (
            <>
              <NativeSelect
                label={t('workflow.result')}
                value={result}
                onChange={(event) => setResult(event.currentTarget.value as 'accepted' | 'rejected')}
                data={[
                  { value: 'accepted', label: t('status.accepted') },
                  { value: 'rejected', label: t('status.rejected') },
                ]}
              />
              <TextInput
                label={t('workflow.finalKematangan')}
                description={t('workflow.finalKematanganHint')}
                inputMode="decimal"
                value={finalKematangan}
                onChange={(event) => setFinalKematangan(event.currentTarget.value)}
                error={fieldErrors.finalKematangan ?? serverFields.finalKematangan}
              />
            </>
          )}
          {error !== null && (
            <WriteErrorAlert
              error={error}
              conflict={conflict}
              conflictText={t('workflow.conflict')}
              errorMessage={errorMessage}
              onLoadLatest={reloadThenReset(reload, transition.reset)}
              testId="workflow-error"
            >
              {error instanceof ApiError && !conflict && <ErrorDetails error={error} />}
            </WriteErrorAlert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={transition.isPending} {...BUTTON_STYLE[action]} variant="filled">
              {t(`workflow.action.${action}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The server lists what blocks a step (answers not yet reviewed, eligibility gaps, the send
 * threshold) in `details`, each already a sentence in the person's language naming the indicator.
 */
function ErrorDetails({ error }: { error: ApiError }) {
  const lines = [...new Set(error.details.map((detail) => detail.message))];
  if (lines.length === 0) return null;
  return (
    <List size="sm" spacing={2}>
      {lines.map((line) => (
        <List.Item key={line}>{line}</List.Item>
      ))}
    </List>
  );
}
