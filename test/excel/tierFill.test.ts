import { TIER_FILLS, tierFill } from '../../src/excel/tierFill';

/** WCAG 2.2 relative luminance of an sRGB colour '#RRGGBB' (Understanding SC 1.4.3, "relative luminance"). */
function luminance(hex: string): number {
  const channel = (offset: number): number => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio (L1 + 0.05) / (L2 + 0.05), lighter over darker. */
function contrast(first: string, second: string): number {
  const [light, dark] = [luminance(first), luminance(second)].sort((p, q) => q - p) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('tier fills', () => {
  it('the WCAG formula gives the known extremes (black on white 21:1, white on white 1:1)', () => {
    expect(contrast('#000000', '#FFFFFF')).toBeCloseTo(21, 10);
    expect(contrast('#FFFFFF', '#FFFFFF')).toBe(1);
  });

  it('every fill keeps Excel’s default black text above WCAG 2.2 AA (4.5:1), in fact above 12:1', () => {
    const ratios = TIER_FILLS.map((fill) => contrast(fill, '#000000'));
    expect(ratios.every((ratio) => ratio >= 12)).toBe(true);
  });

  it('tiers get distinct fills, cycling beyond the palette', () => {
    expect(new Set(TIER_FILLS).size).toBe(TIER_FILLS.length);
    expect(tierFill(TIER_FILLS.length)).toBe(tierFill(0));
  });
});
