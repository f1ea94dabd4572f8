import type { _Record, AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';

/**
 * The Streams API's records turned into what Lambda's event source mapping hands a function, so
 * the same handler runs behind both (docs/decisions/0018).
 */

/** Binary values arrive as bytes from the SDK and as base64 in a Lambda event. */
export function toLambdaAttribute(value: SdkAttributeValue): AttributeValue {
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: value.NULL };
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.SS !== undefined) return { SS: value.SS };
  if (value.NS !== undefined) return { NS: value.NS };
  if (value.BS !== undefined) return { BS: value.BS.map((bytes) => Buffer.from(bytes).toString('base64')) };
  if (value.L !== undefined) return { L: value.L.map(toLambdaAttribute) };
  if (value.M !== undefined) return { M: toLambdaImage(value.M) ?? {} };
  // A type newer than this SDK: carried as NULL rather than guessed at.
  return { NULL: true };
}

export function toLambdaImage(
  image: Record<string, SdkAttributeValue> | undefined,
): Record<string, AttributeValue> | undefined {
  if (image === undefined) return undefined;
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toLambdaAttribute(value)]));
}

/** One record as Lambda's event source mapping would hand it over. */
export function toLambdaRecord(record: _Record, streamArn: string): DynamoDBRecord {
  const change = record.dynamodb;
  const approximate = change?.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: record.eventSource ?? 'aws:dynamodb',
    awsRegion: record.awsRegion,
    eventSourceARN: streamArn,
    dynamodb: {
      // Lambda gives whole seconds since the epoch.
      ApproximateCreationDateTime:
        approximate === undefined ? undefined : Math.floor(new Date(approximate).getTime() / 1000),
      Keys: toLambdaImage(change?.Keys),
      NewImage: toLambdaImage(change?.NewImage),
      OldImage: toLambdaImage(change?.OldImage),
      SequenceNumber: change?.SequenceNumber,
      SizeBytes: change?.SizeBytes,
      StreamViewType: change?.StreamViewType,
    },
  };
}

export const sequenceOf = (record: _Record) => BigInt(record.dynamodb?.SequenceNumber ?? '0');
