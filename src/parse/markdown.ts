import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';

/** One frozen processor for the whole process: building it costs more than a small file's parse. */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();

/** Markdown text to an mdast tree, with GFM (tables, task lists, strikethrough, autolinks) and YAML front matter. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
