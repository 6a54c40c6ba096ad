// The decision log of a series: a timeline of decisions, newest meeting first.
import { getJson, serverStatus } from '../api.js';
import { day, html, meetingHref, plural, show } from '../dom.js';
import { onSeriesChange, seriesPicker } from './series-picker.js';

const PAGE = 200;

/** Decisions grouped by the meeting that took them, in the order given. */
function byMeeting(decisions) {
  const groups = [];
  for (const d of decisions) {
    const last = groups[groups.length - 1];
    if (last && last.meetingId === d.meetingId) last.items.push(d);
    else groups.push({ meetingId: d.meetingId, date: d.date, source: d.source, series: d.series, items: [d] });
  }
  return groups;
}

export async function decisionsView(main, url) {
  const series = url.searchParams.get('series') ?? '';
  const offset = Number(url.searchParams.get('offset') ?? 0) || 0;
  const [status, page] = await Promise.all([
    serverStatus(),
    getJson('/api/decisions', { series, limit: PAGE, offset }),
  ]);
  document.title = `Decisions${series ? ` of ${series}` : ''} – minutes-kb`;
  const csv = `/api/decisions.csv${series ? `?series=${encodeURIComponent(series)}` : ''}`;
  const more = (o) => `/decisions?${new URLSearchParams({ ...(series ? { series } : {}), offset: String(o) })}`;
  show(
    main,
    html`<h1>Decision log${series ? html` of ${series}` : ''}</h1>
      ${seriesPicker(status.series, series, { counts: true })}
      <p class="summary">
        ${plural(page.total, 'decision')}, newest first.
        <span class="exports">Export: <a href="${csv}" download>CSV</a></span>
      </p>
      <ol class="timeline">
        ${byMeeting(page.items).map(
          (g) =>
            html`<li>
              <h2>
                <a href="/meetings/${g.meetingId}">${day(g.date)}</a>
                <span class="muted small">${series ? '' : (g.series ?? '')} ${g.source}</span>
              </h2>
              <ul>
                ${g.items.map((d) => html`<li><a class="plain" href="${meetingHref(d.meetingId, d.line)}">${d.text}</a>${d.agenda ? html` <span class="muted small">(${d.agenda})</span>` : ''}</li>`)}
              </ul>
            </li>`,
        )}
      </ol>
      <nav class="pager">
        ${offset > 0 ? html`<a href="${more(Math.max(0, offset - PAGE))}">← newer</a>` : ''}
        ${offset + page.items.length < page.total ? html`<a href="${more(offset + PAGE)}">older →</a>` : ''}
      </nav>`,
  );
  onSeriesChange(main, '/decisions');
}
