// Test fixtures: chapters marked `fixture: true` (the kitchen sink and the widget test pages) show
// features and widgets to the tests and to reviewers. They are built only by the dev server and into
// the test build (tests/support/global-setup.ts sets BUILD_FIXTURES=1), never into the published site.
export const FIXTURES_ENV = 'BUILD_FIXTURES';

export interface PageFlags {
  draft: boolean;
  fixture: boolean;
}

/** Whether a chapter is built: never a draft; a fixture only where fixtures are wanted. */
export function isBuilt(page: PageFlags, withFixtures: boolean): boolean {
  return !page.draft && (withFixtures || !page.fixture);
}

/** Fixtures are wanted by the dev server and by a build that asks for them. */
export function wantsFixtures(env: Record<string, string | undefined>, dev: boolean): boolean {
  return dev || env[FIXTURES_ENV] === '1';
}
