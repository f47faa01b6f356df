/**
 * Whether Office's current theme is dark, from `Office.context.officeTheme.bodyBackgroundColor`
 * (relative luminance below 0.5). Undefined or malformed colours mean light.
 * @example
 * isDarkBackground('#262626') // => true
 */
export function isDarkBackground(color: string | undefined): boolean {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? '');
  if (!match) return false;
  const [red, green, blue] = [match[1], match[2], match[3]].map((hex) => parseInt(hex ?? 'ff', 16) / 255) as [
    number,
    number,
    number,
  ];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.5;
}
