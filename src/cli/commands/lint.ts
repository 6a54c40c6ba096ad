import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { isFailed } from '../../parse/meeting-record.js';
import { databasePath } from '../../store/database.js';
import { isKnownPerson } from '../../store/people.js';
import { openStore } from '../open-store.js';
import { printJson, println } from '../output.js';
import { dbOption, jsonOption } from '../options.js';
import { parsePaths } from './parse.js';

interface Problem {
  file: string;
  line: number | null;
  message: string;
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
    .addOption(dbOption('database whose people count as known owners (default: $MINUTES_DB or data/minutes.db, if it exists)'))
    .addOption(jsonOption('print one JSON problem per line'))
    .action(async (paths: string[], options: { db?: string; json?: boolean }) => {
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
            problems.push({ file: result.source, line: a.line, message: `unknown owner "${owner}": not a participant${store ? ' nor a known person' : ''}` });
          }
        }
      }
      store?.db.close();
      problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
      for (const p of problems) {
        if (options.json) printJson(p);
        else println(`${p.file}:${p.line ?? 1}: ${p.message}`);
      }
      if (!options.json) println(`${problems.length} problem${problems.length === 1 ? '' : 's'}`);
      if (problems.length > 0) process.exitCode = 1;
    });
}
