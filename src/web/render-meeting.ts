import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** A line of the minutes the page points at: an action item or a decision. */
export interface LineMark {
  line: number;
  kind: 'action' | 'decision';
}

/** Elements that stand for one line (or start at it) in the rendered minutes. */
const BLOCKS = new Set(['p', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre']);

/**
 * Where a link of the minutes that is relative to their file should point on the page
 * (another meeting's view), or null when it points nowhere the page knows.
 */
export type LinkResolver = (href: string) => string | null;

/** A link or image address without a scheme and not from the site root: relative to the minutes' file. */
const isRelative = (url: string) => !/^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(url);

/**
 * Scripts, styles, event handlers and `javascript:` links go. The only ids in the tree are the
 * footnotes' that remark-rehype made, already prefixed `user-content-`; sanitising leaves them as
 * they are, so that footnote links still find them, and they never clash with line anchors.
 */
const schema = {
  ...defaultSchema,
  clobberPrefix: '',
  attributes: { ...defaultSchema.attributes, '*': [...(defaultSchema.attributes?.['*'] ?? []), 'dataLine'] },
};

/** Before sanitising, each block remembers the source line it starts on: sanitising rebuilds the tree. */
function rememberLines() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (BLOCKS.has(node.tagName) && node.position) node.properties.dataLine = node.position.start.line;
    });
  };
}

interface Block {
  node: Element;
  start: number;
  end: number;
}

/**
 * After sanitising: each block gets the anchor `L<line>` of the line it starts on, and the
 * lines that hold an action item or a decision get a class. A marked line inside a block that
 * starts earlier (the second line of a paragraph) gets an empty anchor at the start of its block.
 */
function anchorLines(marks: LineMark[]) {
  return (tree: Root) => {
    const blocks: Block[] = [];
    visit(tree, 'element', (node: Element) => {
      const start = Number(node.properties.dataLine);
      if (!Number.isInteger(start) || start < 1) return;
      blocks.push({ node, start, end: node.position?.end.line ?? start });
    });
    const anchored = new Set<number>();
    for (const block of blocks) {
      if (anchored.has(block.start)) continue; // the outermost block of a line holds its anchor (li before its p)
      if (block.node.properties.id) {
        // An id the minutes need (a footnote's) stays; the line gets an anchor of its own inside.
        block.node.children.unshift({
          type: 'element',
          tagName: 'a',
          properties: { id: `L${block.start}`, className: ['line-anchor'] },
          children: [],
        });
      } else {
        block.node.properties.id = `L${block.start}`;
      }
      anchored.add(block.start);
    }
    for (const mark of marks) {
      // the innermost block around the line
      const holder = blocks.filter((b) => b.start <= mark.line && mark.line <= b.end).pop();
      if (!holder) continue;
      const own = blocks.find((b) => b.start === mark.line) ?? holder;
      const classes = [own.node.properties.className ?? []].flat().map(String);
      own.node.properties.className = [...new Set([...classes, 'mark', `mark-${mark.kind}`])];
      if (!anchored.has(mark.line)) {
        holder.node.children.unshift({
          type: 'element',
          tagName: 'a',
          properties: { id: `L${mark.line}`, className: ['line-anchor'] },
          children: [],
        });
        anchored.add(mark.line);
      }
    }
    visit(tree, 'element', (node: Element) => {
      delete node.properties.dataLine;
    });
  };
}

/** The minutes' headings one level down: the page's own h1 names the meeting, and a page has one h1. */
function demoteHeadings() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const level = /^h([1-5])$/.exec(node.tagName)?.[1];
      if (level) node.tagName = `h${Number(level) + 1}`;
    });
  };
}

/**
 * Links relative to the minutes' file go to the page of the meeting they name, or lose their
 * address; relative images (a file beside the minutes that the server does not have) become
 * their alt text.
 */
function relativeLinks(resolve: LinkResolver) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'a' && typeof node.properties.href === 'string' && isRelative(node.properties.href)) {
        const target = resolve(node.properties.href);
        if (target) node.properties.href = target;
        else delete node.properties.href;
      }
      if (node.tagName === 'img' && typeof node.properties.src === 'string' && parent && index !== undefined) {
        const alt = String(node.properties.alt ?? '');
        if (isRelative(node.properties.src)) parent.children[index] = { type: 'text', value: alt };
        else if (/^https?:/i.test(node.properties.src)) {
          // An image on another server is a link to it: loaded, it would tell that server who reads the minutes.
          const text = `image${alt ? `: ${alt}` : ''}`;
          parent.children[index] = {
            type: 'element',
            tagName: 'a',
            properties: { href: node.properties.src, className: ['remote-image'] },
            children: [{ type: 'text', value: `[${text}]` }],
          };
        }
      }
    });
  };
}

const base = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkRehype)
  .use(rememberLines)
  .use(rehypeSanitize, schema)
  .use(demoteHeadings);

/**
 * Minutes as safe HTML for the meeting view: raw HTML in the markdown is dropped, links keep
 * only safe protocols, and every block is anchored by its source line (`#L42`), so a search
 * result or an action item opens the meeting at its line.
 */
export function renderMeeting(markdown: string, marks: LineMark[] = [], resolve: LinkResolver = () => null): string {
  const processor = base().use(anchorLines, marks).use(relativeLinks, resolve).use(rehypeStringify);
  return String(processor.processSync(markdown));
}
