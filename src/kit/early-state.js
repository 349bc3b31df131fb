(() => {
  const ids = new Set([...new URLSearchParams(location.search).keys()].map((k) => k.split('.')[0]));
  if (!ids.size) return;
  const seen = new WeakSet();
  const mark = () => document.querySelectorAll('[data-widget], [data-reactive-widget]').forEach((el) => {
    if (seen.has(el)) return;
    seen.add(el);
    const own = [el.dataset.widget || el.dataset.reactiveWidget, ...(el.dataset.follows || '').split(' ')];
    if (!own.some((id) => ids.has(id))) return;
    el.dataset.state = 'pending';
    el.classList.add('link-pending');
    if (el.tagName === 'FIGURE') el.setAttribute('aria-busy', 'true');
  });
  const observer = new MutationObserver(mark);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => (observer.disconnect(), mark()));
})();
