import { type CSSVariablesResolver, createTheme } from '@mantine/core';

/**
 * Contrast first: many users read on cheap phones outdoors. Shade 8 of blue on white and gray-7 for
 * "dimmed" text both pass WCAG AA (4.5:1); Mantine's defaults (shade 6, gray-6) do not.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  autoContrast: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
