import { model } from '../../../src/models/residual-paths';
import { mountWidget } from '../../../src/kit/controller';
import { bindInline as bind } from '../../../src/kit/inline';
import { view } from './view';

export const mount = (root: HTMLElement) => mountWidget(root, model, view);
export const bindInline = (el: HTMLElement) => bind(el, model, view);
