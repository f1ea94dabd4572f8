import { Alert, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ApiError, NetworkError } from '../../api/errors.ts';
import type { Innovation, Opd, SessionUser } from '../../api/model.ts';
import { currentYear, useOpds } from '../../api/queries.ts';
import { useMe, useTenantCode } from '../../auth/MeContext.tsx';
import { hasRole } from '../../auth/SessionProvider.tsx';
import { ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { canEditAnswers, isEditable } from '../workflow/permissions.ts';
import { draftKey } from './drafts.ts';
import { emptyFormValues, toFormValues, toProfile, toProfilePatch, validate } from './formValues.ts';
import { EditorNotices, EditorSaveBar, type Notice } from './InnovationEditorParts.tsx';
import { type FieldMessages, InnovationFormFields } from './InnovationFormFields.tsx';
import { LiveEligibility } from './LiveEligibility.tsx';
import { isLocalId, queueCreate, queueLocalProfile } from './offlineCreate.ts';
import { dropQueuedProfile, profileKey, type QueuedProfile, queueProfile } from './offlineProfile.ts';
import { opdOptions } from './options.ts';
import { useInnovationForm } from './useInnovationForm.ts';
import { useFetchLatestInnovation, useInnovationMutations } from './useInnovationMutations.ts';
import { useInnovationRecord } from './useInnovationRecord.ts';
import { useQueuedProfile } from './useQueuedProfile.ts';

// The archive confirmation (a modal with its focus trap) is rarely used: it loads on its own so the
// form, which operators open on phones, stays within the first-load budget.
const ArchiveInnovationButton = lazy(() =>
  import('./ArchiveInnovationButton.tsx').then((module) => ({ default: module.ArchiveInnovationButton })),
);

export default function InnovationEditPage() {
  const { innovationId } = useParams();
  const code = useTenantCode();
  const t = useT();
  const innovation = useInnovationRecord(code, innovationId);
  const opds = useOpds(code);
  usePageTitle(innovationId ? t('profile.editTitle') : t('profile.createTitle'));

  if ((innovationId && innovation.isPending) || opds.isPending) return <LoadingState />;
  if (innovation.isError) return <ErrorState error={innovation.error} onRetry={() => innovation.refetch()} />;
  if (opds.isError) return <ErrorState error={opds.error} onRetry={() => opds.refetch()} />;
  // Keyed by record so opening another innovation starts from its own server state and draft.
  return (
    <InnovationEditor
      key={innovationId ?? 'baru'}
      code={code}
      innovation={innovation.data}
      opds={opds.data}
    />
  );
}

interface EditorProps {
  code: string;
  innovation: Innovation | undefined;
  opds: Opd[];
}

/** The record's values; for a new one, empty but for the OPD when only one fits (the operator's, the only one). */
function startingValues(innovation: Innovation | undefined, userOpdId: SessionUser['opdId'], opds: Opd[]) {
  const defaultOpd = userOpdId ?? (opds.length === 1 ? opds[0]?.id : undefined);
  return innovation ? toFormValues(innovation) : emptyFormValues(defaultOpd ?? '');
}

/** Profile and answers change only while the OPD holds the innovation (draft or returned). */
function mayEdit(user: SessionUser, innovation: Innovation | undefined): boolean {
  return innovation ? canEditAnswers(user, innovation) : hasRole(user, 'tenant_admin', 'opd_operator');
}

/**
 * Offline, the save waits on the device (IndexedDB, for an edit as for a new innovation) and is
 * sent when the browser is back online, so the page says where the changes are.
 */
function saveSituation(state: {
  queued: QueuedProfile | undefined;
  waitingForConnection: boolean;
  local: boolean;
  conflict: boolean;
  creating: boolean;
  updating: boolean;
}) {
  const { queued } = state;
  const heldOffline = !queued?.problem && (state.waitingForConnection || state.local || queued !== undefined);
  const showConflict = state.conflict || queued?.problem === 'conflict';
  const saving = (state.creating || state.updating) && !heldOffline;
  return { heldOffline, showConflict, saving };
}

function InnovationEditor({ code, innovation, opds }: EditorProps) {
  const t = useT();
  const format = useFormat();
  const { user } = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const errorMessage = useErrorMessage();
  const { create, update } = useInnovationMutations(code);
  const fetchLatest = useFetchLatestInnovation(code);

  const storageKey = draftKey(user.id, code, innovation?.id);
  const form = useInnovationForm(
    storageKey,
    startingValues(innovation, user.opdId, opds),
    innovation?.version,
  );

  const [fieldErrors, setFieldErrors] = useState<FieldMessages>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  // A save that found no connection: the draft is on this device, and is sent when the browser is
  // back online, through the same version check (a conflict then shows as any other).
  const [waitingForConnection, setWaitingForConnection] = useState(false);
  // An edit of an existing innovation saved offline is kept in IndexedDB and sent by the app-level
  // sender from any page, also after a reload (docs/decisions/0045); the page shows and follows it.
  const queuedKey = innovation ? profileKey(user.id, code, innovation.id) : null;
  const queued = useQueuedProfile(queuedKey, (saved) => {
    form.markSaved(toFormValues(saved), saved.version);
    setWaitingForConnection(false);
    setNotice('saved');
  });
  // Created offline and not sent yet: every save stays on this device until the create goes through.
  const local = isLocalId(innovation?.id);
  const [notice, setNotice] = useState<Notice>(
    (location.state as { created?: boolean } | null)?.created ? 'created' : null,
  );

  const canEdit = mayEdit(user, innovation);
  // An operator belongs to one OPD and records innovations for it; admins choose.
  const opdLocked = !hasRole(user, 'tenant_admin') && Boolean(user.opdId);
  const { heldOffline, showConflict, saving } = saveSituation({
    queued,
    waitingForConnection,
    local,
    conflict,
    creating: create.isPending,
    updating: update.isPending,
  });

  /** The save found no connection: the request is kept for the app-level sender (docs/decisions/0045, 0049). */
  function keepOffline() {
    if (!innovation) {
      // The server makes the id: the create is kept under a local one, and the page moves there.
      void queueCreate(user.id, code, {
        opdId: form.values.opdId,
        profile: toProfile(form.values),
        values: form.values,
        idempotencyKey: form.idempotencyKey,
      }).then((localId) => navigate(`/inovasi/${localId}`, { replace: true, state: { keptOffline: true } }));
      return;
    }
    if (local) {
      void queueLocalProfile(user.id, code, innovation.id, form.values);
      return;
    }
    if (!queuedKey) return;
    void queueProfile(queuedKey, {
      baseVersion: form.baseVersion ?? innovation.version,
      opdId: form.values.opdId !== form.base.opdId ? form.values.opdId : undefined,
      profile: toProfilePatch(form.base, form.values),
      values: form.values,
    });
  }

  function handleFailure(error: unknown) {
    // Whatever happens, the input stays: it is in the form and in the local draft.
    form.persistNow();
    if (error instanceof NetworkError) {
      keepOffline();
      setWaitingForConnection(true);
      return;
    }
    if (error instanceof ApiError && error.isVersionConflict) {
      setConflict(true);
      return;
    }
    if (error instanceof ApiError) setFieldErrors(serverFieldErrors(error));
    setSaveError(error);
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setNotice(null);
    setSaveError(null);
    const clientErrors = validate(form.values);
    const translated: FieldMessages = {};
    if (clientErrors.opdId) translated.opdId = t('validation.required');
    if (clientErrors.name) translated.name = t('validation.nameTooShort');
    setFieldErrors(translated);
    if (Object.keys(translated).length > 0) return;
    form.persistNow();

    if (local) {
      keepOffline();
      setWaitingForConnection(true);
      return;
    }
    if (!innovation) {
      create.mutate(
        { opdId: form.values.opdId, profile: toProfile(form.values), idempotencyKey: form.idempotencyKey },
        {
          onSuccess: (created) => {
            form.markSaved(toFormValues(created), created.version);
            navigate(`/inovasi/${created.id}`, { replace: true, state: { created: true } });
          },
          onError: handleFailure,
        },
      );
      return;
    }
    const opdChanged = form.values.opdId !== form.base.opdId;
    // A save now replaces whatever was kept offline (or refused) for this innovation.
    const replaced = queuedKey && queued ? dropQueuedProfile(queuedKey) : Promise.resolve();
    void replaced.then(() =>
      update.mutate(
        {
          id: innovation.id,
          version: form.baseVersion ?? innovation.version,
          opdId: opdChanged ? form.values.opdId : undefined,
          profile: toProfilePatch(form.base, form.values),
        },
        {
          onSuccess: (saved) => {
            form.markSaved(toFormValues(saved), saved.version);
            setNotice('saved');
          },
          onError: handleFailure,
        },
      ),
    );
  }

  async function loadLatest() {
    if (!innovation) return;
    try {
      const latest = await fetchLatest(innovation.id);
      // The kept edit the server refused is settled here: the edits stay in the form, on the latest.
      if (queuedKey && queued) await dropQueuedProfile(queuedKey);
      form.rebaseOnto(toFormValues(latest), latest.version);
      setConflict(false);
      setNotice('rebased');
    } catch (error) {
      setSaveError(error);
    }
  }

  const title = innovation ? t('profile.editTitle') : t('profile.createTitle');
  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="md" maw={960}>
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={1}>{title}</Title>
            {innovation && (
              <Text size="sm" c="dimmed">
                {t('profile.meta', {
                  created: format.dateTime(innovation.createdAt),
                  updated: format.dateTime(innovation.updatedAt),
                  version: innovation.version,
                })}
              </Text>
            )}
          </Stack>
          <Group gap="xs">
            {innovation?.archived && <Badge color="gray">{t('app.archived')}</Badge>}
            {innovation && !local && canEdit && isEditable(innovation.status) && (
              <Suspense fallback={null}>
                <ArchiveInnovationButton
                  code={code}
                  innovation={innovation}
                  version={form.baseVersion ?? innovation.version}
                  onConflict={() => setConflict(true)}
                />
              </Suspense>
            )}
          </Group>
        </Group>

        <EditorNotices
          innovation={innovation}
          canEdit={canEdit}
          restoredFrom={form.restoredFrom}
          onDiscardDraft={form.discardDraft}
          notice={notice}
          refused={queued?.problem === 'refused'}
          showConflict={showConflict}
          onLoadLatest={loadLatest}
          format={format}
        />

        <InnovationFormFields
          values={form.values}
          setField={form.setField}
          errors={fieldErrors}
          readOnly={!canEdit}
          opds={opdOptions(opds, innovation?.opdId)}
          opdLocked={opdLocked}
        />

        {canEdit && (
          <LiveEligibility
            code={code}
            year={innovation?.periodYear ?? currentYear()}
            profile={toProfile(form.values)}
          />
        )}

        {saveError !== null && (
          <Alert color="red" role="alert">
            {Object.keys(fieldErrors).length > 0 ? t('profile.fixErrors') : errorMessage(saveError)}
          </Alert>
        )}
        {canEdit && (
          <EditorSaveBar
            innovation={innovation}
            heldOffline={heldOffline}
            dirty={form.dirty}
            saving={saving}
            showConflict={showConflict}
          />
        )}
      </Stack>
    </form>
  );
}

/** Server messages keyed by form field; the server may name fields `profile.name` or `name`. */
function serverFieldErrors(error: ApiError): FieldMessages {
  const messages: FieldMessages = {};
  for (const [field, message] of Object.entries(error.fieldMessages())) {
    const name = field.replace(/^profile\./, '') as keyof FieldMessages;
    messages[name] = message;
  }
  return messages;
}
