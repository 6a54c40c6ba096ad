// Import: drop .md files (or pick them) to import them, when the server takes writes.
import { send, serverStatus } from '../api.js';
import { ensureSignedIn } from '../dialogs.js';
import { html, plural, show } from '../dom.js';

/** `series/file.md`, the name the API files the minutes under (its first folder is the series). */
const sourceName = (series, file) => (series ? `${series.trim()}/${file.name}` : file.name);

async function importFiles(files, form, log) {
  if (!(await ensureSignedIn())) {
    show(log, html`<li class="error" role="alert">Nothing imported: importing needs the write token (Sign in).</li>`);
    return;
  }
  for (const file of files) {
    const source = sourceName(form.elements.series.value, file);
    const line = document.createElement('li');
    log.prepend(line);
    if (!file.name.endsWith('.md')) {
      show(line, html`<span class="badge status-dropped">skipped</span> ${file.name}: only .md files are minutes`);
      continue;
    }
    try {
      const { outcome, meeting } = await send(
        'POST',
        `/api/meetings?source=${encodeURIComponent(source)}`,
        await file.text(),
        'text/markdown',
      );
      const counts = [
        plural(meeting.actionItems.length, 'action item'),
        plural(meeting.decisions.length, 'decision'),
        ...(meeting.warnings.length > 0 ? [plural(meeting.warnings.length, 'warning')] : []),
      ];
      show(
        line,
        html`<span class="badge status-done">${outcome}</span> <a href="/meetings/${meeting.id}">${source}</a>:
          ${meeting.date ?? 'no date'}, ${counts.join(', ')}`,
      );
      serverStatus({ fresh: true }); // a new series shows in the pickers
    } catch (error) {
      show(line, html`<span class="badge status-dropped">failed</span> ${source}: ${error.message}`);
    }
  }
}

export async function importView(main) {
  const status = await serverStatus();
  document.title = 'Import – minutes-kb';
  if (!status.writable) {
    show(
      main,
      html`<h1>Import</h1>
        <p>
          This server is read-only. Start it with <code>MINUTES_TOKEN</code> set to import minutes from this page, or
          run <code>minutes import PATH</code>.
        </p>`,
    );
    return;
  }
  show(
    main,
    html`<h1>Import minutes</h1>
      <form id="import" class="stack">
        <label
          >Series
          <input name="series" list="series-list" placeholder="e.g. ${status.series[0]?.series ?? 'team-weekly'}"
        /></label>
        <datalist id="series-list">${status.series.map((s) => html`<option value="${s.series}"></option>`)}</datalist>
        <div id="drop" class="drop">
          Drop <strong>.md</strong> files here, or choose them:
          <input id="files" type="file" accept=".md,text/markdown" multiple aria-label="Minutes files to import" />
          <div class="muted small">
            A file imported before under the same name is replaced; an unchanged one is left as it is.
          </div>
        </div>
      </form>
      <p class="muted small">Importing asks for the write token once per browser tab (Sign in, top right).</p>
      <ul id="log" class="log" aria-live="polite"></ul>`,
  );
  const form = main.querySelector('#import');
  const drop = main.querySelector('#drop');
  const log = main.querySelector('#log');
  const accept = (files) => (form.reportValidity() ? importFiles([...files], form, log) : undefined);
  main.querySelector('#files').addEventListener('change', (event) => accept(event.target.files));
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    accept(event.dataTransfer.files);
  });
}
