// One meeting: its minutes rendered to safe HTML by the server, action items and decisions
// marked and anchored by line (#L42), with the meetings before and after it in the series.
import { getJson, getText } from '../api.js';
import { day, html, ownerLinks, Safe, show } from '../dom.js';

/** Bring the line the URL names into view and mark it, after the minutes are drawn (and when the hash changes). */
export function goToLine() {
  document.querySelector('.minutes .target')?.classList.remove('target');
  const target = location.hash && document.getElementById(location.hash.slice(1));
  if (!target) return;
  const block = target.classList.contains('line-anchor') ? target.parentElement : target;
  block.classList.add('target');
  target.scrollIntoView({ block: 'center' });
}

const neighbour = (m, label, rel) => (m ? html`<a rel="${rel}" href="/meetings/${m.id}">${label} ${day(m.date)}</a>` : html`<span class="muted">${label} none</span>`);

export async function meetingView(main, url, id) {
  const [meeting, minutes] = await Promise.all([getJson(`/api/meetings/${id}`), getText(`/api/meetings/${id}/html`)]);
  document.title = `${meeting.title ?? meeting.source} – minutes-kb`;
  show(
    main,
    html`<p class="crumbs">${meeting.series ? html`<a href="/decisions?series=${encodeURIComponent(meeting.series)}">${meeting.series}</a> ›` : ''}</p>
    <h1>${meeting.title ?? meeting.source}</h1>
    <p class="meta">${day(meeting.date)} · ${meeting.source} · ${meeting.participants.length} participants</p>
    <nav class="neighbours" aria-label="Meetings of this series">${neighbour(meeting.previous, '← previous', 'prev')} ${neighbour(meeting.next, 'next →', 'next')}</nav>
    <div class="with-sidebar meeting">
      <aside>
        <section><h2>Action items <span class="count">${meeting.actionItems.length}</span></h2>
          <ul class="marks">${meeting.actionItems.map((a) => html`<li><a href="#L${a.line}">${a.text}</a> <span class="badge status-${a.status}">${a.status}</span> <span class="small">${ownerLinks(a.owners)}</span></li>`)}</ul></section>
        <section><h2>Decisions <span class="count">${meeting.decisions.length}</span></h2>
          <ul class="marks">${meeting.decisions.map((d) => html`<li><a href="#L${d.line}">${d.text}</a></li>`)}</ul></section>
      </aside>
      <article class="minutes">${new Safe(minutes)}</article>
    </div>`,
  );
}
