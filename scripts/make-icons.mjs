// Draws the add-in icon at every size the manifest declares: a four-tier customer pyramid
// (Platinum, Gold, Iron, Lead) on a green tile. Shapes are defined on a unit square and
// rendered with 8×8 supersampling so small sizes stay crisp. Run: node scripts/make-icons.mjs
import { PNG } from 'pngjs';
import { writeFileSync, mkdirSync } from 'node:fs';

export const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];

const GREEN_TOP = [0x1d, 0x9a, 0x5b];
const GREEN_BOTTOM = [0x0b, 0x5a, 0x2f];
const GOLD = [0xf5, 0xc5, 0x42];
const WHITE = [0xff, 0xff, 0xff];

function insideRoundedSquare(x, y, radius) {
  const dx = Math.max(radius - x, 0, x - (1 - radius));
  const dy = Math.max(radius - y, 0, y - (1 - radius));
  return dx * dx + dy * dy <= radius * radius;
}

// Four bands of a pyramid, top (narrow, gold) to bottom (wide, white): [top y, bottom y, half width].
const BANDS = [
  [0.2, 0.33, 0.1, GOLD],
  [0.38, 0.51, 0.19, WHITE],
  [0.56, 0.69, 0.28, WHITE],
  [0.74, 0.87, 0.37, WHITE],
];

function colourAt(x, y) {
  if (!insideRoundedSquare(x, y, 0.18)) return null;
  for (const [top, bottom, half, colour] of BANDS) {
    if (y >= top && y <= bottom && Math.abs(x - 0.5) <= half) return colour;
  }
  return GREEN_TOP.map((c, i) => c + (GREEN_BOTTOM[i] - c) * y);
}

export function renderIcon(size) {
  const png = new PNG({ width: size, height: size });
  const samples = 8;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = covered ? Math.round(r / covered) : 0;
      png.data[i + 1] = covered ? Math.round(g / covered) : 0;
      png.data[i + 2] = covered ? Math.round(b / covered) : 0;
      png.data[i + 3] = Math.round((255 * covered) / (samples * samples));
    }
  }
  return PNG.sync.write(png);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync('assets', { recursive: true });
  for (const size of ICON_SIZES) writeFileSync(`assets/icon-${size}.png`, renderIcon(size));
  console.log(`wrote assets/icon-{${ICON_SIZES.join(',')}}.png`);
}
