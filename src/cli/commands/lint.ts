import { Command, Option } from 'commander';
import { existsSync } from 'node:fs';
import { isFailed } from '../../parse/meeting-record.js';
import { databasePath } from '../../store/database.js';
import { isKnownPerson } from '../../store/people.js';
import { openStore } from '../open-store.js';
import { println } from '../output.js';
import { dbOption, jsonOption } from '../options.js';
import { parsePaths } from './parse.js';

export interface Problem {
  file: string;
  line: number | null;
  message: string;
}

export const LINT_FORMATS = ['text', 'json', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** A workflow command's message: GitHub reads %, CR and LF as escapes (actions/toolkit, `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: as a message, and `:` and `,` too, which end a property (`escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One problem as a line of the format: `file:line: message`, a JSON object, or a GitHub `::warning` annotation. */
export function formatProblem(p: Problem, format: LintFormat): string {
  if (format === 'json') return JSON.stringify(p);
  if (format === 'text') return `${p.file}:${p.line ?? 1}: ${p.message}`;
  // A problem of the whole file (it cannot be read, it has no date) is an annotation of the file, with no line.
  const properties = [
    `file=${escapeProperty(p.file)}`,
    ...(p.line === null ? [] : [`line=${p.line}`]),
    'title=minutes lint',
  ];
  return `::warning ${properties.join(',')}::${escapeData(p.message)}`;
}

/**
 * What a minute-taker should fix before committing: action items with no owner or an
 * unknown one, tasks without a marker, a missing date, files that cannot be read.
 * Owners are known if they are participants of the file, or known to the database.
 */
export function lintCommand(): Command {
  return new Command('lint')
    .description('print what to fix in minutes before committing them, as file:line: message')
    .argument('<files...>', 'markdown files (or folders of them)')
    .addOption(
      dbOption('database whose people count as known owners (default: $MINUTES_DB or data/minutes.db, if it exists)'),
    )
    .addOption(
      new Option(
        '--format <format>',
        'text (file:line: message), json (one JSON problem per line), github (::warning annotations)',
      )
        .choices(LINT_FORMATS)
        .default('text'),
    )
    .addOption(jsonOption('the same as --format json'))
    .action(async (paths: string[], options: { db?: string; json?: boolean; format: LintFormat }) => {
      const format: LintFormat = options.json ? 'json' : options.format;
      const dbFile = databasePath(options.db);
      const store = existsSync(dbFile) ? openStore(options) : null;
      const problems: Problem[] = [];
      for (const result of await parsePaths(paths)) {
        if (isFailed(result)) {
          problems.push({ file: result.source, line: null, message: result.error });
          continue;
        }
        const present = new Set(result.participants.map((p) => p.id));
        for (const w of result.warnings) problems.push({ file: result.source, line: w.line, message: w.message });
        for (const a of result.actionItems) {
          for (const owner of a.owners) {
            if (owner === 'all' || present.has(owner) || (store && isKnownPerson(store.db, owner))) continue;
            problems.push({
              file: result.source,
              line: a.line,
              message: `unknown owner "${owner}": not a participant${store ? ' nor a known person' : ''}`,
            });
          }
        }
      }
      store?.db.close();
      problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
      for (const p of problems) println(formatProblem(p, format));
      if (format !== 'json') println(`${problems.length} problem${problems.length === 1 ? '' : 's'}`);
      if (problems.length > 0) process.exitCode = 1;
    });
}
