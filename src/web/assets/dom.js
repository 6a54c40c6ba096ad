// Small helpers for drawing views: every interpolated value is escaped unless it is marked safe.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML. */
export const esc = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** A piece of HTML that is already safe (built by `html` or sanitised by the server). */
export class Safe {
  constructor(text) {
    this.text = text;
  }
  toString() {
    return this.text;
  }
}

const piece = (value) =>
  value instanceof Safe
    ? value.text
    : Array.isArray(value)
      ? value.map(piece).join('')
      : value === false || value == null
        ? ''
        : esc(value);

/** Tagged template: html`<b>${text}</b>` escapes `text`; arrays are joined; `false` and null draw nothing. */
export function html(strings, ...values) {
  return new Safe(strings.reduce((out, s, i) => out + s + (i < values.length ? piece(values[i]) : ''), ''));
}

/** A search snippet: the server marks matches «like this»; escape first, then mark. */
export const snippet = (text) => new Safe(esc(text).replace(/«/g, '<mark>').replace(/»/g, '</mark>'));

/** Put HTML into the main area. */
export function show(target, content) {
  target.innerHTML = piece(content);
}

/** "1 decision", "3 decisions". */
export const plural = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** A date, or a dash when unknown. */
export const day = (date) => date ?? '—';

/** `garloff, mbuechse` as links to each person's page. */
export const ownerLinks = (owners) =>
  owners && owners.length > 0
    ? owners.map((o, i) => html`${i > 0 ? ', ' : ''}<a href="/people/${encodeURIComponent(o)}">@${o}</a>`)
    : html`<span class="muted">no owner</span>`;

/** The page link to a meeting, at a line when there is one. */
export const meetingHref = (meetingId, line) => `/meetings/${meetingId}${line ? `#L${line}` : ''}`;

/** A moment (ISO, UTC) in the reader's own time zone, with the zone named: "6 Dec 2026, 07:15 CET". */
export const localTime = (iso) =>
  html`<time datetime="${iso}"
    >${new Date(iso).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' })}</time
  >`;

/** A person as a link to their page: "@garloff". */
export const personLink = (id) => html`<a href="/people/${encodeURIComponent(id)}">@${id}</a>`;
