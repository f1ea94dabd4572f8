import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  type OutboxMessage,
  platformRegistryScope,
  platformRepositoryFor,
  repositoriesFor,
  type ScopedClientFactory,
  tenantScope,
} from '@inovasi/data';

/** Where e-mail goes: SES in AWS; a file of JSON lines in the embedded default (tests read it). */
export interface MailSink {
  send(message: OutboxMessage & { tenantCode: string }): Promise<void>;
}

export function fileMailSink(path: string): MailSink {
  return {
    async send(message) {
      await mkdir(dirname(path), { recursive: true });
      await appendFile(path, `${JSON.stringify(message)}\n`, 'utf8');
    },
  };
}

/**
 * Sends every pending outbox message once it is in the sink, then marks it sent. A crash between
 * the two sends it again on the next run (at least once, never lost); the conditional mark keeps
 * two concurrent dispatchers from both marking.
 */
export async function dispatchOutbox(data: ScopedClientFactory, sink: MailSink): Promise<number> {
  const tenants = await platformRepositoryFor(data.forScope(platformRegistryScope)).list();
  let sent = 0;
  for (const tenant of tenants) {
    const outbox = repositoriesFor(data.forScope(tenantScope(tenant.code))).notifications;
    for (const message of await outbox.pendingOutbox()) {
      await sink.send({ ...message, tenantCode: tenant.code });
      if (await outbox.markSent(message)) sent++;
    }
  }
  return sent;
}
