// Small charts as inline SVG, drawn from the API's figures: no library, nothing fetched.
// Each chart has a text alternative (its role and label) and a table of its figures.
import { esc, html, Safe } from './dom.js';

const HEIGHT = 120;
const GAP = 2;

/** A round upper bound for an axis: 1, 2, 5, 10, 20, 50, ... */
function ceiling(max) {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((f) => f * step).find((v) => v >= max);
}

/**
 * Grouped bars per month: `bars` is [{ label, cls, values }] with one value per month.
 * The SVG scales to the width of its box (viewBox), so it is never wider than the screen.
 */
export function barChart({ title, months, bars }) {
  const top = ceiling(Math.max(0, ...bars.flatMap((b) => b.values)));
  const slot = 12;
  const width = months.length * slot;
  const bar = (slot - GAP) / bars.length;
  const rects = months.flatMap((month, i) =>
    bars.map((b, j) => {
      const h = (b.values[i] / top) * HEIGHT;
      return `<rect class="${b.cls}" x="${i * slot + j * bar}" y="${HEIGHT - h}" width="${bar}" height="${h}"><title>${esc(month)}: ${b.values[i]} ${esc(b.label)}</title></rect>`;
    }),
  );
  const years = months.map((m, i) => [m, i]).filter(([m], i) => m.endsWith('-01') || i === 0);
  const labels = years.map(
    ([m, i]) => `<text x="${i * slot}" y="${HEIGHT + 11}">${esc(m.endsWith('-01') ? m.slice(0, 4) : m)}</text>`,
  );
  const said = bars.map((b) => `${b.values.reduce((a, v) => a + v, 0)} ${b.label}`).join(', ');
  const svg = `<svg class="chart" viewBox="-1 -4 ${width + 2} ${HEIGHT + 16}" role="img"
    aria-label="${esc(`${title}: ${said} from ${months[0]} to ${months[months.length - 1]}; highest month ${top > 1 ? `under ${top + 1}` : top}`)}">
    <line class="axis" x1="0" x2="${width}" y1="${HEIGHT}" y2="${HEIGHT}"/>${rects.join('')}${labels.join('')}</svg>`;
  return html`<figure class="chart-box">
    <figcaption>
      ${title}
      <span class="legend"
        >${bars.map((b) => html`<span class="key ${b.cls}" aria-hidden="true"></span>${b.label} `)}</span
      >
      <span class="muted small">(scale 0–${top})</span>
    </figcaption>
    ${new Safe(svg)}
    <details class="figures">
      <summary>Figures</summary>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Month</th>
              ${bars.map((b) => html`<th scope="col">${b.label}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${months.map((m, i) =>
              bars.some((b) => b.values[i] > 0)
                ? html`<tr>
                    <th scope="row">${m}</th>
                    ${bars.map((b) => html`<td>${b.values[i]}</td>`)}
                  </tr>`
                : '',
            )}
          </tbody>
        </table>
      </div>
    </details>
  </figure>`;
}
