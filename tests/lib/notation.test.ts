// Labels write notation as the prose does: TeX between dollar signs, rendered as MathML at build,
// and as Unicode or words where only text fits. No ASCII notation (M_h, 2^bits, log10) is left in
// any label, help text or option, in either form.
import { describe, expect, it } from 'vitest';
import { plainLabel } from '../../src/core/format';
import { labelHtml } from '../../src/site/tex';
import { catalogSchemas } from '../support/schemas';
import { ASCII_NOTATION } from '../support/notation';

const texts = Object.entries(catalogSchemas()).flatMap(([widget, schema]) =>
  Object.entries(schema).flatMap(([name, p]) => [
    { where: `${widget}.${name} label`, text: p.label },
    ...(p.help ? [{ where: `${widget}.${name} help`, text: p.help }] : []),
    ...(p.kind === 'number' && p.unit ? [{ where: `${widget}.${name} unit`, text: p.unit }] : []),
    ...(p.kind === 'choice' ? p.options.map((o) => ({ where: `${widget}.${name} option ${o.value}`, text: o.label })) : []),
  ]),
);

describe('notation in labels', () => {
  it('plain text has no ASCII notation and no leftover TeX', () => {
    const bad = texts.map((t) => ({ ...t, plain: plainLabel(t.text) })).filter((t) => ASCII_NOTATION.test(t.plain) || /[$\\]/.test(t.plain));
    expect(bad).toEqual([]);
  });

  it('outside $…$, labels have no ASCII notation either', () => {
    const bad = texts.filter((t) => ASCII_NOTATION.test(t.text.replace(/\$[^$]+\$/g, '')));
    expect(bad).toEqual([]);
  });

  it('writes TeX as Unicode or words, and as MathML at build', () => {
    expect(plainLabel('Non-schemer variants, $\\log_{10} M_h$')).toBe('Non-schemer variants, log₁₀ Mₕ');
    expect(plainLabel('$c_r$, $\\gamma^h$, $2^b$')).toBe('cᵣ, γʰ, 2ᵇ');
    expect(plainLabel('about $e^{B/T}$ time')).toBe('about exp(B/T) time');
    expect(plainLabel('$a_h/(a_h + M\\cdot a_s)$')).toBe('aₕ/(aₕ + M·aₛ)');
    expect(plainLabel('$(1 - p)^{\\Delta}$')).toBe('(1 − p) to the power Δ');
    const html = labelHtml('Schemer half-width $a_s$ <b>');
    expect(html).toMatch(/^Schemer half-width <span class="katex"><math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML">/);
    expect(html).toContain('<msub><mi>a</mi><mi>s</mi></msub>');
    expect(html).toMatch(/&lt;b&gt;$/);
  });
});
