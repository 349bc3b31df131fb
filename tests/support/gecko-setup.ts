// The Gecko pass's worker starts its Firefox before a file's first test (at once if the worker's
// earlier file did), under the hook time limit, so that a launch on a busy machine does not count
// against a test's own limit.
import { beforeAll, inject } from 'vitest';
import { startFirefox } from './gecko';

beforeAll(() => startFirefox(inject('firefoxPath')));
