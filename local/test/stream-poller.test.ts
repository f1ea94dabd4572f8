import { describe, expect, it } from 'vitest';
import { toLambdaAttribute, toLambdaRecord } from '../src/stream/lambda-records.ts';

/**
 * The local stream poller hands the projector what Lambda's event source mapping would: the SDK's
 * records converted to the `DynamoDBStreamEvent` shape (docs/decisions/0018).
 */
describe('a stream record as Lambda hands it over', () => {
  it('carries keys, both images, the sequence number and the creation time in whole seconds', () => {
    const record = toLambdaRecord(
      {
        eventID: 'e1',
        eventName: 'MODIFY',
        eventSource: 'aws:dynamodb',
        awsRegion: 'ap-southeast-3',
        dynamodb: {
          ApproximateCreationDateTime: new Date('2026-12-06T07:31:42.900Z'),
          Keys: { pk: { S: 'T#35.22#INNO#i1' }, sk: { S: 'A' } },
          OldImage: { periodYear: { N: '2026' } },
          NewImage: { periodYear: { N: '2027' } },
          SequenceNumber: '000000000000000000042',
          SizeBytes: 120,
          StreamViewType: 'NEW_AND_OLD_IMAGES',
        },
      },
      'arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/2026-12-06T07:00:00.000',
    );
    expect(record).toMatchObject({
      eventID: 'e1',
      eventName: 'MODIFY',
      eventSourceARN: 'arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/2026-12-06T07:00:00.000',
      dynamodb: {
        ApproximateCreationDateTime: Date.parse('2026-12-06T07:31:42Z') / 1000,
        Keys: { pk: { S: 'T#35.22#INNO#i1' }, sk: { S: 'A' } },
        OldImage: { periodYear: { N: '2026' } },
        NewImage: { periodYear: { N: '2027' } },
        SequenceNumber: '000000000000000000042',
      },
    });
  });

  it('gives binary values as base64 and keeps nested maps and lists', () => {
    expect(
      toLambdaAttribute({
        M: {
          bytes: { B: new Uint8Array([1, 2, 3]) },
          list: { L: [{ N: '1' }, { BOOL: true }, { NULL: true }, { SS: ['a', 'b'] }] },
        },
      }),
    ).toEqual({
      M: {
        bytes: { B: 'AQID' },
        list: { L: [{ N: '1' }, { BOOL: true }, { NULL: true }, { SS: ['a', 'b'] }] },
      },
    });
  });
});
