// Open action items grouped by owner, overdue first, then oldest first; and one item with its whole
// history, where a signed-in reader can close, drop or reopen it.
import { getJson, send, serverStatus, withQuery } from '../api.js';
import { confirmChange, ensureSignedIn, signIn } from '../dialogs.js';
import { day, html, localTime, meetingHref, ownerLinks, plural, show } from '../dom.js';
import { onSeriesChange, seriesPicker } from './series-picker.js';

/** Groups opened at once; the others load when opened. */
const OPEN_GROUPS = 3;
const STATES = ['live', 'overdue', 'stale', 'all'];
const STATE_WORDS = { live: 'live', overdue: 'overdue', stale: 'stale', all: 'all open' };

/** The state a list view asks for: live unless the URL says another. */
export const stateOf = (url) =>
  STATES.includes(url.searchParams.get('state')) ? url.searchParams.get('state') : 'live';

/** An item's state as a badge: overdue, stale (live items need none). */
function stateBadges(a) {
  return html`${a.overdue ? html` <span class="badge due">overdue: due ${a.due}</span>` : a.due ? html` <span class="badge">due ${a.due}</span>` : ''}${
    a.state === 'stale'
      ? html` <span class="badge stale" title="no meeting of its series mentions it any more">stale</span>`
      : ''
  }`;
}

/** The sentence under a live list: how many stale items it left out, and the link that shows them. */
export function stateNote(page, path, params = {}) {
  if (!page.staleLeftOut) return '';
  return html`${plural(page.staleLeftOut, 'stale item')} left out (no recent meeting mentions them):
    <a href="${withQuery(path, { ...params, state: 'all' })}">show them too</a>.`;
}

/**
 * The table of a person's (or a group's) items: what, since when, how often carried, where. On phones, each row is a
 * card.
 */
export function itemTable(items) {
  if (items.length === 0) return html`<p class="empty">No open action items here.</p>`;
  return html`<table class="items">
    <thead>
      <tr>
        <th scope="col">Action item</th>
        <th scope="col">First raised</th>
        <th scope="col">Last mentioned</th>
        <th scope="col" class="num">Meetings</th>
        <th scope="col">Owners</th>
      </tr>
    </thead>
    <tbody>
      ${items.map(
        (a) =>
          html`<tr>
            <td data-label="Action item">
              <a href="/items/${a.id}">${a.task || a.text || '(no text)'}</a>${stateBadges(a)}
              <div class="muted small source">
                ${a.series ?? 'no series'} · <a href="${meetingHref(a.meetingId, a.line)}">${a.source}:${a.line}</a>
              </div>
            </td>
            <td data-label="First raised">${day(a.firstRaised)}</td>
            <td data-label="Last mentioned">${day(a.lastMentioned)}</td>
            <td data-label="Meetings" class="num">${a.meetings}</td>
            <td data-label="Owners">${ownerLinks(a.owners)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** Exports of the items a view shows. */
export function exportLinks(params) {
  return html`<p class="exports">
    Export: <a href="${withQuery('/api/action-items.csv', params)}" download>CSV</a> ·
    <a href="${withQuery('/api/action-items.ics', params)}" download>calendar (.ics, items with a due date)</a>
  </p>`;
}

/** Load a group's items the first time it is opened; after a failure, opening it again retries. */
async function fillGroup(details) {
  if (details.dataset.loaded) return;
  details.dataset.loaded = 'yes';
  const body = details.querySelector('.group-body');
  try {
    const { owner, series, state } = details.dataset;
    const page = await getJson('/api/action-items', { owner, series, status: 'open', state, limit: 1000 });
    const across =
      owner === 'none'
        ? ''
        : html`<p class="small">
            <a href="/people/${encodeURIComponent(owner)}">All of @${owner}'s items across series</a>
          </p>`;
    show(body, html`${itemTable(page.items)}${across}`);
  } catch (error) {
    delete details.dataset.loaded;
    show(body, html`<p class="error" role="alert">${error.message}</p>`);
  }
}

export async function itemsView(main, url) {
  const series = url.searchParams.get('series') ?? '';
  const state = stateOf(url);
  document.title = 'Open action items – minutes-kb';
  const [owners, status, total] = await Promise.all([
    getJson('/api/owners', { series, limit: 1000 }),
    serverStatus(),
    getJson('/api/action-items', { series, status: 'open', state, limit: 0 }),
  ]);
  // Owners count their items by state where the server says (live, stale, overdue), else open ones.
  const countOf = (o) => (state === 'all' ? o.open : (o[state] ?? o.open));
  const open = owners.items.filter((o) => countOf(o) > 0);
  const link = (s) => withQuery('/items', { series, state: s === 'live' ? '' : s });
  show(
    main,
    html`<h1>Open action items</h1>
      <div class="toolbar">
        ${seriesPicker(status.series, series)}
        <nav class="tabs" aria-label="Which open items">
          ${STATES.map((s) => html`<a href="${link(s)}" ${s === state ? html`aria-current="page"` : ''}>${STATE_WORDS[s]}</a>`)}
        </nav>
      </div>
      <p class="summary">
        ${plural(total.total, `${STATE_WORDS[state]} item`)}${series ? ` in ${series}` : ''}, by owner; overdue first,
        then oldest first. An item with two owners is listed under both. ${stateNote(total, '/items', { series })}
      </p>
      ${exportLinks({ series, status: 'open', state })}
      <p class="muted small">The first ${OPEN_GROUPS} owners are open; open any other to see their items.</p>
      ${open.map(
        (o, i) =>
          html`<details
            class="owner-group"
            data-owner="${o.owner}"
            data-series="${series}"
            data-state="${state}"
            ${i < OPEN_GROUPS ? 'open' : ''}
          >
            <summary>
              <span class="owner-name">${o.owner === 'none' ? 'no owner' : `@${o.owner}`}</span
              >${o.name && o.owner !== 'none' ? html` <span class="muted">${o.name}</span>` : ''}
              <span class="count">${plural(countOf(o), `${STATE_WORDS[state]} item`)}</span>
            </summary>
            <div class="group-body"><p class="muted">Loading…</p></div>
          </details>`,
      )}`,
  );
  onSeriesChange(main, '/items');
  const groups = [...main.querySelectorAll('details.owner-group')];
  for (const details of groups) details.addEventListener('toggle', () => details.open && fillGroup(details));
  await Promise.all(groups.filter((d) => d.open).map(fillGroup));
}

const CHANGE_WORDS = { done: 'Closed by hand', dropped: 'Dropped by hand', open: 'Reopened by hand' };

/** Mentions in the minutes and changes by hand, in the order they happened. */
function timeline(item) {
  const mentions = item.history.map((m) => ({ at: m.date ?? '', mention: m }));
  const changes = item.changes.map((c) => ({ at: c.changedAt, change: c }));
  const events = [...mentions, ...changes].sort((a, b) => a.at.localeCompare(b.at));
  return html`<ol class="timeline">
    ${events.map(({ mention: m, change: c }) =>
      m
        ? html`<li>
            <span class="badge status-${m.status}">${m.status}</span>
            <a href="${meetingHref(m.meetingId, m.line)}">${day(m.date)}</a>
            <span class="muted small">${m.source}:${m.line}${m.carried ? ' · reviewed' : ''}</span>
            <div>${m.text}</div>
          </li>`
        : html`<li class="change">
            <span class="badge status-${c.status}">${c.status}</span>
            <strong>${CHANGE_WORDS[c.status]}</strong> ${localTime(c.changedAt)}
            ${c.note ? html`<div class="note">“${c.note}”</div>` : html`<div class="muted small">no note</div>`}
          </li>`,
    )}
  </ol>`;
}

/** What each change does, said before it is made. */
const CHANGES = {
  done: {
    title: 'Close this action item?',
    what: 'It is marked done from now on and leaves the open lists. If later minutes report on it, they take over again.',
    action: 'Close item',
  },
  dropped: {
    title: 'Drop this action item?',
    what: 'It is marked dropped (will not be done) and leaves the open lists. If later minutes report on it, they take over again.',
    action: 'Drop item',
  },
  open: {
    title: 'Reopen this action item?',
    what: 'It is open again and returns to the open lists.',
    action: 'Reopen item',
  },
};

export async function itemView(main, url, id) {
  const [item, status] = await Promise.all([getJson(`/api/action-items/${id}`), serverStatus()]);
  const task = item.task || item.text || '(no text)';
  document.title = `${task} – minutes-kb`;
  show(
    main,
    html`<nav aria-label="Breadcrumb" class="crumbs">
        <a href="/items">Open action items</a> ›
        ${item.series ? html`<a href="/items?series=${encodeURIComponent(item.series)}">${item.series}</a> ›` : ''}
      </nav>
      <h1>${task}</h1>
      <p>
        <span class="badge status-${item.status}">${item.status}</span>${stateBadges(item)} ${ownerLinks(item.owners)} ·
        ${item.series ?? 'no series'} · first raised ${day(item.firstRaised)} · last mentioned
        ${day(item.lastMentioned)} · ${plural(item.meetings, 'meeting')}
      </p>
      ${
        status.writable
          ? html`<form class="toolbar change" id="change" aria-label="Change this item by hand">
              <label>Note <input name="note" maxlength="2000" placeholder="why (optional)" /></label>
              ${
                item.status === 'open'
                  ? html`<button type="button" value="done">Close…</button>
                      <button type="button" value="dropped" class="danger">Drop…</button>`
                  : html`<button type="button" value="open">Reopen…</button>`
              }
              <p id="change-result" role="status" class="small"></p>
            </form>`
          : ''
      }
      <h2>History</h2>
      <p class="muted small">Every meeting that mentions it, and every change by hand (in your local time).</p>
      ${timeline(item)}`,
  );
  const form = main.querySelector('#change');
  // A status changes only by its button: Enter in the note must not close the item.
  form?.addEventListener('submit', (event) => event.preventDefault());
  for (const button of form?.querySelectorAll('button') ?? []) {
    button.addEventListener('click', async () => {
      const result = form.querySelector('#change-result');
      const change = CHANGES[button.value];
      if (!(await confirmChange(change.title, change.what, change.action))) return;
      if (!(await ensureSignedIn())) {
        result.textContent = 'Not changed: changes need the write token (Sign in).';
        return;
      }
      const note = form.elements.note.value.trim();
      const body = JSON.stringify({ status: button.value, ...(note ? { note } : {}) });
      // A refused token asks for the token again; Cancel there leaves the item as it was.
      for (;;) {
        try {
          await send('PATCH', `/api/action-items/${id}`, body, 'application/json');
          break;
        } catch (error) {
          if (error.status === 401 && (await signIn(error.message))) continue;
          result.textContent = `Not changed: ${error.message}`;
          result.classList.add('error');
          return;
        }
      }
      await itemView(main, url, id);
      main.querySelector('#change-result').textContent = `${CHANGE_WORDS[button.value]}.`;
    });
  }
}
