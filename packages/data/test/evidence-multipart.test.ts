import { describe, expect, it } from 'vitest';
import { MIN_PART_BYTES, partLayoutFor, partLength, partsOutOfLayout } from '../src/evidence/multipart.ts';

const MIB = 1024 * 1024;

describe('the server’s part layout of a resumable upload', () => {
  it('cuts 5 MiB parts and a remainder that add up to the announced size', () => {
    const size = 200 * MIB + 123;
    const layout = partLayoutFor(size);
    expect(layout).toEqual({ partSize: MIN_PART_BYTES, partCount: 41 });
    const lengths = Array.from({ length: layout.partCount }, (_, index) =>
      partLength(size, layout, index + 1),
    );
    expect(lengths.reduce((sum, length) => sum + length, 0)).toBe(size);
    expect(lengths.at(-1)).toBe(123);
  });

  it('keeps a small file in one part and grows parts only past 10,000 of them', () => {
    expect(partLayoutFor(1)).toEqual({ partSize: MIN_PART_BYTES, partCount: 1 });
    expect(partLayoutFor(5 * MIB)).toEqual({ partSize: MIN_PART_BYTES, partCount: 1 });
    const huge = partLayoutFor(60_000 * MIB);
    expect(huge.partCount).toBeLessThanOrEqual(10_000);
    expect(huge.partSize).toBeGreaterThan(MIN_PART_BYTES);
  });

  it('names the parts that are missing, of another length, or beyond the layout', () => {
    const size = 11 * MIB;
    const layout = partLayoutFor(size);
    const part = (partNumber: number, bytes: number) => ({
      partNumber,
      etag: `"${partNumber}"`,
      size: bytes,
    });
    expect(partsOutOfLayout(size, layout, [part(1, 5 * MIB), part(2, 5 * MIB), part(3, MIB)])).toEqual([]);
    expect(partsOutOfLayout(size, layout, [part(1, 5 * MIB), part(3, MIB)])).toEqual([2]);
    expect(
      partsOutOfLayout(size, layout, [part(1, 5 * MIB), part(2, 5 * MIB - 1), part(3, MIB + 1)]),
    ).toEqual([2, 3]);
    expect(
      partsOutOfLayout(size, layout, [part(1, 5 * MIB), part(2, 5 * MIB), part(3, MIB), part(4, 1)]),
    ).toEqual([4]);
  });
});
