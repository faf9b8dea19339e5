/**
 * Colours and fills for charts: each colour keeps at least 3:1 against the white page (WCAG's
 * contrast for graphics), the hues are the Okabe–Ito set that colour-blind readers tell apart,
 * and stacked parts also differ by a pattern, so no part is told by its colour alone.
 */
export const CHART_COLOURS = {
  blue: '#0072b2',
  vermillion: '#d55e00',
  green: '#007a5e',
  pink: '#a8447f',
  grey: '#6b7785',
  darkGreen: '#1d6b35',
} as const;

export const INK = '#1b1f24';
export const GRID = '#c9d1d9';
/** The page's own fonts, Arabic and Chinese included, for every label drawn on a canvas. */
export const CHART_FONT =
  "system-ui, 'Segoe UI', 'Noto Sans', 'Noto Sans Arabic', 'Noto Sans SC', sans-serif";

export type Hatch = 'solid' | 'diagonal' | 'dots' | 'cross' | 'horizontal';

const TILE = 10;
const patterns = new Map<string, CanvasPattern | string>();

/** A fill of the colour with light marks over it: diagonal stripes, dots, a cross-hatch, lines. */
export function hatched(colour: string, hatch: Hatch): CanvasPattern | string {
  if (hatch === 'solid') return colour;
  const key = `${colour}:${hatch}`;
  const known = patterns.get(key);
  if (known) return known;
  const tile = document.createElement('canvas');
  tile.width = TILE;
  tile.height = TILE;
  const ctx = tile.getContext('2d');
  if (!ctx) return colour;
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, TILE, TILE);
  ctx.strokeStyle = 'rgb(255 255 255 / 70%)';
  ctx.fillStyle = 'rgb(255 255 255 / 75%)';
  ctx.lineWidth = 2;
  ctx.beginPath();
  if (hatch === 'diagonal') {
    ctx.moveTo(0, TILE);
    ctx.lineTo(TILE, 0);
    ctx.moveTo(-TILE / 2, TILE / 2);
    ctx.lineTo(TILE / 2, -TILE / 2);
    ctx.moveTo(TILE / 2, TILE * 1.5);
    ctx.lineTo(TILE * 1.5, TILE / 2);
    ctx.stroke();
  } else if (hatch === 'cross') {
    ctx.moveTo(0, 0);
    ctx.lineTo(TILE, TILE);
    ctx.moveTo(0, TILE);
    ctx.lineTo(TILE, 0);
    ctx.stroke();
  } else if (hatch === 'horizontal') {
    ctx.moveTo(0, TILE / 2);
    ctx.lineTo(TILE, TILE / 2);
    ctx.stroke();
  } else {
    ctx.arc(TILE / 2, TILE / 2, 1.8, 0, Math.PI * 2);
    ctx.fill();
  }
  const pattern = ctx.createPattern(tile, 'repeat') ?? colour;
  patterns.set(key, pattern);
  return pattern;
}
