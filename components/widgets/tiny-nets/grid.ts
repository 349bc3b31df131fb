// The truth-table grid's pieces, shared by the build-time shell and the browser client.
import type { Preset } from '../../../src/models/tiny-nets';

export const PRESET_LABELS: Record<Preset, string> = {
  const0: 'constant 0',
  x0: 'x₀ (copy the first input)',
  and01: 'x₀ AND x₁',
  majority: 'majority',
  parity: 'parity',
  random: 'random (seeded)',
};

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';

/** Column header for the input bits, in the order they are shown: "x₀ x₁ x₂". */
export function inputHeader(n: number): string {
  return Array.from({ length: n }, (_, j) => `x${SUBSCRIPT[j]}`).join(' ');
}

/** One row per input point i, with x_j = (i >> j) & 1 shown as "x₀ x₁ …". */
export function pointRows(n: number): { point: number; bits: string }[] {
  return Array.from({ length: 1 << n }, (_, point) => ({
    point,
    bits: Array.from({ length: n }, (_, j) => String((point >> j) & 1)).join(' '),
  }));
}

/** The hidden start of a target-output button's name; the visible 0 or 1 completes it, so the
 * name contains the label a speech user sees ("Target output at point 3 (x = 1 1 0): 1"). */
export function outputName(point: number, bits: string): string {
  return `Target output at point ${point} (x = ${bits}): `;
}
