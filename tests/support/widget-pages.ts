// The chapter page each widget appears on (the kitchen-sink page repeats some of them).
export const WIDGET_PAGES: Record<string, string> = {
  'goal-count': 'counting/', overfitting: 'counting/', 'simplicity-bias': 'counting/', 'tiny-nets': 'counting/',
  basins: 'path-dependence/', 'credit-horizon': 'path-dependence/',
  'residual-paths': 'speed-and-depth/', 'serial-parallel': 'speed-and-depth/', 'speed-cost': 'speed-and-depth/',
  odds: 'weighing-it-up/',
};
