import { SESv2Client, SendEmailCommand, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import type { MailSink } from './outbox.ts';

type OutboxMail = Parameters<MailSink['send']>[0];

/**
 * One outbox message as an SES simple e-mail. UTF-8 is stated explicitly: titles carry typographic
 * quotes and names with diacritics, and SES would otherwise assume ASCII. The tenant is not sent
 * as an SES message tag: tags become CloudWatch dimensions once event publishing is on (a billed
 * metric per tenant).
 */
export function sesEmailOf(message: OutboxMail, fromAddress: string): SendEmailCommandInput {
  return {
    FromEmailAddress: fromAddress,
    Destination: { ToAddresses: [message.to] },
    Content: {
      Simple: {
        Subject: { Data: message.subject, Charset: 'UTF-8' },
        Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
      },
    },
  };
}

/**
 * The AWS mail sink: SES (v2 `SendEmail`) from a verified sender identity. A refused message
 * throws, so the outbox keeps it pending and the next run tries again (at least once, never lost).
 */
export function sesMailSink(fromAddress: string, region: string): MailSink {
  const client = new SESv2Client({ region });
  return {
    async send(message) {
      await client.send(new SendEmailCommand(sesEmailOf(message, fromAddress)));
    },
  };
}
