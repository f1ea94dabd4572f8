import {
  type CSSVariablesResolver,
  createTheme,
  defaultVariantColorsResolver,
  type MantineTheme,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

const AA_CONTRAST = 4.5;

/** Variants that draw coloured text on white or on a pale tint of the same colour. */
const TEXT_ON_LIGHT_VARIANTS = new Set(['light', 'subtle', 'outline']);

/**
 * Mantine draws light/subtle/outline text in shade 6 over a translucent tint, which is below WCAG AA
 * (4.5:1) for most colours. Here the tint is the opaque shade 0 and the text is shade 9 where that
 * passes, or black for the bright hues (yellow, lime, orange, green) where no shade does.
 */
const contrastSafeVariantColors: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (!TEXT_ON_LIGHT_VARIANTS.has(input.variant)) return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.color === 'dark') return colors;
  const textColor = readableShade(input.theme, parsed.color);
  return input.variant === 'light'
    ? { ...colors, background: `var(--mantine-color-${parsed.color}-0)`, color: textColor }
    : { ...colors, color: textColor };
};

function readableShade(theme: MantineTheme, color: string): string {
  const shades = theme.colors[color];
  const darkest = shades?.[9];
  const palest = shades?.[0];
  if (!darkest || !palest) return 'var(--mantine-color-black)';
  return contrastRatio(darkest, palest) >= AA_CONTRAST
    ? `var(--mantine-color-${color}-9)`
    : 'var(--mantine-color-black)';
}

function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG relative luminance of a `#rrggbb` colour. */
function relativeLuminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((start) => {
    const channel = Number.parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Contrast first: many users read on cheap phones outdoors. Shade 8 of blue on white and gray-7 for
 * "dimmed" text both pass WCAG AA; Mantine's defaults (shade 6, gray-6) do not.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  autoContrast: true,
  variantColorResolver: contrastSafeVariantColors,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
