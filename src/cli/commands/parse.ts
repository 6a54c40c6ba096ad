import { Command } from 'commander';
import { findMarkdownFiles } from '../../import/find-files.js';
import { isFailed, type MeetingRecord, type ParseResult } from '../../parse/meeting-record.js';
import { at, count, printJson, println } from '../output.js';
import { jsonOption } from '../options.js';

/**
 * Parse paths as the importer would (same series rule), without storing anything; a path that cannot be read is a
 * failed record.
 */
export async function parsePaths(paths: string[]): Promise<ParseResult[]> {
  const { readMinutes } = await import('../../import/read-minutes.js'); // the parser: loaded by the commands that parse
  return paths.flatMap((path) => {
    try {
      return findMarkdownFiles([path]).map(readMinutes);
    } catch (error) {
      return [{ source: path, error: error instanceof Error ? error.message.replace(`${path}: `, '') : String(error) }];
    }
  });
}

function describe(record: MeetingRecord): void {
  println(
    `${record.source}: ${record.date ?? 'no date'}${record.title ? ` "${record.title}"` : ''}${record.series ? ` [${record.series}]` : ''}`,
  );
  println(`  participants: ${record.participants.map((p) => p.id).join(', ') || '-'}`);
  for (const a of record.agenda)
    println(
      `  agenda   ${at(record.source, a.line)}  ${'  '.repeat(a.depth - 1)}${a.title}${a.owners.length ? ` (${a.owners.join(', ')})` : ''}`,
    );
  for (const a of record.actionItems) {
    println(
      `  action   ${at(record.source, a.line)}  [${a.status}${a.carried ? ', carried' : ''}${a.due ? `, due ${a.due}` : ''}] ${a.owners.join(', ') || '(no owner)'}: ${a.text}`,
    );
  }
  for (const d of record.decisions) println(`  decision ${at(record.source, d.line)}  ${d.text}`);
  for (const w of record.warnings) println(`  warning  ${at(record.source, w.line)}  ${w.message}`);
  println(
    `  ${count(record.actionItems.length, 'action item')}, ${count(record.decisions.length, 'decision')}, ${count(record.links.length, 'link')}`,
  );
}

export function parseCommand(): Command {
  return new Command('parse')
    .description('parse minutes and print their records, without storing them')
    .argument('<files...>', 'markdown files (or folders of them)')
    .addOption(jsonOption('print one JSON record per file (JSON Lines), in the order given'))
    .action(async (paths: string[], options: { json?: boolean }) => {
      let failed = 0;
      for (const result of await parsePaths(paths)) {
        if (isFailed(result)) failed++;
        if (options.json) printJson(result);
        else if (isFailed(result)) process.stderr.write(`${result.source}: error: ${result.error}\n`);
        else describe(result);
      }
      if (failed > 0) process.exitCode = 1;
    });
}
