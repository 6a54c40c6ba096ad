// The page: one small router over views, each a module that draws into its own part of <main>.
// Links inside the page are followed without reloading; the URL always says what is shown,
// so any view (a search, a meeting at a line, a person) can be shared.
import { show, html } from './dom.js';
import { serverStatus, token } from './api.js';
import { signIn, signOut } from './dialogs.js';
import { navigate, setRenderer } from './router.js';
import { overviewView } from './views/overview.js';
import { searchView } from './views/search.js';
import { itemsView, itemView } from './views/items.js';
import { personView } from './views/person.js';
import { meetingView, goToLine } from './views/meeting.js';
import { decisionsView } from './views/decisions.js';
import { importView } from './views/import.js';

/** Path pattern, view, and the header section it belongs to. */
const routes = [
  [/^\/$/, overviewView, 'overview'],
  [/^\/search$/, searchView, 'search'],
  [/^\/items$/, itemsView, 'items'],
  [/^\/items\/(ai-[0-9a-f]+(?:-\d+)?)$/, itemView, 'items'],
  [/^\/people\/([^/]+)$/, personView, 'items'],
  [/^\/meetings\/(\d+)$/, meetingView, null],
  [/^\/decisions$/, decisionsView, 'decisions'],
  [/^\/import$/, importView, 'import'],
];

const main = document.querySelector('main');
/** Path and query of the view on screen: a change of the hash alone only moves within it. */
let drawn = null;

function decode(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new Error(`the address has a malformed part: ${part}`);
  }
}

/** A path the page has no view for: said in a heading, with the ways on. */
function notFound(part, url) {
  document.title = 'Not found – minutes-kb';
  show(
    part,
    html`<h1>Page not found</h1>
      <p>There is no page at <code>${url.pathname}</code>.</p>
      <p>
        Try the <a href="/">overview</a>, <a href="/search">search</a>, the <a href="/items">open action items</a> or
        the <a href="/decisions">decision log</a>.
      </p>`,
  );
}

async function render() {
  const url = new URL(location.href);
  // Searches used to live at /?q=...: links shared then still open them.
  if (url.pathname === '/' && url.searchParams.has('q')) {
    history.replaceState(null, '', `/search${url.search}${url.hash}`);
    return render();
  }
  drawn = url.pathname + url.search;
  const [view, section, match] =
    routes.map(([pattern, v, s]) => [v, s, pattern.exec(url.pathname)]).find(([, , m]) => m) ?? [];
  for (const link of document.querySelectorAll('header nav a[data-section]')) {
    if (link.dataset.section === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  // Each view draws into a part of its own: when the user moves on before a slow view is done,
  // the old view finishes into a detached part and cannot overwrite the new one.
  const part = document.createElement('div');
  part.innerHTML = '<p class="muted">Loading…</p>';
  main.replaceChildren(part);
  try {
    if (!view) notFound(part, url);
    else await view(part, url, ...match.slice(1).map(decode));
  } catch (error) {
    if (part.isConnected)
      show(
        part,
        html`<h1>Something went wrong</h1>
          <p class="error" role="alert">${error.message}</p>
          <p><a href="/">Back to the overview</a></p>`,
      );
  }
  if (!part.isConnected) return;
  if (url.hash) goToLine();
  else if (document.readyState === 'complete') {
    // A new view starts at its top, and a screen reader hears its heading.
    window.scrollTo(0, 0);
    part.querySelector('h1')?.setAttribute('tabindex', '-1');
    part.querySelector('h1')?.focus({ preventScroll: true });
  }
}
setRenderer(render);

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href]');
  if (
    !link ||
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    link.target ||
    link.hasAttribute('download')
  )
    return;
  const url = new URL(link.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/docs')) return;
  // an anchor on this page: the browser moves, hashchange marks it
  if (url.pathname + url.search === drawn && url.hash) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});

// "/" focuses the search box, from any view, as on many sites.
document.addEventListener('keydown', async (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.target.closest('input, textarea, select, [contenteditable], dialog')) return;
  event.preventDefault();
  if (!document.getElementById('q')) await navigate('/search');
  document.getElementById('q')?.focus();
});

window.addEventListener('popstate', () => {
  if (location.pathname + location.search !== drawn) render();
});
window.addEventListener('hashchange', goToLine);

/** The header's Sign in / Sign out button, on servers that take writes. */
const account = document.getElementById('account');
const showAccount = () => {
  account.textContent = token.get() ? 'Sign out' : 'Sign in';
  account.setAttribute(
    'aria-label',
    token.get() ? 'Sign out: forget the write token in this tab' : 'Sign in with the write token',
  );
};
document.addEventListener('signed-in-changed', showAccount);
account.addEventListener('click', () => (token.get() ? signOut() : signIn()));

serverStatus().then(
  (status) => {
    if (!status.writable) return;
    document.querySelector('header nav a[data-section="import"]').hidden = false;
    account.hidden = false;
    showAccount();
  },
  () => {},
);
render();
