import { describe, expect, it } from 'vitest';
import { verifySignatureV4 } from '../src/sigv4.ts';

/**
 * The examples of Amazon S3's Signature Version 4 documentation ("Examples: Signature calculations
 * in AWS Signature Version 4"): the example key, bucket and date, and the signatures S3 computed.
 */
const EXAMPLE_KEY = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const SIGNED_AT = Date.UTC(2013, 4, 24, 0, 0, 0);
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const getObject = {
  method: 'GET',
  url: '/test.txt',
  headers: {
    host: 'examplebucket.s3.amazonaws.com',
    range: 'bytes=0-9',
    'x-amz-content-sha256': EMPTY_SHA256,
    'x-amz-date': '20130524T000000Z',
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
  },
};

const presignedGet = {
  method: 'GET',
  url:
    '/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
    '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
    '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
  headers: { host: 'examplebucket.s3.amazonaws.com' },
};

describe('Signature Version 4 as S3 checks it', () => {
  it('accepts the documentation’s header-signed GET, and nothing changed in it', () => {
    expect(verifySignatureV4(getObject, EXAMPLE_KEY, SIGNED_AT)).toEqual({ ok: true });
    const changed = [
      { ...getObject, url: '/other.txt' },
      { ...getObject, method: 'DELETE' },
      { ...getObject, headers: { ...getObject.headers, range: 'bytes=0-99' } },
      { ...getObject, headers: { ...getObject.headers, host: '127.0.0.1:9000' } },
    ];
    for (const request of changed) {
      expect(verifySignatureV4(request, EXAMPLE_KEY, SIGNED_AT)).toMatchObject({
        ok: false,
        code: 'SignatureDoesNotMatch',
      });
    }
    expect(
      verifySignatureV4(getObject, { ...EXAMPLE_KEY, secretAccessKey: 'tebakan' }, SIGNED_AT),
    ).toMatchObject({
      ok: false,
    });
    // Twenty minutes off the store's clock.
    expect(verifySignatureV4(getObject, EXAMPLE_KEY, SIGNED_AT + 20 * 60_000)).toMatchObject({ ok: false });
  });

  it('accepts the documentation’s presigned GET until it expires', () => {
    expect(verifySignatureV4(presignedGet, EXAMPLE_KEY, SIGNED_AT + 60_000)).toEqual({ ok: true });
    expect(verifySignatureV4(presignedGet, EXAMPLE_KEY, SIGNED_AT + 86_401_000)).toMatchObject({
      ok: false,
      code: 'AccessDenied',
    });
    const longer = {
      ...presignedGet,
      url: presignedGet.url.replace('X-Amz-Expires=86400', 'X-Amz-Expires=172800'),
    };
    expect(verifySignatureV4(longer, EXAMPLE_KEY, SIGNED_AT + 60_000)).toMatchObject({ ok: false });
  });

  it('refuses an unsigned request', () => {
    expect(
      verifySignatureV4({ method: 'GET', url: '/test.txt', headers: { host: 'x' } }, EXAMPLE_KEY, SIGNED_AT),
    ).toMatchObject({ ok: false, code: 'AccessDenied' });
  });
});
