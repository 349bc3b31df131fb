// Build time only: a label's TeX ($…$) rendered as MathML by KaTeX, as the prose's mathematics is,
// so a screen reader reads "M sub h" and the page needs no script or font for it. The rest of the
// label is escaped text.
import katex from 'katex';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function labelHtml(label: string): string {
  return label
    .split(/(\$[^$]+\$)/)
    .map((part) => (part.startsWith('$') && part.endsWith('$') && part.length > 1
      ? katex.renderToString(part.slice(1, -1), { output: 'mathml', throwOnError: true })
      : escape(part)))
    .join('');
}
