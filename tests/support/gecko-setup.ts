// Each Gecko-pass test file starts its Firefox before its first test, under the hook time limit, so
// that a launch on a busy machine does not count against a test's own limit.
import { beforeAll, inject } from 'vitest';
import { startFirefox } from './gecko';

beforeAll(() => startFirefox(inject('firefoxPath')));
