// §2.3's goal-count figure and the prose's inline numbers bound to it (drawn with Plot).
import { model, presets, type Preset, type Result, type schema } from '../../../src/models/goal-count';
import { defaults, formatValue } from '../../../src/core/schema';
import { mountWidget, type MountedWidget } from '../../../src/kit/controller';
import { bindInline as bind } from '../../../src/kit/inline';
import { activePreset, view } from './view';

const defaultValues = defaults(model.schema);
const matchesDefaults = (v: typeof defaultValues) =>
  (Object.keys(model.schema) as (keyof typeof defaultValues)[]).every((k) => formatValue(model.schema[k], v[k]) === formatValue(model.schema[k], defaultValues[k]));

/** The preset buttons (native buttons in the figure's controls): each sets the whole setting, and
 * aria-pressed says whether the current setting is that preset. */
function bindPresets(root: HTMLElement, mounted: MountedWidget<typeof schema, Result>): void {
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-preset]')];
  const note = root.querySelector<HTMLElement>('.gc-preset-note');
  // The note keeps describing the last preset chosen while the reader adjusts from it (the
  // encoded-goals preset invites dragging the goals slider), and says so once the state differs.
  let chosen: Preset | undefined;
  const sync = () => {
    const active = activePreset(mounted.store.values);
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.preset === active?.id));
    if (active) chosen = active;
    else if (matchesDefaults(mounted.store.values)) chosen = undefined;
    if (note) {
      note.textContent = !chosen ? '' : active ? chosen.description : `Adjusted from “${chosen.name}”: ${chosen.description}`;
      note.hidden = !chosen;
    }
  };
  for (const b of buttons) {
    b.addEventListener('click', () => {
      const preset = presets.find((p) => p.id === b.dataset.preset);
      if (preset) mounted.store.set({ ...preset.params });
    });
  }
  mounted.store.subscribe(sync);
  sync();
}

export const mount = (root: HTMLElement) => {
  const mounted = mountWidget(root, model, view);
  bindPresets(root, mounted);
  // At its defaults the kit keeps the server-rendered chart, drawn 640 px wide; on a phone that is
  // scaled to half size and its labels become unreadable, so redraw it at the real width.
  const chartBox = root.querySelector<HTMLElement>('.widget-chart');
  if (chartBox && Math.abs(chartBox.clientWidth - 640) > 48) mounted.refresh();
  return mounted;
};
export const bindInline = (el: HTMLElement) => bind(el, model, view);
