// Where each widget is read first: its chapter's route under the site's base path. Screenshots and
// the widget layout test open each figure here.
export const WIDGET_PAGES: Record<string, string> = {
  'goal-count': 'counting/',
  'tiny-nets': 'counting/',
  overfitting: 'counting/',
  'simplicity-bias': 'counting/',
  'speed-cost': 'speed-and-depth/',
  'serial-parallel': 'speed-and-depth/',
  'residual-paths': 'speed-and-depth/',
  basins: 'path-dependence/',
  'sgd-prior': 'path-dependence/',
  'credit-horizon': 'path-dependence/',
  odds: 'weighing-it-up/',
};
