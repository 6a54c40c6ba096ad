// The series picker of the list views: choosing a series reloads the view for it.
import { html } from '../dom.js';
import { navigate } from '../router.js';

/** A labelled select of all series; `counts` adds each series' number of meetings. */
export function seriesPicker(all, current, { counts = false } = {}) {
  return html`<form class="toolbar series-picker">
    <label
      >Series
      <select name="series">
        <option value="">all series</option>
        ${all.map((s) => html`<option value="${s.series}" ${s.series === current ? 'selected' : ''}>${s.series}${counts ? ` (${s.meetings})` : ''}</option>`)}
      </select></label
    >
  </form>`;
}

/** Navigate to `path?series=...` when the picker in `part` changes. */
export function onSeriesChange(part, path) {
  part.querySelector('.series-picker select').addEventListener('change', (event) => {
    const value = event.target.value;
    navigate(value ? `${path}?series=${encodeURIComponent(value)}` : path);
  });
}
