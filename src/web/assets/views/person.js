// One person: their open action items across all series, and the decisions of meetings they attended.
import { getJson } from '../api.js';
import { day, html, meetingHref, show } from '../dom.js';
import { exportLinks, itemTable } from './items.js';

export async function personView(main, url, id) {
  const [owner, decisions] = await Promise.all([getJson(`/api/owners/${encodeURIComponent(id)}`), getJson('/api/decisions', { attendee: id, limit: 100 })]);
  document.title = `@${id} – minutes-kb`;
  show(
    main,
    html`<p class="crumbs"><a href="/items">Open action items</a> ›</p>
    <h1>@${id}</h1>
    <h2>Open action items <span class="count">${owner.open.total}</span></h2>
    <p class="muted">Across all series, oldest first.</p>
    ${exportLinks({ owner: id, status: 'open' })}
    ${itemTable(owner.open.items)}
    <h2>Decisions of meetings @${id} attended <span class="count">${decisions.total}</span></h2>
    ${decisions.items.length === 0
      ? html`<p class="empty">No decisions recorded in meetings that list @${id} as a participant.</p>`
      : html`<ul class="decisions">${decisions.items.map(
          (d) => html`<li><a href="${meetingHref(d.meetingId, d.line)}">${day(d.date)}</a> <span class="muted small">${d.series ?? ''}</span><div>${d.text}</div></li>`,
        )}</ul>${decisions.total > decisions.items.length ? html`<p class="muted">Showing the newest ${decisions.items.length}.</p>` : ''}`}`,
  );
}
