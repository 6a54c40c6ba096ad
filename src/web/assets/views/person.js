// One person, by any name the minutes use for them: their open action items across all series,
// and the decisions of meetings they attended. A name nobody is known by says so.
import { getJson } from '../api.js';
import { day, html, meetingHref, plural, show } from '../dom.js';
import { exportLinks, itemTable, stateNote, stateOf } from './items.js';

function unknown(main, written) {
  document.title = 'Nobody known – minutes-kb';
  show(
    main,
    html`<nav aria-label="Breadcrumb" class="crumbs"><a href="/items">Open action items</a> ›</nav>
      <h1>Person not found</h1>
      <p role="status">
        Nobody in these minutes is known as <strong>${written}</strong>: no participant, owner of an action item or
        alias has that name.
      </p>
      <p>
        Search for it instead: <a href="/search?${new URLSearchParams({ q: written })}">${written}</a>, or see
        <a href="/items">everyone's open action items</a>.
      </p>`,
  );
}

export async function personView(main, url, written) {
  const id = written.replace(/^@+/, '');
  let person;
  try {
    person = await getJson(`/api/people/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error.status === 404) return unknown(main, id);
    throw error;
  }
  const [owner, decisions] = await Promise.all([
    getJson(`/api/owners/${encodeURIComponent(person.id)}`, {
      state: stateOf(url) === 'live' ? undefined : stateOf(url),
    }),
    getJson('/api/decisions', { attendee: person.id, limit: 100 }),
  ]);
  const title = person.name ?? `@${person.id}`;
  document.title = `${title} – minutes-kb`;
  const open = owner.open;
  show(
    main,
    html`<nav aria-label="Breadcrumb" class="crumbs"><a href="/items">Open action items</a> ›</nav>
      <h1>${title}</h1>
      <p class="meta">
        ${person.handle ? html`@${person.handle} · ` : ''}${plural(person.meetings, 'meeting')} attended ·
        ${plural(person.items, 'action item')} owned
        ${person.aliases.length > 0 ? html` · also written as ${person.aliases.join(', ')}` : ''}
      </p>
      <h2>Open action items <span class="count">${open.total}</span></h2>
      <p class="muted">
        Across all series, overdue first, then oldest first.
        ${stateNote(open, `/people/${encodeURIComponent(person.id)}`)}
      </p>
      ${exportLinks({ owner: person.id, status: 'open' })} ${itemTable(open.items)}
      <h2>Decisions of meetings ${title} attended <span class="count">${decisions.total}</span></h2>
      ${
        decisions.items.length === 0
          ? html`<p class="empty">No decisions recorded in meetings that list ${title} as a participant.</p>`
          : html`<ul class="decisions">
                ${decisions.items.map(
                  (d) =>
                    html`<li>
                      <a href="${meetingHref(d.meetingId, d.line)}">${d.text}</a>
                      <span class="muted small">${day(d.date)} · ${d.series ?? ''}</span>
                    </li>`,
                )}
              </ul>
              ${decisions.total > decisions.items.length ? html`<p class="muted">Showing the newest ${decisions.items.length}.</p>` : ''}`
      }`,
  );
}
