import '../../i18n/id-mfa.ts';
import {
  Alert,
  Button,
  Code,
  Container,
  Group,
  Image,
  List,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { signInSettings, userManager } from '../../auth/oidc.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import {
  CognitoCallError,
  cognitoEndpointOf,
  confirmTotpEnrolment,
  groupedSecret,
  normalisedCode,
  otpauthUri,
  startTotpEnrolment,
} from '../../auth/totp.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';

interface Enrolment {
  readonly endpoint: string;
  readonly accessToken: string;
  readonly secret: string;
  readonly qr: string;
}

/**
 * Shown instead of the app when the API answers `mfa_required`: an administrator in AWS must turn
 * on an authenticator app before acting (docs/decisions/0024). The steps run against Cognito with
 * the person's own access token; the API only reads the result. The embedded default never asks.
 */
export default function MfaEnrolmentPage({ onEnrolled }: { onEnrolled: () => void }) {
  const t = useT();
  usePageTitle(t('mfa.title'));
  const { signOut } = useSession();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [sessionOver, setSessionOver] = useState(false);

  const explain = (error: unknown) => {
    if (error instanceof CognitoCallError && error.isWrongCode) return t('mfa.error.code');
    if (error instanceof CognitoCallError && error.isSessionOver) {
      setSessionOver(true);
      return t('mfa.error.session');
    }
    if (error instanceof TypeError) return t('app.error.network');
    return t('mfa.error.other');
  };

  const start = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const [settings, user] = await Promise.all([
        signInSettings(),
        userManager().then((manager) => manager.getUser()),
      ]);
      if (!user?.access_token) {
        setSessionOver(true);
        setProblem(t('mfa.error.session'));
        return;
      }
      const endpoint = cognitoEndpointOf(settings.authority);
      const secret = await startTotpEnrolment(endpoint, user.access_token);
      const account = typeof user.profile.email === 'string' ? user.profile.email : user.profile.sub;
      // Loaded here only: the QR encoder is needed by the few people who enrol, once.
      const { toDataURL } = await import('qrcode');
      const qr = await toDataURL(otpauthUri(secret, account), { margin: 1, width: 220 });
      setEnrolment({ endpoint, accessToken: user.access_token, secret, qr });
    } catch (error) {
      setProblem(explain(error));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (!enrolment) return;
    const digits = normalisedCode(code);
    if (!digits) {
      setProblem(t('mfa.error.format'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await confirmTotpEnrolment(enrolment.endpoint, enrolment.accessToken, digits, 'Inovasi Daerah');
      onEnrolled();
    } catch (error) {
      setProblem(explain(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container size="sm" py="xl" component="main">
      <Stack>
        <Title order={1}>{t('mfa.title')}</Title>
        <Text>{t('mfa.intro')}</Text>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        {!enrolment ? (
          <Group>
            <Button onClick={() => void start()} loading={busy} disabled={sessionOver}>
              {t('mfa.start')}
            </Button>
            <Button variant="default" onClick={signOut}>
              {t('header.signOut')}
            </Button>
          </Group>
        ) : (
          <form onSubmit={(event) => void confirm(event)}>
            <Stack>
              <List type="ordered" spacing="xs">
                <List.Item>{t('mfa.step.install')}</List.Item>
                <List.Item>{t('mfa.step.scan')}</List.Item>
                <List.Item>{t('mfa.step.code')}</List.Item>
              </List>
              <Image src={enrolment.qr} alt={t('mfa.qrAlt')} w={220} h={220} />
              <Text size="sm">{t('mfa.secretLabel')}</Text>
              <Code block aria-label={t('mfa.secretLabel')}>
                {groupedSecret(enrolment.secret)}
              </Code>
              <TextInput
                label={t('mfa.codeLabel')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={7}
                value={code}
                onChange={(event) => setCode(event.currentTarget.value)}
                required
              />
              <Group>
                <Button type="submit" loading={busy} disabled={sessionOver}>
                  {t('mfa.confirm')}
                </Button>
                <Button variant="default" onClick={signOut}>
                  {t('header.signOut')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Container>
  );
}
