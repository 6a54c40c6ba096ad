import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMarkdownFiles } from '../../src/import/find-files.js';
import { isFailed, type MeetingRecord } from '../../src/parse/meeting-record.js';
import { parseMeeting } from '../../src/parse/parse-meeting.js';
import { renderMeeting, type LineMark } from '../../src/web/render-meeting.js';
import { CORPUS, EXAMPLE, HAS_CORPUS, parseFile, ROOT } from '../helpers.js';

const marksOf = (record: MeetingRecord): LineMark[] => [
  ...record.actionItems.map((a) => ({ line: a.line, kind: 'action' as const })),
  ...record.decisions.map((d) => ({ line: d.line, kind: 'decision' as const })),
];

/** How often `id="L<line>"` occurs: each line has one anchor at most, so a link lands in one place. */
const anchors = (html: string, line: number) => html.split(`id="L${line}"`).length - 1;

describe('the meeting view renders minutes as safe HTML anchored by line', () => {
  it('anchors and marks every action item and decision of the example meeting', () => {
    const record = parseFile(EXAMPLE);
    const html = renderMeeting(readFileSync(join(ROOT, EXAMPLE), 'utf8'), marksOf(record));
    expect(record.actionItems.length).toBeGreaterThan(0);
    for (const mark of marksOf(record)) expect(anchors(html, mark.line), `line ${mark.line}`).toBe(1);
    expect(html.match(/class="[^"]*mark-action/g)?.length).toBeGreaterThanOrEqual(record.actionItems.length);
    expect(html).not.toContain('<h1'); // the page's own h1 names the meeting: the minutes' headings are one level down
    expect(html).toContain('<h2');
  });

  it('drops scripts, event handlers, javascript: links and raw HTML, and keeps the ids of the minutes from clashing with line anchors', () => {
    const markdown = [
      '# Meeting <script>alert(1)</script>',
      '',
      '<iframe src="https://example.org"></iframe>',
      '<img src="x" onerror="alert(1)">',
      '',
      '- AI @x: read [this](javascript:alert(1)) and [that](https://example.org/ok)',
      '- <span id="L6">fake anchor</span>',
      '',
      'Some text',
      'DECISION: we go',
    ].join('\n');
    const html = renderMeeting(markdown, [
      { line: 6, kind: 'action' },
      { line: 10, kind: 'decision' },
    ]);
    expect(html).not.toMatch(/<script|<iframe|onerror|javascript:/i);
    expect(html).toContain('href="https://example.org/ok"');
    expect(anchors(html, 6)).toBe(1);
    expect(html).toMatch(/<li id="L6" class="mark mark-action">/);
    // A decision on the second line of a paragraph gets an anchor of its own inside the paragraph.
    expect(html).toMatch(/<p id="L9" class="mark mark-decision"><a id="L10" class="line-anchor"><\/a>Some text/);
  });

  it('turns an image on another server into a link to it, so that no other server learns who reads the minutes', () => {
    const html = renderMeeting(
      '# Notes\n\n![the board](https://example.org/board.png) and ![](http://example.org/x.png)\n',
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('<a href="https://example.org/board.png" class="remote-image">[image: the board]</a>');
    expect(html).toContain('<a href="http://example.org/x.png" class="remote-image">[image]</a>');
  });

  it('sends links to other minutes to their meeting view, drops other relative addresses, and keeps footnotes working', () => {
    const markdown = [
      '# Meeting',
      '',
      'See [the special](20230704-special.md#votes), [nowhere](notes/missing.md), [site](https://example.org/x.md) and ![chart](./chart.png).',
      '',
      'A claim.[^1]',
      '',
      '[^1]: The source.',
    ].join('\n');
    const html = renderMeeting(markdown, [], (href) => (href.startsWith('20230704-special.md') ? '/meetings/7' : null));
    expect(html).toContain('<a href="/meetings/7">the special</a>');
    expect(html).toContain('<a>nowhere</a>');
    expect(html).toContain('href="https://example.org/x.md"');
    expect(html).not.toContain('chart.png');
    expect(html).toContain('chart');
    // The footnote reference points at the footnote, whose id survives beside the line anchor.
    const ref = /<a href="#(user-content-fn-1)"/.exec(html)?.[1];
    expect(ref).toBeTruthy();
    expect(html).toContain(`id="${ref}"`);
    expect(html).toMatch(/<li id="user-content-fn-1"><a id="L7" class="line-anchor"><\/a>/);
  });

  it.skipIf(!HAS_CORPUS)(
    'gives every action item and decision of real minutes exactly one anchor, and no unsafe markup',
    () => {
      // a fixed fifth of the corpus keeps the test quick
      const files = findMarkdownFiles([CORPUS]).filter((_, i) => i % 5 === 0);
      expect(files.length).toBeGreaterThan(150);
      let marked = 0;
      for (const file of files) {
        const text = readFileSync(file.source, 'utf8');
        const record = parseMeeting(text, file.source);
        if (isFailed(record)) continue;
        const html = renderMeeting(text, marksOf(record));
        for (const mark of marksOf(record)) {
          expect(anchors(html, mark.line), `${file.source}:${mark.line}`).toBe(1);
          marked++;
        }
        expect(html, file.source).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
      }
      expect(marked).toBeGreaterThan(200);
    },
  );
});
