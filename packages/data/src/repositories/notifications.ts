import { QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@inovasi/core';
import { ulid } from 'ulid';
import { type TenantClients, tenantOf } from '../clients.ts';
import { cancelledConditions, isConditionFailure } from '../errors.ts';
import { keys } from '../keys.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { type TransactItem, toRecord } from './versioned.ts';

export type NotificationType =
  | 'returned'
  | 'queue'
  | 'deadline'
  | 'period_opened'
  | 'verified'
  | 'result'
  | 'target_reminder';

export interface Notification {
  readonly id: string;
  readonly userId: string;
  readonly type: NotificationType;
  readonly title_id: string;
  readonly title_en: string;
  /** Where in the app it leads, e.g. `/inovasi/<id>`. */
  readonly link?: string | undefined;
  readonly read: boolean;
  readonly createdAt: string;
}

/** An e-mail waiting to be sent: in AWS by SES from a worker, locally into a file the tests read. */
export interface OutboxMessage {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly status: 'pending' | 'sent';
  readonly createdAt: string;
  readonly sentAt?: string | undefined;
}

export interface Recipient {
  readonly userId: string;
  readonly email: string;
}

export interface NotificationContent {
  readonly type: NotificationType;
  readonly title_id: string;
  readonly title_en: string;
  readonly link?: string | undefined;
}

/** Notifications and outbox are kept half a year, then expire. */
const RETENTION_SECONDS = 183 * 24 * 60 * 60;

/** A member's in-app notifications and the tenant's e-mail outbox. */
export class NotificationRepository {
  constructor(private readonly clients: TenantClients) {}

  private get tenantCode(): string {
    return tenantOf(this.clients);
  }

  private get tableName() {
    return this.clients.config.tableName;
  }

  /**
   * The items that notify recipients in-app and by e-mail. Callers put them in the transaction
   * of the change that causes them, so a step and its notifications are written together.
   */
  items(
    recipients: readonly Recipient[],
    content: NotificationContent,
    now = new Date().toISOString(),
  ): TransactItem[] {
    const ttl = Math.floor(Date.parse(now) / 1000) + RETENTION_SECONDS;
    return recipients.flatMap((recipient) => {
      const id = ulid();
      const notification: Notification = {
        id,
        userId: recipient.userId,
        type: content.type,
        title_id: content.title_id,
        title_en: content.title_en,
        link: content.link,
        read: false,
        createdAt: now,
      };
      const message: OutboxMessage = {
        id,
        to: recipient.email,
        subject: `[Inovasi Daerah] ${content.title_id}`,
        text: `${content.title_id}\n\n${content.title_en}${content.link ? `\n\n${content.link}` : ''}`,
        status: 'pending',
        createdAt: now,
      };
      return [
        {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.notification(this.tenantCode, recipient.userId, now, id), ...notification, ttl },
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.outbox(this.tenantCode, now, id), ...message, ttl },
          },
        },
      ];
    });
  }

  /** One e-mail and nothing in-app (an invitation to someone who cannot sign in yet), for a transaction. */
  mailItem(to: string, subject: string, text: string, now = new Date().toISOString()): TransactItem {
    const ttl = Math.floor(Date.parse(now) / 1000) + RETENTION_SECONDS;
    const message: OutboxMessage = { id: ulid(), to, subject, text, status: 'pending', createdAt: now };
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...keys.outbox(this.tenantCode, now, message.id), ...message, ttl },
      },
    };
  }

  /**
   * Notifications not tied to one change (a period opening for every member, a deadline reminder):
   * one transaction per recipient writes a marker, the notification and the e-mail, so calling
   * again with the same key writes nothing twice.
   */
  async send(
    recipients: readonly Recipient[],
    content: NotificationContent & { dedupeKey: string },
    now = new Date().toISOString(),
  ): Promise<number> {
    let written = 0;
    for (const recipient of recipients) {
      const marker = {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.notificationMarker(this.tenantCode, `${content.dedupeKey}-${recipient.userId}`),
            at: now,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      };
      try {
        await this.clients.table.send(
          new TransactWriteCommand({ TransactItems: [marker, ...this.items([recipient], content, now)] }),
        );
        written++;
      } catch (error) {
        if (!cancelledConditions(error).includes(0)) throw error;
      }
    }
    return written;
  }

  /**
   * One e-mail to someone who may not be a member (an OPD head's copy of a reminder), at most once
   * per key: the marker and the message are one transaction.
   */
  async sendMail(
    to: string,
    subject: string,
    text: string,
    dedupeKey: string,
    now = new Date().toISOString(),
  ): Promise<boolean> {
    const marker = {
      Put: {
        TableName: this.tableName,
        Item: { ...keys.notificationMarker(this.tenantCode, dedupeKey), at: now },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
    try {
      await this.clients.table.send(
        new TransactWriteCommand({ TransactItems: [marker, this.mailItem(to, subject, text, now)] }),
      );
      return true;
    } catch (error) {
      if (!cancelledConditions(error).includes(0)) throw error;
      return false;
    }
  }

  async list(
    userId: string,
    options: { cursor?: string | undefined; limit: number },
  ): Promise<{ items: Notification[]; unread: number; nextCursor?: string | undefined }> {
    const partition = keys.notification(this.tenantCode, userId, '', '').pk;
    const [page, unread] = await Promise.all([
      this.clients.table.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': partition },
          ScanIndexForward: false,
          Limit: options.limit,
          ExclusiveStartKey: decodeCursor(options.cursor, { tenantCode: this.tenantCode, partition }),
        }),
      ),
      this.unreadCount(partition),
    ]);
    return {
      items: (page.Items ?? []).map((item) => toRecord<Notification>(item)),
      unread,
      nextCursor: encodeCursor(page.LastEvaluatedKey),
    };
  }

  private async unreadCount(partition: string): Promise<number> {
    let count = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.clients.table.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          FilterExpression: '#read = :false',
          ExpressionAttributeNames: { '#read': 'read' },
          ExpressionAttributeValues: { ':pk': partition, ':false': false },
          Select: 'COUNT',
          ExclusiveStartKey: startKey,
        }),
      );
      count += page.Count ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return count;
  }

  /** Marks one of the member's own notifications read; another member's cannot be reached by id. */
  async markRead(userId: string, notificationId: string): Promise<void> {
    const partition = keys.notification(this.tenantCode, userId, '', '').pk;
    const found = await this.clients.table.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: 'id = :id',
        ExpressionAttributeValues: { ':pk': partition, ':id': notificationId },
      }),
    );
    const item = found.Items?.[0];
    if (!item) throw new DomainError('not_found');
    await this.clients.table.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: 'SET #read = :true',
        ExpressionAttributeNames: { '#read': 'read' },
        ExpressionAttributeValues: { ':true': true },
      }),
    );
  }

  /** Pending e-mails, oldest first, for the dispatcher. */
  async pendingOutbox(limit = 100): Promise<OutboxMessage[]> {
    const result = await this.clients.table.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pk': keys.outbox(this.tenantCode, '', '').pk, ':pending': 'pending' },
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => toRecord<OutboxMessage>(item));
  }

  /** Marks a message sent only if it was still pending, so two dispatchers never both send it. */
  async markSent(message: OutboxMessage, now = new Date().toISOString()): Promise<boolean> {
    try {
      await this.clients.table.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.outbox(this.tenantCode, message.createdAt, message.id),
          UpdateExpression: 'SET #status = :sent, sentAt = :now',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sent': 'sent', ':pending': 'pending', ':now': now },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
