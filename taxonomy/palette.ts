// Term colours. A term's colour is painted as a translucent highlight (HIGHLIGHT_ALPHA) over the page, which may be
// white with dark text or dark with light text; the palette is chosen so that both stay readable (text contrast) and
// the highlight stays visible, and the colour math below is what the tests and the colour picker for imported codes
// measure that with.

export const HIGHLIGHT_ALPHA = 0.4;

/** Saturated, mid-light hues for the work-area scheme: far apart from one another when blended on either background. */
export const AREA_COLOURS = [
  '#e6194b', '#3cb44b', '#ffe119', '#4363d8', '#f58231',
  '#a44fd6', '#42d4f4', '#f032e6', '#bfef45', '#469990',
] as const;

/** Softer hues for the report-structure scheme, so that a structure highlight does not shout over a work-area one. */
export const REPORT_COLOURS = [
  '#b07a3a', '#c0392b', '#9e9d24', '#5c6bc0', '#9e9e9e',
  '#f48fb1', '#ffb74d', '#66bb6a', '#b39ddb', '#26a69a',
] as const;

export const PAGE_BACKGROUNDS = {
  light: { background: '#ffffff', text: '#1a1a1a' },
  dark: { background: '#121212', text: '#e8e8e8' },
} as const;

type Rgb = [number, number, number];

const HEX_COLOUR = /^#[0-9a-f]{6}$/;

/** `#RGB`/`#RRGGBB` in any case → `#rrggbb`, or undefined when it is not a hex colour. */
export function normaliseColour(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  if (/^#[0-9a-f]{3}$/.test(v)) return `#${v[1]}${v[1]}${v[2]}${v[2]}${v[3]}${v[3]}`;
  return HEX_COLOUR.test(v) ? v : undefined;
}

function toRgb(hex: string): Rgb {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** The colour a highlight shows as over a background. */
export function blend(colour: string, background: string, alpha = HIGHLIGHT_ALPHA): string {
  const c = toRgb(colour);
  const b = toRgb(background);
  return toHex([0, 1, 2].map((i) => alpha * c[i] + (1 - alpha) * b[i]) as Rgb);
}

function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  const [r, g, b] = toRgb(hex).map(linear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function toLab(hex: string): Rgb {
  const [r, g, b] = toRgb(hex).map(linear);
  const f = (v: number) => (v > 0.008856 ? Math.cbrt(v) : 7.787 * v + 16 / 116);
  const x = f((r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047);
  const y = f(r * 0.2126 + g * 0.7152 + b * 0.0722);
  const z = f((r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** CIE76 ΔE: about 2 is a just-noticeable difference, above 10 colours read as different. */
export function deltaE(a: string, b: string): number {
  const p = toLab(a);
  const q = toLab(b);
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** How far apart two highlight colours look on the worse of the two page backgrounds. */
export function highlightDistance(a: string, b: string): number {
  return Math.min(
    ...Object.values(PAGE_BACKGROUNDS).map(({ background }) =>
      deltaE(blend(a, background), blend(b, background)),
    ),
  );
}

function toHsl(hex: string): Rgb {
  const [r, g, b] = toRgb(hex).map((c) => c / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h * 60, s, l];
}

function fromHsl([h, s, l]: Rgb): string {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return toHex([f(0) * 255, f(8) * 255, f(4) * 255]);
}

/**
 * The colour of a parent's index-th child: the parent's hue family, stepped in hue and lightness so that siblings
 * differ while the family still reads as its area at a glance.
 */
export function childShade(parent: string, index: number): string {
  const [h, s, l] = toHsl(parent);
  const step = Math.floor(index / 2) + 1;
  const sign = index % 2 === 0 ? 1 : -1;
  const hue = (h + sign * 14 * step + 360) % 360;
  const saturation = Math.min(1, s * 0.9 + 0.05);
  let lightness = Math.min(0.62, Math.max(0.4, l + sign * 0.05 * step));
  // Bright hues (yellows, limes) carry more luminance at the same lightness: darken until light text still reads.
  while (lightness > 0.3 && !readable(fromHsl([hue, saturation, lightness]))) lightness -= 0.02;
  return fromHsl([hue, saturation, lightness]);
}

/** Text stays at WCAG AA contrast over the highlight on both page backgrounds. */
export function readable(colour: string): boolean {
  return Object.values(PAGE_BACKGROUNDS).every(({ background, text }) => contrast(blend(colour, background), text) >= 4.5);
}

const CANDIDATES: readonly string[] = [...AREA_COLOURS, ...REPORT_COLOURS];
const BACKGROUNDS = Object.values(PAGE_BACKGROUNDS).map(({ background }) => background);

/** A colour as it shows over each page background, in Lab: what highlightDistance compares. */
function shownLab(colour: string): Rgb[] {
  return BACKGROUNDS.map((background) => toLab(blend(colour, background)));
}

const labDistance = (p: Rgb, q: Rgb) => Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);

let candidateLabs: Rgb[][] | undefined;

/**
 * Colours for codes that arrive without one (an imported codebook, a file's new tags): each the palette colour
 * farthest from every colour already in use, and once the palette is used up, the one used least. It keeps, for
 * each of the 20 palette colours, its distance to the nearest colour in use, so that learning a colour and picking
 * one cost 20 distance computations whatever the number of terms: a codebook of thousands of codes is coloured in
 * linear time (measuring every candidate against every used colour for every new code took minutes for 2,000).
 */
export class ColourPicker {
  private readonly nearest = CANDIDATES.map(() => Infinity);
  private readonly uses = CANDIDATES.map(() => 0);
  private readonly seen = new Set<string>();

  constructor(used: Iterable<string> = []) {
    for (const colour of used) this.use(colour);
  }

  /** Counts a colour as in use. */
  use(colour: string): void {
    const c = normaliseColour(colour);
    if (!c) return;
    const index = CANDIDATES.indexOf(c);
    if (index >= 0) this.uses[index]++;
    // The same colour again moves no distance; most codebooks repeat a few colours many times.
    if (this.seen.has(c)) return;
    this.seen.add(c);
    const labs = shownLab(c);
    candidateLabs ??= CANDIDATES.map(shownLab);
    candidateLabs.forEach((candidate, i) => {
      const d = Math.min(...candidate.map((lab, b) => labDistance(lab, labs[b])));
      if (d < this.nearest[i]) this.nearest[i] = d;
    });
  }

  /** The colour for the next code, which from then on counts as in use. */
  next(): string {
    let best = 0;
    for (let i = 1; i < CANDIDATES.length; i++) {
      const [a, b] = [this.nearest[i], this.nearest[best]];
      // Equally far (as every candidate is, at 0, once the palette is used up): the less used one wins.
      const tie = a === b || Math.abs(a - b) < 1e-9;
      if (tie ? this.uses[i] < this.uses[best] : a > b) best = i;
    }
    const colour = CANDIDATES[best];
    this.use(colour);
    return colour;
  }
}

/** The palette colour farthest from those already used, for one code that arrives without one. */
export function pickColour(used: readonly string[]): string {
  return new ColourPicker(used).next();
}
