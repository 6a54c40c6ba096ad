import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import type { Root } from 'mdast';

/**
 * The parts of GFM that records need: tables (attendees, actions, decisions), task list
 * items (checkboxes) and strikethrough (status). Not autolink literals, which cost a third
 * of the parse time (`npm run bench`): bare URLs are found in the text instead
 * (extract-meeting.ts), and not footnotes, which minutes do not use.
 */
function minutesGfm(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
  );
}

/** One frozen processor for the whole process: building it costs more than a small file's parse. */
const processor = unified().use(remarkParse).use(minutesGfm).use(remarkFrontmatter, ['yaml']).freeze();

/** Markdown text to an mdast tree, with tables, task lists, strikethrough and YAML front matter. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
