import { Command, Option } from 'commander';
import { getTrackedItem, listTrackedItems, changeItemStatus, type TrackedItem } from '../../store/tracked-items.js';
import { openStore } from '../open-store.js';
import { at, printJson, println, shown } from '../output.js';
import { dbOption, fromOption, jsonOption, limitOption, offsetOption, positiveInteger, seriesOption, toOption } from '../options.js';
import type { ActionStatus } from '../../parse/meeting-record.js';

function printItem(a: TrackedItem): void {
  const carried = a.meetings > 1 ? `, last ${a.lastMentioned}, ${a.meetings} meetings` : '';
  println(`${a.id}  [${a.status}${a.due ? `, due ${a.due}` : ''}]  ${a.owners.join(', ') || '(no owner)'}  raised ${a.firstRaised ?? 'undated'}${carried}`);
  println(`    ${a.text}`);
  println(`    ${at(a.source, a.line)}${a.meetings > 1 ? `  ..  ${at(a.lastSource, a.lastLine)}` : ''}`);
}

export function aisCommand(): Command {
  return new Command('ais')
    .description('list action items, each once however often carried (open ones by default), oldest first')
    .option('--owner <owner>', 'owned by this handle or name (e.g. garloff, @garloff, "Kurt Garloff")')
    .addOption(new Option('--status <status>', 'status to list').choices(['open', 'done', 'dropped', 'all']).default('open'))
    .addOption(seriesOption())
    .addOption(fromOption())
    .addOption(toOption())
    .addOption(new Option('--stale <days>', 'only items not mentioned for this many days (at most 100000)').argParser((v) => Math.min(positiveInteger(v), 100_000)))
    .addOption(limitOption())
    .addOption(offsetOption())
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((options) => {
      const { db } = openStore(options, true);
      const page = listTrackedItems(db, { ...options, limit: options.limit ?? -1 });
      db.close();
      if (options.json) return printJson(page);
      for (const item of page.items) printItem(item);
      println(shown(page, `${options.status === 'all' ? '' : `${options.status} `}action item`));
    });
}

function changeCommand(name: string, status: ActionStatus, description: string): Command {
  return new Command(name)
    .description(description)
    .argument('<id>', 'action item id, e.g. ai-3f9a2c1b4d')
    .option('--note <text>', 'why, kept in the history')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((id: string, options: { note?: string; db?: string; json?: boolean }) => {
      const { db } = openStore(options, true);
      const item = changeItemStatus(db, id, status, options.note ?? null);
      db.close();
      if (!item) {
        process.stderr.write(`minutes ai ${name}: no action item ${id}\n`);
        process.exitCode = 1;
        return;
      }
      if (options.json) return printJson(item);
      println(`${item.id} is now ${item.status}${options.note ? `: ${options.note}` : ''}`);
    });
}

export function aiCommand(): Command {
  const ai = new Command('ai').description('one action item: its history, and changes by hand');
  ai.command('show')
    .description('an action item with every meeting that mentioned it and every manual change')
    .argument('<id>', 'action item id')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((id: string, options: { db?: string; json?: boolean }) => {
      const { db } = openStore(options, true);
      const item = getTrackedItem(db, id);
      db.close();
      if (!item) {
        process.stderr.write(`minutes ai show: no action item ${id}\n`);
        process.exitCode = 1;
        return;
      }
      if (options.json) return printJson(item);
      printItem(item);
      println('  history:');
      for (const m of item.history) println(`    ${m.date ?? '----------'}  ${at(m.source, m.line)}  [${m.status}${m.carried ? ', carried' : ''}]  ${m.text}`);
      for (const c of item.changes) println(`    ${c.changedAt}  by hand  [${c.status}]${c.note ? `  ${c.note}` : ''}`);
    });
  ai.addCommand(changeCommand('close', 'done', 'mark an action item done by hand'));
  ai.addCommand(changeCommand('drop', 'dropped', 'mark an action item dropped by hand'));
  ai.addCommand(changeCommand('reopen', 'open', 'mark an action item open again by hand'));
  return ai;
}
