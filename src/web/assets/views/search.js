// Search: one box with the query language, results with badges and highlighted snippets,
// facets to narrow by type, series, year, owner and status. The URL holds the query.
import { getJson } from '../api.js';
import { day, html, meetingHref, ownerLinks, plural, show, snippet } from '../dom.js';

const PAGE = 20;
const FACETS = [
  ['type', 'Type'],
  ['status', 'Status'],
  ['series', 'Series'],
  ['year', 'Year'],
  ['owner', 'Owner'],
];

/** The box terms a facet value adds: a year is a date range, a status is `is:`. */
function facetTerms(name, value) {
  if (name === 'year') return [`after:${Number(value) - 1}-12-31`, `before:${Number(value) + 1}-01-01`];
  if (name === 'status') return [`is:${value}`];
  const quoted = /\s/.test(value) ? `"${value}"` : value;
  return [`${name}:${quoted}`];
}

/** The box text for the query as the server understood it, with some filters left out or added. */
function queryText(query, without = [], add = []) {
  const keys = { owner: 'owner', status: 'is', type: 'type', series: 'series', before: 'before', after: 'after' };
  const terms = Object.entries(query.filters)
    .filter(([key, value]) => keys[key] && value && !without.includes(key))
    .map(([key, value]) => `${keys[key]}:${/\s/.test(value) ? `"${value}"` : value}`);
  return [...terms, ...add, query.text].filter(Boolean).join(' ');
}

const href = (q, offset = 0) => `/?${new URLSearchParams({ ...(q ? { q } : {}), ...(offset ? { offset: String(offset) } : {}) })}`.replace(/\?$/, '');

function hit(h) {
  const where = h.title ?? h.source;
  return html`<article class="hit">
    <div class="hit-head">
      <span class="badge badge-${h.type}">${h.type === 'action' ? 'action item' : h.type}</span>
      ${h.status ? html`<span class="badge status-${h.status}">${h.status}</span>` : ''}
      <a class="hit-link" href="${meetingHref(h.meetingId, h.line)}">${where}${h.line ? html`<span class="muted">:${h.line}</span>` : ''}</a>
    </div>
    <p class="snippet">${snippet(h.snippet)}</p>
    <p class="meta">${day(h.date)} · ${h.series ? html`<a href="/decisions?series=${encodeURIComponent(h.series)}">${h.series}</a>` : 'no series'}
      ${h.type === 'action' ? html` · ${ownerLinks(h.owners)}` : ''}
      ${h.itemId ? html` · <a href="/items/${h.itemId}">history</a>` : ''}</p>
  </article>`;
}

function facets(result) {
  const active = new Set(Object.keys(result.query.filters).filter((k) => result.query.filters[k]));
  return FACETS.filter(([name]) => result.facets[name].length > 0).map(
    ([name, label]) => html`<section class="facet"><h2>${label}</h2><ul>
      ${result.facets[name].map((f) => {
        const current = (name === 'year' && active.has('after') && result.query.filters.after === `${Number(f.value) - 1}-12-31`) || result.query.filters[name] === f.value;
        return html`<li><a href="${href(queryText(result.query, name === 'year' ? ['after', 'before'] : [name], current ? [] : facetTerms(name, f.value)))}"
          ${current ? html`aria-current="true"` : ''}>${name === 'owner' ? '@' : ''}${f.value}</a> <span class="count">${f.count}</span></li>`;
      })}</ul></section>`,
  );
}

function chips(query) {
  return Object.entries(query.filters)
    .filter(([key, value]) => value && !['from', 'to'].includes(key))
    .map(([key, value]) => html`<a class="chip" href="${href(queryText(query, [key]))}" title="remove this filter">${key}: ${value} <span aria-hidden="true">×</span></a>`);
}

function pager(q, result) {
  const { total, offset, limit, items } = result;
  if (total <= items.length) return '';
  return html`<nav class="pager">
    ${offset > 0 ? html`<a href="${href(q, Math.max(0, offset - limit))}">← previous</a>` : ''}
    <span>${offset + 1}–${offset + items.length} of ${total}</span>
    ${offset + items.length < total ? html`<a href="${href(q, offset + limit)}">next →</a>` : ''}</nav>`;
}

async function drawResults(part, q, offset) {
  const box = part.querySelector('#q');
  const results = part.querySelector('#results');
  const stale = () => !box.isConnected || box.value.trim() !== q.trim(); // the user moved on, or a newer query is on its way
  let result;
  try {
    result = await getJson('/api/search', { q, offset, limit: PAGE });
  } catch (error) {
    if (!stale()) show(results, html`<p class="error" role="alert">${error.message}</p>`);
    return;
  }
  if (stale()) return;
  show(part.querySelector('#facets'), facets(result));
  show(
    results,
    html`<p class="summary" aria-live="polite">${plural(result.total, 'result')}${q ? '' : ', newest first'} ${chips(result.query)}</p>
      ${result.items.map(hit)}
      ${result.total === 0 ? html`<p class="empty">Nothing matches. Try fewer words, or remove a filter.</p>` : ''}
      ${pager(q, result)}`,
  );
}

export async function searchView(main, url) {
  const q = url.searchParams.get('q') ?? '';
  const offset = Number(url.searchParams.get('offset') ?? 0) || 0;
  document.title = q ? `${q} – minutes-kb` : 'minutes-kb';
  show(
    main,
    html`<form class="search-box" role="search" action="/">
        <input id="q" type="search" name="q" value="${q}" autocomplete="off" aria-label="Search minutes"
          placeholder="Search decisions and action items: keycloak owner:garloff is:open type:decision">
      </form>
      <p class="hint">Words, "phrases", and filters: <code>owner:</code> <code>is:open</code> <code>type:decision</code> <code>series:</code> <code>before:2024-06-01</code> <code>after:</code>. Press <kbd>/</kbd> to search from anywhere.</p>
      <div class="with-sidebar"><aside id="facets" aria-label="Narrow the results"></aside><section id="results"></section></div>`,
  );
  const box = main.querySelector('#q');
  let timer;
  box.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!box.isConnected) return; // the user has left the search view
      history.replaceState(null, '', href(box.value.trim()));
      drawResults(main, box.value.trim(), 0);
    }, 200);
  });
  box.form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    history.pushState(null, '', href(box.value.trim()));
    drawResults(main, box.value.trim(), 0);
  });
  await drawResults(main, q, offset);
}
