/**
 * Colour contrast as WCAG 2.2 defines it (relative luminance of sRGB colours), for checking
 * an organisation's accent colour before it becomes the colour of links and buttons.
 */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

const HEX_COLOR_RE = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * An sRGB colour from a CSS hex colour `#rgb` or `#rrggbb`, or undefined.
 * @example parseHexColor('#1d4ed8') // { r: 29, g: 78, b: 216 }
 */
export function parseHexColor(text: string): Rgb | undefined {
  if (!HEX_COLOR_RE.test(text)) return undefined;
  const digits = text.length === 4 ? [...text.slice(1)].map((digit) => digit + digit).join('') : text.slice(1);
  return { r: parseInt(digits.slice(0, 2), 16), g: parseInt(digits.slice(2, 4), 16), b: parseInt(digits.slice(4, 6), 16) };
}

/**
 * The WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white).
 * @example contrastRatio({ r: 0, g: 0, b: 0 }, { r: 255, g: 255, b: 255 }) // 21
 */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function relativeLuminance({ r, g, b }: Rgb): number {
  const channel = (value: number): number => {
    const srgb = value / 255;
    return srgb <= 0.04045 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
