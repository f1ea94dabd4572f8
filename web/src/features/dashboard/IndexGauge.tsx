import '../../i18n/id-dashboard.ts';
import type { Predicate, Rubric } from '../../api/model.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';

/** Band colours, darkest for the best band; all reach 3:1 against white as graphics (WCAG 1.4.11). */
export const PREDICATE_COLOR: Record<Predicate, string> = {
  'Sangat Inovatif': 'var(--mantine-color-teal-8)',
  Inovatif: 'var(--mantine-color-blue-7)',
  'Kurang Inovatif': 'var(--mantine-color-orange-8)',
  'Tidak Dapat Dinilai': 'var(--mantine-color-gray-6)',
};

/** For text (badges): the theme's contrast-safe light variant of the same hue. */
export const PREDICATE_THEME_COLOR: Record<Predicate, string> = {
  'Sangat Inovatif': 'teal',
  Inovatif: 'blue',
  'Kurang Inovatif': 'orange',
  'Tidak Dapat Dinilai': 'gray',
};

const CX = 160;
const CY = 150;
const R = 120;
const STROKE = 26;

/** The point on the half circle for an index 0–100 (0 on the left, 100 on the right). */
function point(value: number, radius = R): [number, number] {
  const angle = Math.PI * (1 - Math.min(100, Math.max(0, value)) / 100);
  return [CX + radius * Math.cos(angle), CY - radius * Math.sin(angle)];
}

function arc(from: number, to: number): string {
  const [x1, y1] = point(from);
  const [x2, y2] = point(to);
  return `M ${x1.toFixed(2)} ${y1.toFixed(2)} A ${R} ${R} 0 0 1 ${x2.toFixed(2)} ${y2.toFixed(2)}`;
}

interface Props {
  rubric: Rubric;
  verified: number;
  claimed: number;
  predicate: Predicate;
}

/**
 * A half-circle gauge of the projected index over the rubric's predicate bands (65.01 / 40.01 / 0.01
 * under iid-2026): the needle is the verified index, the open marker the claimed one. Plain SVG, so the
 * first screen of the dashboard needs no chart library; the numbers are also written out as text.
 */
export function IndexGauge({ rubric, verified, claimed, predicate }: Props) {
  const t = useT();
  const format = useFormat();
  const bands = [...rubric.predicateBands].sort((a, b) => a.min - b.min);
  const [nx, ny] = point(verified, R - STROKE / 2 - 8);
  const [cx1, cy1] = point(claimed, R + STROKE / 2 + 2);
  const [cx2, cy2] = point(claimed, R + STROKE / 2 + 14);
  const label = t('dashboard.gaugeLabel', {
    verified: format.decimal(verified),
    claimed: format.decimal(claimed),
    predicate,
  });
  return (
    <svg
      viewBox="0 0 320 190"
      role="img"
      aria-label={label}
      style={{ width: '100%', maxWidth: 420, display: 'block', margin: '0 auto' }}
      data-testid="index-gauge"
    >
      <title>{label}</title>
      {bands.map((band, index) => (
        <path
          key={band.predicate}
          d={arc(index === 0 ? 0 : band.min, band.max)}
          stroke={PREDICATE_COLOR[band.predicate]}
          strokeWidth={STROKE}
          fill="none"
          data-band={band.predicate}
        />
      ))}
      {bands.slice(1).map((band) => {
        const [x, y] = point(band.min, R - STROKE / 2 - 14);
        return (
          <text
            key={band.predicate}
            x={x}
            y={y}
            fontSize="11"
            textAnchor="middle"
            fill="var(--mantine-color-gray-9)"
            data-testid="band-threshold"
          >
            {format.decimal(band.min)}
          </text>
        );
      })}
      <text x={CX - R} y={CY + 18} fontSize="11" textAnchor="middle" fill="var(--mantine-color-gray-9)">
        0
      </text>
      <text x={CX + R} y={CY + 18} fontSize="11" textAnchor="middle" fill="var(--mantine-color-gray-9)">
        100
      </text>
      <line
        x1={cx1}
        y1={cy1}
        x2={cx2}
        y2={cy2}
        stroke="var(--mantine-color-dark-7)"
        strokeWidth={4}
        strokeDasharray="3 2"
      />
      <line
        x1={CX}
        y1={CY}
        x2={nx}
        y2={ny}
        stroke="var(--mantine-color-dark-9)"
        strokeWidth={4}
        strokeLinecap="round"
      />
      <circle cx={CX} cy={CY} r={7} fill="var(--mantine-color-dark-9)" />
      <text
        x={CX}
        y={CY + 34}
        fontSize="26"
        fontWeight="700"
        textAnchor="middle"
        fill="var(--mantine-color-dark-9)"
      >
        {format.decimal(verified)}
      </text>
    </svg>
  );
}
