// Number formatting for results. Every function returns readable text for any finite input
// and a dash for anything else, so no page ever shows NaN, Infinity or undefined.

const MINUS = '−';
const DASH = '–';

function signed(s: string): string {
  return s.replace(/^-/, MINUS);
}

// One formatter, made once: Number#toLocaleString builds a new one per call, which cost a widget
// several milliseconds per update.
const EN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 10 });

/** Digits grouped by thousands, as written in English: 1234567 → "1,234,567" (a hyphen-minus sign). */
export function grouped(x: number): string {
  return EN.format(x);
}

/** A plain number with sensible precision: 1,234 · 0.0123 · 153.5 · 1.2e-7 shown as 1.2×10^−7. */
export function formatNumber(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return DASH;
  if (x === 0) return '0';
  const ax = Math.abs(x);
  if (ax >= 1e6 || ax < 1e-3) return formatPow10(Math.log10(ax), digits, x < 0);
  if (Number.isInteger(x) && ax < 1e6) return signed(grouped(x));
  const s = Number(x.toPrecision(digits));
  return signed(grouped(s));
}

/** Render a number known by its log10: 10^2402.3 → "2.0×10^2402". */
export function formatPow10(log10: number, digits = 2, negative = false): string {
  if (!Number.isFinite(log10)) return DASH;
  let e = Math.floor(log10);
  let m = Math.pow(10, log10 - e);
  let mText = m.toPrecision(digits);
  if (Number(mText) >= 10) {
    e += 1;
    m /= 10;
    mText = m.toPrecision(digits);
  }
  const sign = negative ? MINUS : '';
  if (e === 0) return sign + mText;
  return `${sign}${mText}×10${superscript(e)}`;
}

const SUP: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻',
};
export function superscript(n: number): string {
  return String(n).split('').map((c) => SUP[c] ?? c).join('');
}

/** A probability or share as a percentage; tiny values fall back to powers of ten. */
export function formatPercent(p: number, digits = 3): string {
  if (!Number.isFinite(p)) return DASH;
  if (p === 0) return '0%';
  if (p < 1e-4) return formatPow10(Math.log10(p), 2);
  if (Math.abs(p) >= 1e4) return `${formatPow10(Math.log10(Math.abs(p)) + 2, digits, p < 0)}%`;
  const pct = p * 100;
  return `${Number(pct.toPrecision(digits))}%`;
}

/** A probability given by its log10 (for values far below double precision). */
export function formatLog10Probability(log10p: number): string {
  if (!Number.isFinite(log10p)) return DASH;
  if (log10p > -4) return formatPercent(Math.pow(10, log10p));
  return formatPow10(log10p, 2);
}

/** A signed log10 quantity such as log-odds: "+2.18", "−0.47". */
export function formatSigned(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return DASH;
  const s = Number(x.toPrecision(digits));
  if (s === 0) return '0';
  return (s > 0 ? '+' : MINUS) + grouped(Math.abs(s));
}

// Notation in labels. Schema and output labels may hold TeX between dollar signs ("Non-schemer
// variants $M_h$"): the build renders it as MathML (src/site/tex.ts), the way the prose sets
// it, and `plainLabel` gives the same label as plain text, with Unicode sub- and superscripts
// where they exist and words where they do not, for the places that can only hold text (an
// <option>, aria-valuetext, a note, an SVG chart).
const TEX_SYMBOLS: Record<string, string> = {
  alpha: 'α', gamma: 'γ', Delta: 'Δ', eta: 'η', mu: 'μ', sigma: 'σ', theta: 'θ', ell: 'ℓ', cdot: '·', times: '×',
  int: '∫', propto: '∝', approx: '≈', le: '≤', ge: '≥', log: 'log', ',': '\u2009',
};
const SUB_CHARS: Record<string, string> = Object.fromEntries(
  [...'0123456789+−=()aehijklmnoprstuvx'].map((c, i) => [c, '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ'[i]]),
);
const SUP_CHARS: Record<string, string> = Object.fromEntries(
  [...'0123456789+−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUWα'].map((c, i) => [c, [...'⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁᵂᵅ'][i]]),
);

function texToText(tex: string): string {
  // TeX drops the space after a control word (\cdot a), so the text does too.
  const symbols = tex.replace(/\\([A-Za-z]+) ?|\\(,)/g, (m, name?: string, comma?: string) => TEX_SYMBOLS[name ?? comma ?? ''] ?? name ?? '').replace(/-/g, '−');
  const script = (chars: Record<string, string>, body: string) => ([...body].every((c) => c in chars) ? [...body].map((c) => chars[c]).join('') : null);
  return symbols
    .replace(/_(\{[^}]*\}|.)/g, (_, g: string) => {
      const body = g.replace(/^\{|\}$/g, '');
      return script(SUB_CHARS, body) ?? ` ${body}`;
    })
    .replace(/(\S)\^(\{[^}]*\}|.)/g, (_, base: string, g: string) => {
      const body = g.replace(/^\{|\}$/g, '');
      const sup = script(SUP_CHARS, body);
      if (sup) return base + sup;
      return base === 'e' ? `exp(${body})` : `${base} to the power ${body}`;
    })
    .replace(/[{}]/g, '');
}

/** A label with its TeX ($…$) written as plain text. */
export function plainLabel(label: string): string {
  return label.replace(/\$([^$]+)\$/g, (_, tex: string) => texToText(tex));
}
