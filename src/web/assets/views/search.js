// Search: one box with the query language, results with badges and highlighted snippets,
// facets to narrow by type, series, year, owner and status, a sort order, and j/k to move
// through the results. The URL holds the query, the sort and the page.
import { getJson } from '../api.js';
import { day, html, meetingHref, ownerLinks, plural, show, snippet } from '../dom.js';

const PAGE = 20;
/** The most matches the page sorts by date itself when the server sorts by relevance only. */
const SORTABLE = 1000;
const FACETS = [
  ['type', 'Type'],
  ['status', 'Status'],
  ['series', 'Series'],
  ['year', 'Year'],
  ['owner', 'Owner'],
];
/** The box's filter keys and what each accepts, for saying why a filter was not read. */
const FILTER_KEYS = {
  owner: 'a handle or name',
  is: 'open, done or dropped',
  status: 'open, done or dropped',
  type: 'decision, action or meeting',
  series: 'a series name',
  before: 'a date as YYYY-MM-DD',
  after: 'a date as YYYY-MM-DD',
};

/** The first and last day of a year as the box's `after:` and `before:` (both exclusive). */
const yearBounds = (year) => ({ after: `${Number(year) - 1}-12-31`, before: `${Number(year) + 1}-01-01` });

/** The year a query's after/before pair covers exactly, or null. */
function yearOf(filters) {
  const before = /^(\d{4})-12-31$/.exec(filters.after ?? '')?.[1];
  if (!before) return null;
  const year = String(Number(before) + 1);
  return filters.before === yearBounds(year).before ? year : null;
}

/** The box terms a facet value adds: a year is a date range, a status is `is:`. */
function facetTerms(name, value) {
  if (name === 'year') return [`after:${yearBounds(value).after}`, `before:${yearBounds(value).before}`];
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

const href = (q, { offset = 0, sort = '' } = {}) =>
  `/search?${new URLSearchParams({ ...(q ? { q } : {}), ...(sort ? { sort } : {}), ...(offset ? { offset: String(offset) } : {}) })}`.replace(
    /\?$/,
    '',
  );

function hit(h) {
  const where = h.heading ?? h.title ?? h.source;
  return html`<article class="hit">
    <div class="hit-head">
      <span class="badge badge-${h.type}">${h.type === 'action' ? 'action item' : h.type}</span>
      ${h.status ? html`<span class="badge status-${h.status}">${h.status}</span>` : ''}
      <a class="hit-link" href="${meetingHref(h.meetingId, h.line)}"
        >${where}${h.line ? html`<span class="muted">:${h.line}</span>` : ''}</a
      >
    </div>
    <p class="snippet">${snippet(h.snippet)}</p>
    <p class="meta">
      ${day(h.date)} · ${h.series ? html`<a href="${href(`series:${h.series}`)}">${h.series}</a>` : 'no series'}
      ${h.type === 'action' ? html` · ${ownerLinks(h.owners)}` : ''}
      ${h.itemId ? html` · <a href="/items/${h.itemId}">history</a>` : ''}
    </p>
  </article>`;
}

/** Facet values in the order a reader scans them: years newest first, the others by count. */
const ordered = (name, values) =>
  name === 'year' ? [...values].sort((a, b) => String(b.value).localeCompare(String(a.value))) : values;

function facets(result, sort) {
  const year = yearOf(result.query.filters);
  return FACETS.filter(([name]) => result.facets[name].length > 0).map(
    ([name, label]) =>
      html`<section class="facet">
        <h2>${label}</h2>
        <ul>
          ${ordered(name, result.facets[name]).map((f) => {
            const current = name === 'year' ? year === String(f.value) : result.query.filters[name] === f.value;
            const without = name === 'year' ? ['after', 'before'] : [name];
            return html`<li>
              <a
                href="${href(queryText(result.query, without, current ? [] : facetTerms(name, f.value)), { sort })}"
                ${current ? html`aria-current="true"` : ''}
                >${name === 'owner' ? '@' : ''}${f.value}</a
              >
              <span class="count">${f.count}</span>
            </li>`;
          })}
        </ul>
      </section>`,
  );
}

function chips(query, sort) {
  const year = yearOf(query.filters);
  const shown = Object.entries(query.filters).filter(
    ([key, value]) => value && !['from', 'to'].includes(key) && !(year && ['after', 'before'].includes(key)),
  );
  const chip = (label, without) =>
    html`<a class="chip" href="${href(queryText(query, without), { sort })}"
      ><span class="sr-only">Remove the filter </span>${label} <span aria-hidden="true">×</span></a
    >`;
  return [
    ...(year ? [chip(`year: ${year}`, ['after', 'before'])] : []),
    ...shown.map(([key, value]) => chip(`${key}: ${value}`, [key])),
  ];
}

/**
 * Terms of the box written as filters that the server took as words (`is:closed`, `before:soon`), with what they
 * accept.
 */
function unreadFilters(q, query) {
  const words = new Set((query.text ?? '').split(/\s+/).map((w) => w.toLowerCase()));
  const terms = [...q.matchAll(/(?<![A-Za-z])([A-Za-z]+):(?:"([^"]*)"|(\S+))/g)].filter(
    ([term, key]) => FILTER_KEYS[key.toLowerCase()] && words.has(term.toLowerCase()),
  );
  return terms.map(
    ([term, key]) =>
      html`<li>
        <code>${term}</code>: <code>${key.toLowerCase()}:</code> takes ${FILTER_KEYS[key.toLowerCase()]}; it was
        searched as words.
      </li>`,
  );
}

function pager(q, result, sort) {
  const { total, offset, limit, items } = result;
  if (total <= items.length && offset === 0) return '';
  if (items.length === 0)
    return html`<p class="error" role="alert">
      There are only ${plural(total, 'result')}: this page is past the last one.
      <a href="${href(q, { sort })}">Back to the first page</a>
    </p>`;
  return html`<nav class="pager" aria-label="Pages of results">
    ${offset > 0 ? html`<a href="${href(q, { offset: Math.max(0, offset - limit), sort })}">← previous</a>` : ''}
    <span>${offset + 1}–${offset + items.length} of ${total}</span>
    ${offset + items.length < total ? html`<a href="${href(q, { offset: offset + limit, sort })}">next →</a>` : ''}
  </nav>`;
}

/**
 * One page of results in the order asked for. Newest first is the server's when it knows the
 * sort (its answer says so in `query.sort`); else the page sorts up to SORTABLE best matches by date itself.
 */
async function fetchPage(q, offset, sort) {
  const first = await getJson('/api/search', { q, offset, limit: PAGE, sort: sort || undefined });
  if (sort !== 'newest' || !first.query.text || first.query.sort === 'newest' || first.total <= 1)
    return { result: first, capped: false };
  const all = await getJson('/api/search', { q, limit: SORTABLE });
  const items = [...all.items]
    .sort((a, b) => String(b.date ?? '').localeCompare(String(a.date ?? '')))
    .slice(offset, offset + PAGE);
  return { result: { ...all, offset, limit: PAGE, items }, capped: all.total > SORTABLE };
}

async function drawResults(part, q, offset, sort) {
  const box = part.querySelector('#q');
  const results = part.querySelector('#results');
  // the user moved on, or a newer query is on its way
  const stale = () => !box.isConnected || box.value.trim() !== q.trim();
  let page;
  try {
    page = await fetchPage(q, offset, sort);
  } catch (error) {
    if (!stale()) show(results, html`<p class="error" role="alert">${error.message}</p>`);
    return;
  }
  if (stale()) return;
  const { result, capped } = page;
  const unread = unreadFilters(q, result.query);
  const active = chips(result.query, sort);
  show(part.querySelector('#facets'), facets(result, sort));
  part.querySelector('#filters-toggle').textContent = `Filters${active.length > 0 ? ` (${active.length} on)` : ''}`;
  show(
    results,
    html`${
        unread.length > 0
          ? html`<div class="error" role="alert">
              <p>Not read as a filter:</p>
              <ul>
                ${unread}
              </ul>
            </div>`
          : ''
      }
      <p class="summary" aria-live="polite">
        ${plural(result.total, 'result')}${!q || sort === 'newest' ? ', newest first' : ', best match first'}${capped ? ` (the newest of the best ${SORTABLE})` : ''}
        ${active}
      </p>
      ${readingLine(result.query.reading, sort)} ${result.items.map(hit)}
      ${result.total === 0 ? html`<p class="empty">Nothing matches. Try fewer words, or remove a filter.</p>` : ''}
      ${pager(q, result, sort)}`,
  );
}

/** How the server read the question, each guess with a link that undoes it, and "did you mean". */
function readingLine(reading, sort) {
  if (!reading) return '';
  const undo = reading.parts.map(
    (p) =>
      html` <a class="chip" href="${href(p.undo, { sort })}" title="search these words as words"
        >“${p.from}” as ${p.label} <span aria-hidden="true">×</span></a
      >`,
  );
  const suggestion = reading.suggestion
    ? html`<p class="hint">
        Did you mean <a href="${href(reading.suggestion, { sort })}">${reading.suggestion}</a>? Searched for it.
      </p>`
    : '';
  return html`<p class="hint">
      Read as: ${reading.text}${reading.matched === 'any' ? ' (no result has all the words: any of them)' : ''}${undo}
    </p>
    ${suggestion}`;
}

/** j and k move through the results, Enter opens the one chosen (its link has the focus). */
function keyboardNavigation(part) {
  const onKey = (event) => {
    if (!part.isConnected) return document.removeEventListener('keydown', onKey);
    if (!['j', 'k'].includes(event.key) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest('input, textarea, select, [contenteditable], dialog')) return;
    const links = [...part.querySelectorAll('.hit .hit-link')];
    if (links.length === 0) return;
    event.preventDefault();
    const at = links.indexOf(document.activeElement);
    const next = event.key === 'j' ? Math.min(links.length - 1, at + 1) : Math.max(0, at < 0 ? 0 : at - 1);
    part.querySelector('.hit.current')?.classList.remove('current');
    links[next].closest('.hit').classList.add('current');
    links[next].focus();
  };
  document.addEventListener('keydown', onKey);
}

export async function searchView(main, url) {
  const q = url.searchParams.get('q') ?? '';
  const sort = url.searchParams.get('sort') === 'newest' ? 'newest' : '';
  const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0);
  document.title = q ? `${q} – search – minutes-kb` : 'Search – minutes-kb';
  show(
    main,
    html`<h1>Search</h1>
      <form class="search-box" role="search" action="/search">
        <input
          id="q"
          type="search"
          name="q"
          value="${q}"
          autocomplete="off"
          aria-label="Search minutes"
          aria-describedby="search-hint"
          placeholder="keycloak owner:garloff is:open type:decision"
        />
      </form>
      <a class="skip-link" href="#results">Skip the filters, to the results</a>
      <p class="hint" id="search-hint">
        Words, "phrases", and filters: <code>owner:</code> <code>is:open</code> <code>type:decision</code>
        <code>series:</code> <code>before:2024-06-01</code> <code>after:</code>. <kbd>/</kbd> searches from anywhere;
        <kbd>j</kbd> and <kbd>k</kbd> move through the results, <kbd>Enter</kbd> opens one.
      </p>
      <div class="toolbar">
        <button
          type="button"
          id="filters-toggle"
          class="quiet filters-toggle"
          aria-expanded="false"
          aria-controls="facets"
        >
          Filters
        </button>
        <label
          >Sort
          <select id="sort">
            <option value="">best match first</option>
            <option value="newest" ${sort ? 'selected' : ''}>newest first</option>
          </select></label
        >
      </div>
      <div class="with-sidebar">
        <aside id="facets" aria-label="Narrow the results"></aside>
        <section id="results" aria-label="Results" tabindex="-1"></section>
      </div>`,
  );
  const box = main.querySelector('#q');
  const sorter = main.querySelector('#sort');
  const toggle = main.querySelector('#filters-toggle');
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    main.querySelector('#facets').classList.toggle('open', open);
  });
  let timer;
  const go = (push) => {
    clearTimeout(timer);
    const target = href(box.value.trim(), { sort: sorter.value });
    if (push) history.pushState(null, '', target);
    else history.replaceState(null, '', target);
    drawResults(main, box.value.trim(), 0, sorter.value);
  };
  box.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => box.isConnected && go(false), 200);
  });
  box.form.addEventListener('submit', (event) => {
    event.preventDefault();
    go(true);
  });
  sorter.addEventListener('change', () => go(true));
  keyboardNavigation(main);
  await drawResults(main, q, offset, sort);
}
