import { useMergedRef } from '@mantine/hooks';
import type { Ref } from 'react';

/**
 * Stands in for @floating-ui/react inside Mantine's ScrollArea (see `scrollAreaWithoutFloatingUi` in
 * vite.config.ts). ScrollArea imports only `useMergeRefs` from that package, but the bundler cannot
 * split one module: every Table (its scroll container is a ScrollArea) pulled all of floating-ui,
 * about 10 KB gzip, into screens that open no popover. Mantine's own hook merges refs the same way.
 */
export function useMergeRefs<T>(refs: ReadonlyArray<Ref<T> | undefined>) {
  return useMergedRef(...refs);
}
