/**
 * Tier shapes, so a tier reads without its colour: MVC circle, MGC triangle, STC square, BZ diamond
 * (TIER_ORDER). All four have the same area for the same radius (π r²), so bubble area stays
 * proportional to revenue whatever the shape. One geometry for SVG paths and for the canvas layer.
 */

/** Polygon corners for radius 1, centred on the origin (y grows downwards), clockwise on screen. */
const SQUARE = Math.sqrt(Math.PI) / 2;
const TRIANGLE_SIDE = Math.sqrt((4 * Math.PI) / Math.sqrt(3));
const TRIANGLE_HEIGHT = (TRIANGLE_SIDE * Math.sqrt(3)) / 2;
const DIAMOND = Math.sqrt(Math.PI / 2);

export const POLYGONS: readonly (readonly (readonly [number, number])[] | null)[] = [
  null, // MVC: circle
  [
    [0, (-2 * TRIANGLE_HEIGHT) / 3],
    [TRIANGLE_SIDE / 2, TRIANGLE_HEIGHT / 3],
    [-TRIANGLE_SIDE / 2, TRIANGLE_HEIGHT / 3],
  ],
  [
    [-SQUARE, -SQUARE],
    [SQUARE, -SQUARE],
    [SQUARE, SQUARE],
    [-SQUARE, SQUARE],
  ],
  [
    [0, -DIAMOND],
    [DIAMOND, 0],
    [0, DIAMOND],
    [-DIAMOND, 0],
  ],
];

/** Names of the shapes in TIER_ORDER, for legends and descriptions. */
export const TIER_SHAPE_NAMES = ['circle', 'triangle', 'square', 'diamond'] as const;

const round = (n: number) => Math.round(n * 10) / 10;

/** SVG path data of tier `tier` (index into TIER_ORDER) at (x, y) with radius r. */
export function shapePath(tier: number, x: number, y: number, r: number): string {
  const polygon = POLYGONS[tier];
  if (!polygon) return `M${round(x - r)},${round(y)}a${round(r)},${round(r)} 0 1,0 ${round(2 * r)},0a${round(r)},${round(r)} 0 1,0 ${round(-2 * r)},0Z`;
  return `M${polygon.map(([dx, dy]) => `${round(x + dx * r)},${round(y + dy * r)}`).join('L')}Z`;
}
