// One meeting: its minutes rendered to safe HTML by the server, action items and decisions
// marked and anchored by line (#L42), who took part, and the meetings before and after it in the series.
import { getJson, getText } from '../api.js';
import { day, html, ownerLinks, plural, Safe, show } from '../dom.js';

/** Bring the line the URL names into view and mark it, after the minutes are drawn (and when the hash changes). */
export function goToLine() {
  document.querySelector('.minutes .target')?.classList.remove('target');
  const target = location.hash && document.getElementById(location.hash.slice(1));
  if (!target?.closest('.minutes')) return; // the skip link's #main, or a line of no minutes on screen
  const block = target.classList.contains('line-anchor') ? target.parentElement : target;
  block.classList.add('target');
  target.scrollIntoView({ block: 'center' });
}

const neighbour = (m, label, rel) =>
  m
    ? html`<a rel="${rel}" href="/meetings/${m.id}">${label} ${day(m.date)}</a>`
    : html`<span class="muted">${label}: none</span>`;

/** A participant by name and handle, linked to their page: "Kurt Garloff (@garloff)". */
function participant(p) {
  const handle = p.handle ?? (p.name ? null : p.id);
  const label = p.name
    ? html`${p.name}${handle ? html` <span class="muted">@${handle}</span>` : ''}`
    : html`@${handle}`;
  return html`<li><a href="/people/${encodeURIComponent(p.handle ?? p.id)}">${label}</a></li>`;
}

export async function meetingView(main, url, id) {
  const [meeting, minutes] = await Promise.all([getJson(`/api/meetings/${id}`), getText(`/api/meetings/${id}/html`)]);
  const title = meeting.title ?? meeting.source;
  document.title = `${title} – minutes-kb`;
  const series = meeting.series;
  show(
    main,
    html`<nav aria-label="Breadcrumb" class="crumbs">
        <a href="/">Overview</a> ›
        ${series ? html`<a href="/search?${new URLSearchParams({ q: `series:${series}` })}">${series}</a> ›` : html`<span>no series</span> ›`}
      </nav>
      <h1>${title}</h1>
      <p class="meta">
        ${day(meeting.date)} ·
        ${meeting.source}${series ? html` · <a href="/decisions?series=${encodeURIComponent(series)}">decision log of ${series}</a>` : ''}
      </p>
      <nav class="neighbours" aria-label="Meetings of this series">
        ${neighbour(meeting.previous, '← previous', 'prev')} ${neighbour(meeting.next, 'next →', 'next')}
      </nav>
      <div class="with-sidebar meeting">
        <aside aria-label="In this meeting">
          <section>
            <h2>Participants <span class="count">${meeting.participants.length}</span></h2>
            ${
              meeting.participants.length === 0
                ? html`<p class="muted small">The minutes list nobody as present.</p>`
                : html`<details class="participants" ${meeting.participants.length <= 12 ? 'open' : ''}>
                    <summary>${plural(meeting.participants.length, 'person')}</summary>
                    <ul class="people">
                      ${meeting.participants.map(participant)}
                    </ul>
                  </details>`
            }
          </section>
          <section>
            <h2>Action items <span class="count">${meeting.actionItems.length}</span></h2>
            <ul class="marks">
              ${meeting.actionItems.map((a) => html`<li><a href="#L${a.line}">${a.text}</a> <span class="badge status-${a.status}">${a.status}</span> <span class="small">${ownerLinks(a.owners)}</span></li>`)}
            </ul>
          </section>
          <section>
            <h2>Decisions <span class="count">${meeting.decisions.length}</span></h2>
            <ul class="marks">
              ${meeting.decisions.map((d) => html`<li><a href="#L${d.line}">${d.text}</a></li>`)}
            </ul>
          </section>
        </aside>
        <article class="minutes" aria-label="The minutes">${new Safe(minutes)}</article>
      </div>`,
  );
}
