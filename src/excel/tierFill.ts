/**
 * Fill colours for value tiers, best tier first. Light tints so black text keeps WCAG AA contrast
 * (all above 12:1); the tier name is always written in the cell too, never colour alone.
 */
export const TIER_FILLS: readonly string[] = ['#C6EFCE', '#DDEBF7', '#FFEB9C', '#FCE4D6', '#EDEDED', '#E4DFEC'];

/**
 * The fill for the tier at `index` in the result's tier order (cycles when there are more tiers).
 * @example
 * tierFill(0) // => '#C6EFCE'
 */
export function tierFill(index: number): string {
  return TIER_FILLS[index % TIER_FILLS.length] ?? '#FFFFFF';
}
