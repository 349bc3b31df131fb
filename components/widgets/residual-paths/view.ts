// residual-paths: how path lengths and gradient are distributed over a residual network's paths.
import { areaY, lineY, plot, rectY, ruleX, ruleY, text } from '@observablehq/plot';
import { schema, type Params, type Result } from '../../../src/models/residual-paths';
import { dragHandle } from '../../../src/kit/drag';
export { model } from '../../../src/models/residual-paths';
import type { WidgetView } from '../../../src/kit/view';
import { formatNumber, formatPercent, formatPow10 } from '../../../src/core/format';

export const view: WidgetView<typeof schema, Result> = {
  outputs(r: Result, p: Params) {
    return [
      { name: 'paths', label: 'Paths through the network', value: r.log10Paths, text: formatPow10(r.log10Paths, 3) },
      { name: 'share', label: `Share of paths with length ${p.from}–${p.to}`, value: r.share, text: formatPercent(r.share) },
      { name: 'gradient-share', label: `Share of gradient from those paths`, value: r.gradientShare, text: formatPercent(r.gradientShare) },
      { name: 'effective-mean', label: 'Mean length, weighted by gradient', value: r.effectiveMean, text: formatNumber(r.effectiveMean, 3) },
      { name: 'effective-from', label: 'Gradient’s central 90%: from', value: r.effectiveFrom, text: String(r.effectiveFrom) },
      { name: 'effective-to', label: 'to', value: r.effectiveTo, text: String(r.effectiveTo) },
    ];
  },

  chart(r: Result, p: Params, { document, width }) {
    const rows = r.pathDistribution.flatMap((share, k) => [
      { k, share, series: 'paths' },
      { k, share: r.gradientDistribution[k], series: 'gradient' },
    ]);
    const top = Math.max(...r.pathDistribution, ...r.gradientDistribution);
    const [from, to] = [p.from as number, p.to as number];
    const blocks = p.blocks as number;
    const pathsPeak = Math.round(blocks / 2);
    const gradientPeak = r.gradientDistribution.indexOf(Math.max(...r.gradientDistribution));
    const close = Math.abs(pathsPeak - gradientPeak) * (width / Math.max(1, blocks)) < 70;
    const chart = plot({
      document,
      width,
      height: Math.round(Math.min(320, width * 0.55)),
      marginLeft: 48,
      x: { label: 'Path length k (residual branches taken) →', domain: [0, p.blocks as number] },
      y: { label: '↑ Share at each length', tickFormat: (d: number) => `${Math.round(d * 100)}%`, grid: true, domain: [0, top * 1.08] },
      color: { domain: ['paths', 'gradient'], range: ['var(--series-1)', 'var(--series-2)'] },
      marks: [
        rectY([0], { x1: from - 0.5, x2: to + 0.5, y1: 0, y2: top * 1.08, fill: 'var(--band)' }),
        ruleX([from - 0.5, to + 0.5], { y1: 0, y2: top * 1.08, stroke: 'var(--band-edge)', strokeWidth: 1.5 }),
        areaY(rows, { x: 'k', y: 'share', z: 'series', fill: 'series', fillOpacity: 0.25, curve: 'step' }),
        lineY(rows, { x: 'k', y: 'share', z: 'series', stroke: 'series', strokeWidth: 2, curve: 'step' }),
        // Over each peak; when the peaks are close, both at the higher one’s height, one above the other.
        text([{ k: pathsPeak, share: close ? top : r.pathDistribution[pathsPeak] }], {
          x: 'k', y: 'share', text: () => 'all paths', dy: -10, fill: 'var(--series-1)', fontWeight: 'bold',
        }),
        text([{ k: gradientPeak, share: close ? top : Math.max(...r.gradientDistribution) }], {
          x: 'k', y: 'share', text: () => 'gradient', dy: close ? -24 : -10, fill: 'var(--series-2)', fontWeight: 'bold',
        }),
        ruleY([0]),
      ],
      ariaLabel: 'Distribution of path lengths and of gradient over path lengths',
    });
    // The band's two edges are handles that mirror the "from" and "to" settings (a length k is
    // drawn from k − 0.5 to k + 0.5, so each edge sits half a block outside its value).
    const x = chart.scale('x')!;
    const y = chart.scale('y')!;
    const [d0, d1] = x.domain as [number, number];
    const [y1, y2] = [y.apply(top * 1.08), y.apply(0)];
    for (const [param, value, shift] of [['from', from, -0.5], ['to', to, 0.5]] as const) {
      chart.append(dragHandle(document, {
        param, p: schema[param], value, domain: [d0 - shift, d1 - shift],
        range: x.range as [number, number], y1, y2,
        label: param === 'from' ? 'Band start: shortest path length in the band' : 'Band end: longest path length in the band',
        valueText: `${value} blocks`,
      }));
    }
    return chart;
  },

  sentence(r: Result, p: Params) {
    const lengths = p.from === p.to ? `of length ${p.from}` : `of lengths ${p.from}–${p.to}`;
    return `Paths ${lengths} are ${formatPercent(r.share)} of all paths but carry ${formatPercent(r.gradientShare)} of the gradient.`;
  },

  summary(r: Result, p: Params) {
    const n = p.blocks as number;
    return `Of the ${formatPow10(r.log10Paths, 2)} paths through ${n} blocks, most have length near ${n / 2}; ` +
      `weighted by gradient (factor ${p.decay} per branch), the mass shifts to lengths ${r.effectiveFrom}–${r.effectiveTo} around ${formatNumber(r.effectiveMean, 3)}. ` +
      `The highlighted band, lengths ${p.from}–${p.to}, holds ${formatPercent(r.share)} of paths and ${formatPercent(r.gradientShare)} of the gradient.`;
  },
};
