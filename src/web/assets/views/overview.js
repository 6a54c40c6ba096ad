// The front page: what a team reads on Monday. Live open items by series and owner with the
// stale and overdue ones counted, the newest decisions, and activity per month as small charts.
import { getJson } from '../api.js';
import { barChart } from '../charts.js';
import { day, html, meetingHref, show } from '../dom.js';
import { navigate } from '../router.js';

/** Series charted one by one; the rest are in the totals. */
const CHARTED = 6;

function countTable(caption, rows, keyHeader, keyCell) {
  if (rows.length === 0) return html`<p class="empty">No open action items.</p>`;
  return html`<table class="counts">
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">${keyHeader}</th>
        <th scope="col" class="num">Live</th>
        <th scope="col" class="num">Overdue</th>
        <th scope="col" class="num">Stale</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) =>
          html`<tr>
            <th scope="row">${keyCell(r)}</th>
            <td class="num" data-label="Live">${r.live}</td>
            <td class="num" data-label="Overdue">
              ${r.overdue > 0 ? html`<span class="badge due">${r.overdue}</span>` : '0'}
            </td>
            <td class="num muted" data-label="Stale">${r.stale}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The series with most activity in the months charted, most first. */
function busiest(perSeries) {
  const sums = new Map();
  for (const r of perSeries) sums.set(r.series, (sums.get(r.series) ?? 0) + r.decisions + r.raised);
  return [...sums]
    .filter(([s, n]) => s !== null && n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([s]) => s);
}

function seriesCharts(o) {
  const series = busiest(o.perSeries);
  const values = (name, field) =>
    o.months.map((m) => o.perSeries.find((r) => r.series === name && r.month === m)?.[field] ?? 0);
  return html`${series.slice(0, CHARTED).map((name) =>
    barChart({
      title: name,
      months: o.months,
      bars: [
        { label: 'decisions', cls: 'bar-decision', values: values(name, 'decisions') },
        { label: 'new action items', cls: 'bar-action', values: values(name, 'raised') },
      ],
    }),
  )}
  ${series.length > CHARTED ? html`<p class="muted small">${series.length - CHARTED} other series with activity in these months: ${series.slice(CHARTED).join(', ')}.</p>` : ''}`;
}

export async function overviewView(main) {
  document.title = 'Overview – minutes-kb';
  const o = await getJson('/api/overview');
  const span = o.months.length > 0 ? `${o.months[0]} to ${o.months[o.months.length - 1]}` : '';
  show(
    main,
    html`<h1>Overview</h1>
      <form class="search-box" role="search" action="/search">
        <input
          id="q"
          type="search"
          name="q"
          autocomplete="off"
          aria-label="Search minutes"
          placeholder="Search the minutes (press /)"
        />
      </form>
      <ul class="stats" aria-label="At a glance">
        <li>
          <a href="/items"><strong>${o.live}</strong> live open items</a>
        </li>
        <li>
          <a href="/items?state=overdue"><strong>${o.overdue}</strong> overdue</a>
        </li>
        <li>
          <a href="/items?state=stale"><strong>${o.stale}</strong> stale</a>
        </li>
        <li><strong>${o.meetings}</strong> meetings in ${o.series} series</li>
        <li>latest meeting <strong>${day(o.latestMeeting)}</strong></li>
      </ul>
      <p class="muted small">
        Judged on ${o.today}. An open item is <em>live</em> while one of the last ${o.window.meetings} meetings of its
        series or the last ${o.window.days} days mention it; otherwise it is <em>stale</em> (not closed: a later mention
        makes it live again). <em>Overdue</em>: open and past its due date.
      </p>
      <div class="columns">
        <section aria-labelledby="by-series">
          <h2 id="by-series">Open items by series</h2>
          ${countTable('Open action items per series, most live first', o.bySeries, 'Series', (r) => html`<a href="/items?series=${encodeURIComponent(r.key)}">${r.key || 'no series'}</a>`)}
        </section>
        <section aria-labelledby="by-owner">
          <h2 id="by-owner">Open items by owner</h2>
          ${countTable('Open action items per owner, most live first', o.byOwner, 'Owner', (r) => html`<a href="/people/${encodeURIComponent(r.key)}">@${r.key}</a>`)}
        </section>
      </div>
      <section aria-labelledby="newest">
        <h2 id="newest">Newest decisions</h2>
        <ul class="decisions">
          ${o.decisions.map(
            (d) =>
              html`<li>
                <a href="${meetingHref(d.meetingId, d.line)}">${d.text}</a>
                <span class="muted small">${day(d.date)} · ${d.series ?? 'no series'}</span>
              </li>`,
          )}
        </ul>
        <p><a href="/decisions">All decisions</a></p>
      </section>
      <section aria-labelledby="activity">
        <h2 id="activity">Activity per month, ${span}</h2>
        <div class="charts">
          ${barChart({
            title: 'All series: action items raised and closed',
            months: o.months,
            bars: [
              { label: 'raised', cls: 'bar-action', values: o.total.map((t) => t.raised) },
              { label: 'closed or dropped', cls: 'bar-closed', values: o.total.map((t) => t.closed) },
            ],
          })}
          ${barChart({ title: 'All series: decisions', months: o.months, bars: [{ label: 'decisions', cls: 'bar-decision', values: o.total.map((t) => t.decisions) }] })}
        </div>
        <h3>Decisions and new action items of the busiest series</h3>
        <div class="charts">${seriesCharts(o)}</div>
      </section>`,
  );
  main.querySelector('form[role=search]').addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`/search?${new URLSearchParams({ q: event.target.elements.q.value.trim() })}`);
  });
}
