// The page: one small router over views, each a module that draws into <main>.
// Links inside the page are followed without reloading; the URL always says what is shown,
// so any view (a search, a meeting at a line, a person) can be shared.
import { show, html } from './dom.js';
import { serverStatus } from './api.js';
import { searchView } from './views/search.js';
import { itemsView, itemView } from './views/items.js';
import { personView } from './views/person.js';
import { meetingView } from './views/meeting.js';
import { decisionsView } from './views/decisions.js';
import { importView } from './views/import.js';

const routes = [
  [/^\/$/, searchView, 'search'],
  [/^\/items$/, itemsView, 'items'],
  [/^\/items\/(ai-[0-9a-f]+(?:-\d+)?)$/, itemView, 'items'],
  [/^\/people\/([^/]+)$/, personView, 'items'],
  [/^\/meetings\/(\d+)$/, meetingView, 'decisions'],
  [/^\/decisions$/, decisionsView, 'decisions'],
  [/^\/import$/, importView, 'import'],
];

const main = document.querySelector('main');

async function render() {
  const url = new URL(location.href);
  const [, view, section, match] = routes.map(([pattern, v, s]) => [pattern, v, s, pattern.exec(url.pathname)]).find(([, , , m]) => m) ?? [];
  for (const link of document.querySelectorAll('header nav a[data-section]')) {
    link.toggleAttribute('aria-current', link.dataset.section === section);
  }
  if (!view) return show(main, html`<h1>Not found</h1><p>No page at ${url.pathname}. <a href="/">Search</a></p>`);
  try {
    await view(main, url, ...match.slice(1).map(decodeURIComponent));
  } catch (error) {
    show(main, html`<p class="error" role="alert">${error.message}</p>`);
  }
}

/** Follow a link inside the page without reloading it. */
export function navigate(href, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  return render();
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/docs')) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return; // an anchor on this page
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});

// "/" focuses the search box, from any view, as on many sites.
document.addEventListener('keydown', async (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.target.closest('input, textarea, select, [contenteditable]')) return;
  event.preventDefault();
  if (location.pathname !== '/') await navigate('/');
  document.getElementById('q')?.focus();
});

window.addEventListener('popstate', render);

serverStatus().then((status) => {
  if (status.writable) document.querySelector('header nav a[data-section="import"]').hidden = false;
}, () => {});
render();
