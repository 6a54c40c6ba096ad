import type { Code, Nodes, Parent, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from './markdown.js';

/**
 * A unit is the smallest thing a recogniser looks at: one heading, one list item's
 * own text, one line of a paragraph, or one table row. Units keep the structure
 * around them (enclosing headings, parent item, child items) so that recognisers
 * can ask "which section am I in?" without walking the tree again.
 */
export interface Unit {
  kind: 'heading' | 'item' | 'line' | 'row';
  line: number;
  /** Plain text, markup removed, whitespace collapsed. */
  text: string;
  /** Every non-space character of the text is struck through (`~~...~~`). */
  struck: boolean;
  /** Task-list box: true `[x]`, false `[ ]`, null when there is none. */
  checked: boolean | null;
  /** The first unit of the paragraph or item text this unit is part of (itself, if it opens it). */
  opener: Unit | null;
  /**
   * The whole paragraph is in italics or square brackets: in a transcript, the note taker's aside ("_no objection_").
   */
  aside: boolean;
  /** Where each source line of a wrapped paragraph line begins in `text`, after the first: [offset, line]. */
  wraps: [number, number][];
  /** Heading level (1-6) for headings, 0 otherwise. */
  headingDepth: number;
  /** Nesting of lists: 1 for a top-level bullet, 0 outside lists. */
  listDepth: number;
  /**
   * The unit this one hangs under: the list item it is nested in, or a label line ("Decisions:") that its list follows.
   */
  parent: Unit | null;
  children: Unit[];
  /** Enclosing headings, outermost first. */
  headings: Unit[];
  /** Slide number in a slide deck: how many `---` breaks stand before the unit. */
  slide: number;
  /** For table rows: the cells, and the header row's cells. */
  cells: string[] | null;
  header: string[] | null;
  links: { line: number; url: string }[];
}

interface TextLine {
  line: number;
  text: string;
  struckChars: number;
  chars: number;
  links: { line: number; url: string }[];
}

/** Collapse whitespace. */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Split phrasing content into source lines, tracking strikethrough and links per line.
 * Soft line breaks and hard breaks both start a new line.
 */
function phrasingLines(nodes: PhrasingContent[], firstLine: number): TextLine[] {
  const lines: TextLine[] = [];
  let current: TextLine = { line: firstLine, text: '', struckChars: 0, chars: 0, links: [] };
  const newLine = (line: number) => {
    lines.push(current);
    current = { line, text: '', struckChars: 0, chars: 0, links: [] };
  };
  const add = (value: string, struck: boolean) => {
    current.text += value;
    const visible = value.replace(/\s/g, '').length;
    current.chars += visible;
    if (struck) current.struckChars += visible;
  };
  const walk = (node: PhrasingContent, struck: boolean) => {
    switch (node.type) {
      case 'text': {
        const parts = node.value.split('\n');
        let line = node.position?.start.line ?? current.line;
        parts.forEach((part, i) => {
          if (i > 0) newLine(++line);
          add(part, struck);
        });
        return;
      }
      case 'inlineCode':
        add(node.value, struck);
        return;
      case 'break':
        newLine(node.position?.end.line ?? current.line + 1);
        return;
      case 'html':
        // Inline HTML is markup (`<br>`, `<font>`), not words; `<br>` separates like a space.
        add(' ', struck);
        return;
      case 'image':
        add(node.alt ?? '', struck);
        return;
      case 'link':
        current.links.push({ line: node.position?.start.line ?? current.line, url: node.url });
        for (const child of node.children) walk(child, struck);
        return;
      case 'delete':
        for (const child of node.children) walk(child, true);
        return;
      default:
        if ('children' in node) for (const child of node.children as PhrasingContent[]) walk(child, struck);
        else if ('value' in node && typeof node.value === 'string') add(node.value, struck);
    }
  };
  for (const node of nodes) walk(node, false);
  lines.push(current);
  return lines.filter((l) => l.text.trim() !== '' || l.links.length > 0);
}

function lineStartsNewUnit(previous: string, next: string): boolean {
  // A wrapped sentence continues in lower case after a line that does not end a sentence; a line that
  // opens with ": " defines the one before it (a definition list: "Present" / ": Hana Sato, ...").
  if (/^:\s/.test(next.trimStart()) && !/[.:!?)]$/.test(previous.trimEnd())) return false;
  return /[.:!?)]$/.test(previous.trimEnd()) || !/^[\p{Ll}(,;]/u.test(next.trimStart());
}

function makeUnit(kind: Unit['kind'], line: number, text: string, context: Context): Unit {
  return {
    kind,
    line,
    text: cleanText(text),
    struck: false,
    checked: null,
    opener: null,
    aside: false,
    wraps: [],
    headingDepth: 0,
    listDepth: context.listDepth,
    parent: context.parent,
    children: [],
    headings: context.headings,
    slide: context.slide,
    cells: null,
    header: null,
    links: [],
  };
}

interface Context {
  headings: Unit[];
  parent: Unit | null;
  listDepth: number;
  slide: number;
}

/** Lines of a paragraph, grouped so that a wrapped sentence stays one unit. */
function paragraphUnits(nodes: PhrasingContent[], firstLine: number, context: Context): Unit[] {
  const units: Unit[] = [];
  // The pieces of each unit's text, joined once at the end: joining as lines come is quadratic in a long paragraph.
  const pieces: [string, number][][] = [];
  let previous = '';
  let struck = 0;
  let chars = 0;
  for (const textLine of phrasingLines(nodes, firstLine)) {
    const last = units[units.length - 1];
    if (last && !lineStartsNewUnit(previous, textLine.text)) {
      pieces[pieces.length - 1]!.push([textLine.text, textLine.line]);
      last.links.push(...textLine.links);
    } else {
      if (last) last.struck = chars > 0 && struck === chars;
      struck = 0;
      chars = 0;
      const unit = makeUnit('line', textLine.line, '', context);
      unit.links.push(...textLine.links);
      units.push(unit);
      pieces.push([[textLine.text, textLine.line]]);
    }
    previous = textLine.text;
    struck += textLine.struckChars;
    chars += textLine.chars;
  }
  const last = units[units.length - 1];
  if (last) last.struck = chars > 0 && struck === chars;
  units.forEach((unit, i) => {
    const parts = pieces[i]!.map(([text, line]) => [cleanText(text), line] as const).filter(([text]) => text !== '');
    // A line that opens with ": " defines the line before it ("Present" / ": Hana Sato, ..."; pandoc's
    // definition lists): it joins as "Present: Hana Sato, ...", as if written on one line.
    const joined: string[] = [];
    let offset = 0;
    for (const [index, [text, line]] of parts.entries()) {
      const separator = index === 0 || text.startsWith(': ') ? '' : ' ';
      if (index > 0) unit.wraps.push([offset + separator.length, line]);
      joined.push(separator, text);
      offset += separator.length + text.length;
    }
    unit.text = joined.join('');
    unit.opener = units[0]!;
  });
  return units;
}

/** The source line of a character of a unit's text: a wrapped paragraph line spans several. */
export function lineAt(unit: Unit, offset: number): number {
  let line = unit.line;
  for (const [start, wrapLine] of unit.wraps) if (start <= offset) line = wrapLine;
  return line;
}

function tableUnits(table: Table, context: Context): Unit[] {
  const [headRow, ...rows] = table.children;
  const cellText = (cell: Parent) =>
    cleanText(
      phrasingLines(cell.children as PhrasingContent[], cell.position?.start.line ?? 1)
        .map((l) => l.text)
        .join(' '),
    );
  const header = headRow ? headRow.children.map(cellText) : [];
  return rows.map((row) => {
    const cells = row.children.map(cellText);
    const unit = makeUnit('row', row.position?.start.line ?? 1, cells.filter(Boolean).join(' | '), context);
    unit.cells = cells;
    unit.header = header;
    const lines = row.children.flatMap((cell) => phrasingLines(cell.children, cell.position?.start.line ?? 1));
    unit.links = lines.flatMap((l) => l.links);
    const visible = lines.reduce((n, l) => n + l.chars, 0);
    unit.struck = visible > 0 && lines.reduce((n, l) => n + l.struckChars, 0) === visible;
    return unit;
  });
}

/** The start of a paragraph's text, markup aside: enough to see whether its first line is a label. */
function toPlainStart(nodes: PhrasingContent[]): string {
  return phrasingLines(nodes.slice(0, 8), 1)[0]?.text ?? '';
}

/** A paragraph all in emphasis, or all in square brackets: "_discussion about moderation_", "[ General agreement ]". */
function isAside(nodes: PhrasingContent[]): boolean {
  const visible = nodes.filter((n) => n.type !== 'text' || n.value.trim() !== '');
  if (visible.length > 0 && visible.every((n) => n.type === 'emphasis')) return true;
  const first = visible[0];
  const last = visible[visible.length - 1];
  return (
    first?.type === 'text' &&
    last?.type === 'text' &&
    first.value.trimStart().startsWith('[') &&
    last.value.trimEnd().endsWith(']')
  );
}

/** Indented (not fenced) code: its value spans as many lines as its position does. */
function isIndentedCode(node: Code): boolean {
  const lines = node.position ? node.position.end.line - node.position.start.line + 1 : 0;
  return node.lang == null && node.value.split('\n').length === lines;
}

/** Program code, as transcripts quote it: statements ending in `;`, `{`, `}`, arrows, declarations. */
const CODE_LINE = /[;{})]\s*$|=>|^\s*(?:const|let|var|function|class|return|import|export|if|for|while)\b/;

/** An indented block that is code: at least a third of its lines read as code. */
function looksLikeCode(value: string): boolean {
  const lines = value.split('\n').filter((l) => l.trim() !== '');
  return lines.filter((l) => CODE_LINE.test(l)).length * 3 >= lines.length;
}

/** Parse a block's text again as markdown, numbering lines as in the file. */
function reparse(value: string, firstLine: number): RootContent[] {
  const tree = parseMarkdown(value);
  visit(tree, (node) => {
    if (node.position) {
      node.position.start.line += firstLine - 1;
      node.position.end.line += firstLine - 1;
    }
  });
  return tree.children;
}

/** A line that only names what follows ("Decisions:", "**Action items**"), or asks what the list under it answers. */
function isLabel(unit: Unit): boolean {
  return /[:?]$/.test(unit.text) || unit.text.split(' ').length <= 4;
}

/**
 * Walk the tree once and return its units in document order. The walk keeps a
 * stack of headings (a heading closes every open heading of its level or deeper)
 * and hands each list the item or label line it hangs under.
 */
export function collectUnits(tree: Root): Unit[] {
  const units: Unit[] = [];
  let headings: Unit[] = [];

  const visitBlocks = (nodes: RootContent[], context: Context) => {
    let label: Unit | null = null;
    for (const node of nodes) {
      const line = node.position?.start.line ?? 1;
      switch (node.type) {
        case 'heading': {
          headings = headings.filter((h) => h.headingDepth < node.depth);
          const unit = makeUnit(
            'heading',
            line,
            phrasingLines(node.children, line)
              .map((l) => l.text)
              .join(' '),
            {
              ...context,
              headings,
              parent: null,
              listDepth: 0,
            },
          );
          unit.headingDepth = node.depth;
          unit.links = phrasingLines(node.children, line).flatMap((l) => l.links);
          units.push(unit);
          headings = [...headings, unit];
          context = { ...context, headings };
          label = null;
          break;
        }
        case 'paragraph': {
          // Lines right after a "Label:" line hang under it as a list would ("Outcome of today:" / "a) Push over
          // Pull").
          const opensWithLabel = toPlainStart(node.children).trimEnd().endsWith(':');
          const owner =
            label && /:$/.test(label.text) && label.parent === context.parent && !opensWithLabel ? label : null;
          const lines = paragraphUnits(node.children, line, owner ? { ...context, parent: owner } : context);
          if (isAside(node.children)) for (const unit of lines) unit.aside = true;
          units.push(...lines);
          for (const unit of lines) (owner ?? context.parent)?.children.push(unit);
          const last = lines[lines.length - 1];
          label = last && isLabel(last) ? last : null;
          break;
        }
        case 'list': {
          const parent = label ?? context.parent;
          for (const item of node.children) {
            visitItem(item, { ...context, parent, listDepth: context.listDepth + 1 });
          }
          label = null;
          break;
        }
        case 'table':
          units.push(...tableUnits(node, context));
          label = null;
          break;
        case 'blockquote':
          visitBlocks(node.children, context);
          label = null;
          break;
        case 'code':
          // An indented block is markdown typed with too much indent, unless it reads as program code.
          if (isIndentedCode(node) && !looksLikeCode(node.value)) visitBlocks(reparse(node.value, line), context);
          label = null;
          break;
        case 'thematicBreak':
          // Slide decks (reveal.js) start a slide with `---` and a sub-slide with `----`.
          if (node.position && node.position.end.offset! - node.position.start.offset! === 3)
            context = { ...context, slide: context.slide + 1 };
          label = null;
          break;
        default:
          // Code, HTML, front matter and definitions hold no items.
          label = null;
      }
    }
  };

  const visitItem = (item: Extract<Nodes, { type: 'listItem' }>, context: Context) => {
    const line = item.position?.start.line ?? 1;
    const [first, ...rest] = item.children;
    let unit: Unit;
    let more: Unit[] = [];
    if (first?.type === 'paragraph') {
      const [own, ...others] = paragraphUnits(first.children, first.position?.start.line ?? line, context);
      unit = own ?? makeUnit('item', line, '', context);
      more = others;
    } else {
      unit = makeUnit('item', line, '', context);
    }
    unit.kind = 'item';
    unit.line = line;
    unit.checked = item.checked ?? null;
    units.push(unit);
    context.parent?.children.push(unit);
    const inner: Context = { ...context, parent: unit };
    for (const other of more) {
      other.parent = unit;
      unit.children.push(other);
      units.push(other);
    }
    visitBlocks(first?.type === 'paragraph' ? rest : item.children, inner);
  };

  visitBlocks(tree.children, { headings: [], parent: null, listDepth: 0, slide: 0 });
  return units;
}

/** The chain of units that enclose a unit, innermost first: parents, then headings. */
export function ancestors(unit: Unit): Unit[] {
  const chain: Unit[] = [];
  for (let p = unit.parent; p; p = p.parent) chain.push(p);
  for (let i = unit.headings.length - 1; i >= 0; i--) chain.push(unit.headings[i]!);
  return chain;
}
