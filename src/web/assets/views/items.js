// Open action items grouped by owner, oldest first; and one item with its whole history.
import { getJson, send, serverStatus, token, withQuery } from '../api.js';
import { day, html, meetingHref, ownerLinks, plural, show } from '../dom.js';
import { onSeriesChange, seriesPicker } from './series-picker.js';

/** Groups opened at once; the others load when opened. */
const OPEN_GROUPS = 3;

/** The table of a person's (or a group's) items: what, since when, how often carried, where. */
export function itemTable(items) {
  if (items.length === 0) return html`<p class="empty">No open action items.</p>`;
  return html`<table class="items">
    <thead><tr><th>Action item</th><th>First raised</th><th>Last mentioned</th><th>Meetings</th><th>Owners</th></tr></thead>
    <tbody>${items.map(
      (a) => html`<tr>
        <td data-label="Action item"><a href="/items/${a.id}">${a.text}</a>${a.due ? html` <span class="badge due">due ${a.due}</span>` : ''}
          <div class="muted small">${a.series ?? ''} · <a href="${meetingHref(a.meetingId, a.line)}">${a.source}:${a.line}</a></div></td>
        <td data-label="First raised">${day(a.firstRaised)}</td>
        <td data-label="Last mentioned">${day(a.lastMentioned)}</td>
        <td data-label="Meetings" class="num">${a.meetings}</td>
        <td data-label="Owners">${ownerLinks(a.owners)}</td>
      </tr>`,
    )}</tbody></table>`;
}

/** Exports of the items a view shows. */
export function exportLinks(params) {
  return html`<p class="exports">Export: <a href="${withQuery('/api/action-items.csv', params)}" download>CSV</a> · <a href="${withQuery('/api/action-items.ics', params)}" download>calendar (.ics, items with a due date)</a></p>`;
}

/** Load a group's items the first time it is opened; after a failure, opening it again retries. */
async function fillGroup(details) {
  if (details.dataset.loaded) return;
  details.dataset.loaded = 'yes';
  const body = details.querySelector('.group-body');
  try {
    const page = await getJson('/api/action-items', { owner: details.dataset.owner, series: details.dataset.series, status: 'open', limit: 1000 });
    show(body, itemTable(page.items));
  } catch (error) {
    delete details.dataset.loaded;
    show(body, html`<p class="error" role="alert">${error.message}</p>`);
  }
}

export async function itemsView(main, url) {
  const series = url.searchParams.get('series') ?? '';
  document.title = 'Open action items – minutes-kb';
  const [owners, status] = await Promise.all([getJson('/api/owners', { series, limit: 1000 }), serverStatus()]);
  const open = owners.items.filter((o) => o.open > 0);
  const total = await getJson('/api/action-items', { series, status: 'open', limit: 0 });
  show(
    main,
    html`<h1>Open action items</h1>
    ${seriesPicker(status.series, series)}
    <p class="summary">${plural(total.total, 'open item')}, ${plural(open.length, 'owner')}; each owner's oldest first. An item with two owners is listed under both.</p>
    ${exportLinks({ series, status: 'open' })}
    ${open.map(
      (o, i) => html`<details class="owner-group" data-owner="${o.owner}" data-series="${series}" ${i < OPEN_GROUPS ? 'open' : ''}>
        <summary><span class="owner-name">@${o.owner}</span>${o.name ? html` <span class="muted">${o.name}</span>` : ''}
          <span class="count">${o.open} open</span> <a class="small" href="/people/${encodeURIComponent(o.owner)}">page</a></summary>
        <div class="group-body"><p class="muted">Loading…</p></div></details>`,
    )}`,
  );
  onSeriesChange(main, '/items');
  const groups = [...main.querySelectorAll('details.owner-group')];
  for (const details of groups) details.addEventListener('toggle', () => details.open && fillGroup(details));
  await Promise.all(groups.filter((d) => d.open).map(fillGroup));
}

function history(item) {
  return html`<ol class="timeline">${item.history.map(
    (m) => html`<li><span class="badge status-${m.status}">${m.status}</span> <a href="${meetingHref(m.meetingId, m.line)}">${day(m.date)}</a>
      <span class="muted small">${m.source}:${m.line}${m.carried ? ' · reviewed' : ''}</span><div>${m.text}</div></li>`,
  )}</ol>`;
}

export async function itemView(main, url, id) {
  const [item, status] = await Promise.all([getJson(`/api/action-items/${id}`), serverStatus()]);
  document.title = `${item.text} – minutes-kb`;
  show(
    main,
    html`<p class="crumbs"><a href="/items">Open action items</a> ›</p>
    <h1>${item.text}</h1>
    <p><span class="badge status-${item.status}">${item.status}</span> ${ownerLinks(item.owners)} · ${item.series ?? 'no series'}
      · first raised ${day(item.firstRaised)} · last mentioned ${day(item.lastMentioned)} · ${plural(item.meetings, 'meeting')}
      ${item.due ? html` · due ${item.due}` : ''}</p>
    ${status.writable
      ? html`<form class="toolbar" id="change"><label>Note <input name="note" maxlength="2000" placeholder="why (optional)"></label>
          ${item.status === 'open' ? html`<button type="button" value="done">Close</button> <button type="button" value="dropped">Drop</button>` : html`<button type="button" value="open">Reopen</button>`}
          <span id="change-result" role="status"></span></form>`
      : ''}
    <h2>History</h2>${history(item)}
    ${item.changes.length > 0 ? html`<h2>Changed by hand</h2><ul>${item.changes.map((c) => html`<li>${c.changedAt.slice(0, 16).replace('T', ' ')}: ${c.status}${c.note ? html` – ${c.note}` : ''}</li>`)}</ul>` : ''}`,
  );
  const form = main.querySelector('#change');
  // A status changes only by its button: Enter in the note must not close the item.
  form?.addEventListener('submit', (event) => event.preventDefault());
  for (const button of form?.querySelectorAll('button') ?? []) {
    button.addEventListener('click', async () => {
      if (!token.get()) token.set(prompt('Write token (MINUTES_TOKEN of the server):') ?? '');
      const note = form.elements.note.value;
      try {
        await send('PATCH', `/api/action-items/${id}`, JSON.stringify({ status: button.value, ...(note ? { note } : {}) }), 'application/json');
        await itemView(main, url, id);
      } catch (error) {
        form.querySelector('#change-result').textContent = error.message;
      }
    });
  }
}
