import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { RemoveScroll } from '../src/vendor/appShellRemoveScroll.ts';

// The library as Mantine resolves it (it is Mantine's dependency, not the web app's).
const fromMantine = createRequire(createRequire(import.meta.url).resolve('@mantine/core'));

describe("AppShell's stand-in for react-remove-scroll", () => {
  it('gives the class names the library itself uses, so an open modal still offsets the header', () => {
    const library = fromMantine('react-remove-scroll') as {
      RemoveScroll: { classNames: Record<string, string> };
    };
    expect(RemoveScroll.classNames).toEqual(library.RemoveScroll.classNames);
  });
});
