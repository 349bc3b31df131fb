// A figure's recipe as buttons (components/widgets/Step.astro): each sets the widget to the state
// its link query gives (the other parameters at their defaults), says in a live region which
// settings changed, and is marked aria-current while the widget is in its state.
import { formatValue, readState, type Model, type Param, type Schema, type Value, type Values } from '../core/schema';
import { plainLabel } from '../core/format';
import type { WidgetStore } from './store';

function shown(p: Param, v: Value): string {
  if (p.kind === 'choice') return plainLabel(p.options.find((o) => o.value === v)?.label ?? String(v));
  if (p.kind === 'boolean') return v ? 'on' : 'off';
  return formatValue(p, v) + (p.kind === 'number' && p.unit && typeof v === 'number' ? ` ${p.unit}` : '');
}

/** "Temperature T: 0.3 → 0.1; Training steps: 2000 → 5000", or that nothing changed. */
export function describeChanges<S extends Schema>(schema: S, before: Values<S>, after: Values<S>): string {
  const changes = Object.entries(schema)
    .filter(([name, p]) => formatValue(p, before[name] as Value) !== formatValue(p, after[name] as Value))
    .map(([name, p]) => `${plainLabel(p.label)}: ${shown(p, before[name] as Value)} → ${shown(p, after[name] as Value)}`);
  return changes.length ? changes.join('; ') : 'already at this setting';
}

export function enableSteps<S extends Schema>(root: HTMLElement, store: WidgetStore<S>, model: Model<S, unknown>): void {
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-step]')];
  if (buttons.length === 0) return;
  for (const b of buttons) b.disabled = false;
  const status = document.createElement('p');
  status.className = 'widget-step-status';
  status.setAttribute('role', 'status');
  (root.querySelector('figcaption') ?? root).append(status);
  const stateOf = (button: HTMLButtonElement) => {
    const query = new URLSearchParams(button.dataset.step ?? '');
    return readState(model, new URLSearchParams([...query].map(([k, v]) => [`${model.id}.${k}`, v]))).values;
  };
  const same = (a: Values<S>, b: Values<S>) => Object.entries(model.schema).every(([n, p]) => formatValue(p, a[n] as Value) === formatValue(p, b[n] as Value));
  const mark = () => {
    for (const b of buttons) {
      if (same(store.values, stateOf(b))) b.setAttribute('aria-current', 'step');
      else b.removeAttribute('aria-current');
    }
  };
  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-step]');
    if (!button || !buttons.includes(button)) return;
    const before = store.values;
    store.set(stateOf(button) as Partial<Values<S>>);
    status.textContent = `${button.textContent?.trim()}: ${describeChanges(model.schema, before, store.values)}.`;
  });
  store.subscribe(mark);
  mark();
}
