import { afterEach, describe, expect, it } from 'vitest';
import { assertJava, JavaMissingError } from '../src/java.ts';

const originalPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = originalPath;
});

describe('the Java check before DynamoDB Local starts', () => {
  it('passes on this machine, which has Java 17+', () => {
    expect(() => assertJava()).not.toThrow();
  });

  it('says how to install Java when none is on PATH', () => {
    process.env.PATH = '/nonexistent';
    expect(() => assertJava()).toThrow(JavaMissingError);
    expect(() => assertJava()).toThrow(/apt-get install -y openjdk-17-jre-headless/);
  });
});
