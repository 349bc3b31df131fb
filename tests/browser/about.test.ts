// The about page's "cite this essay" block: the copy buttons appear only with JavaScript and copy
// exactly the text shown; without JavaScript the citation is still there to select.
import { afterAll, describe, expect, it } from 'vitest';
import { closePages, openPage } from '../support/browser';

afterAll(closePages);

describe('/about/ cite this essay', () => {
  it('copies the citation and the BibTeX entry to the clipboard', async () => {
    const { page, errors, close } = await openPage('about/', { permissions: ['clipboard-read', 'clipboard-write'] });
    for (const target of ['cite-as-text', 'cite-as-bibtex']) {
      const button = page.locator(`button.copy-cite[data-copy="${target}"]`);
      await expect(button.isVisible()).resolves.toBe(true);
      await button.click();
      const shown = (await page.locator(`#${target}`).innerText()).trim();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
    }
    expect(errors).toEqual([]);
    await close();
  });

  it('selects the text for a manual copy when the clipboard is refused', async () => {
    const { page, close } = await openPage('about/');
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')), write: () => Promise.reject(new Error('denied')) } });
    });
    await page.locator('button.copy-cite[data-copy="cite-as-text"]').click();
    const selected = await page.evaluate(() => getSelection()?.toString().trim());
    expect(selected).toBe((await page.locator('#cite-as-text').innerText()).trim());
    await close();
  });

  it('shows the citation without JavaScript, and no copy buttons that would do nothing', async () => {
    const { page, close } = await openPage('about/', { javaScriptEnabled: false });
    await expect(page.locator('#cite-as-text').isVisible()).resolves.toBe(true);
    await expect(page.locator('#cite-as-bibtex').innerText()).resolves.toMatch(/^@misc\{/);
    await expect(page.locator('button.copy-cite').first().isVisible()).resolves.toBe(false);
    await close();
  });
});
