import type { Root } from 'mdast';
import YAML from 'yaml';

export interface FrontMatter {
  title: string | null;
  date: string | null;
  series: string | null;
  /** A slide deck (HedgeDoc `type: slide`, `slideOptions`): one topic per slide. */
  slides: boolean;
  /** `attendees:` / `participants:` as a list or a comma-separated line. */
  attendees: string[];
}

const EMPTY: FrontMatter = { title: null, date: null, series: null, slides: false, attendees: [] };

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(scalar).filter((v): v is string => v !== null);
  const text = scalar(value);
  // Split, then trim: a pattern with spaces on both sides of the comma backtracks on long runs of spaces.
  return text
    ? text
        .split(/[,;]/)
        .map((part) => part.trim())
        .filter(Boolean)
    : [];
}

function scalar(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

/** The fields of YAML front matter that a meeting uses, or an error message when the YAML is malformed. */
export function readFrontMatter(tree: Root): { frontMatter: FrontMatter; line: number | null; error: string | null } {
  const node = tree.children[0];
  if (node?.type !== 'yaml') return { frontMatter: EMPTY, line: null, error: null };
  const line = node.position?.start.line ?? 1;
  try {
    const data: unknown = YAML.parse(node.value);
    if (data === null || typeof data !== 'object' || Array.isArray(data))
      return { frontMatter: EMPTY, line, error: null };
    const fields = data as Record<string, unknown>;
    return {
      frontMatter: {
        title: scalar(fields.title),
        date: scalar(fields.date),
        series: scalar(fields.series),
        slides: fields.type === 'slide' || 'slideOptions' in fields,
        attendees: list(fields.attendees ?? fields.participants ?? fields.present),
      },
      line,
      error: null,
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { frontMatter: EMPTY, line, error: `front matter is not valid YAML (ignored): ${reason}` };
  }
}
