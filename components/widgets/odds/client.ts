import { model } from '../../../src/models/odds';
import { mountWidget } from '../../../src/kit/controller';
import { bindInline as bind } from '../../../src/kit/inline';
import { describeFactor, formatOdds, formatProbability, view } from './view';

// After each render, say in words what each control does to the odds (next to the control and in
// its slider's aria-valuetext), so a screen-reader user hears "odds × 3.16" rather than "0.5".
export const mount = (root: HTMLElement) =>
  mountWidget(root, model, view, {
    afterRender(_result, values) {
      for (const [name, value] of Object.entries(values)) {
        const v = value as number;
        const words = name === 'prior' ? `odds ${formatOdds(v)}, ${formatProbability(v)}` : describeFactor(v);
        const effect = root.querySelector<HTMLElement>(`[data-effect-for="${name}"]`);
        if (effect) effect.textContent = words;
        root.querySelector(`[data-slider-for="${name}"]`)?.setAttribute('aria-valuetext', `${Number(v.toPrecision(3))} log₁₀ odds: ${words}`);
      }
    },
  });
export const bindInline = (el: HTMLElement) => bind(el, model, view);
