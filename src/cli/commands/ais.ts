import { Command, InvalidArgumentError, Option } from 'commander';
import { changeItem } from '../../kb/knowledge-base.js';
import {
  getTrackedItem,
  listTrackedItems,
  type TrackedItem,
  type TrackedItemFilter,
} from '../../store/tracked-items.js';
import { liveWindow, setLiveWindow } from '../../store/settings.js';
import {
  checkWindowValue,
  STATE_FILTERS,
  WINDOW_LIMITS,
  type LiveWindow,
  type StateFilter,
} from '../../track/item-states.js';
import { staleNote } from '../markdown.js';
import { openStore } from '../open-store.js';
import { at, printJson, println, shown } from '../output.js';
import {
  dbOption,
  fromOption,
  isoDateArgument,
  jsonOption,
  limitOption,
  offsetOption,
  seriesOption,
  toOption,
} from '../options.js';
import type { ActionStatus } from '../../parse/meeting-record.js';

function printItem(a: TrackedItem): void {
  const carried =
    a.meetings > 1 ? `, last ${a.lastMentioned}, ${a.meetings} meetings` : `, last ${a.lastMentioned ?? 'undated'}`;
  const state = a.status === 'open' ? `${a.state}${a.overdue ? ', OVERDUE' : ''}` : a.status;
  println(
    `${a.id}  [${state}${a.due ? `, due ${a.due}` : ''}]  ${a.owners.join(', ') || '(no owner)'}  raised ${a.firstRaised ?? 'undated'}${carried}`,
  );
  println(`    ${a.task || a.text}`);
  println(`    ${at(a.source, a.line)}${a.meetings > 1 ? `  ..  ${at(a.lastSource, a.lastLine)}` : ''}`);
}

const windowArgument = (name: keyof LiveWindow) => (value: string) => {
  try {
    return checkWindowValue(name, value);
  } catch {
    const { min, max } = WINDOW_LIMITS[name];
    throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
  }
};

/** `--stale 90` was a number of days once; now `--stale` takes none. Commander calls this only for a value. */
function noStaleValue(value: string): boolean {
  throw new InvalidArgumentError(
    `--stale takes no value (got ${value}): it lists stale items too; for items not mentioned for N days, ` +
      'use --state stale --live-days N',
  );
}

/** What the item lists share: which states to show, and the window and day that judge them. */
export function addStateOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--stale [none]',
        'list stale open items too (no meeting of their series mentions them any more)',
      ).argParser(noStaleValue),
    )
    .addOption(
      new Option('--state <state>', 'only open items in this state (default: live)').choices([...STATE_FILTERS]),
    )
    .addOption(
      new Option(
        '--live-meetings <n>',
        "live while mentioned in one of the last N meetings of its series (default: the knowledge base's, 3)",
      ).argParser(windowArgument('meetings')),
    )
    .addOption(
      new Option('--live-days <n>', "or within this many days (default: the knowledge base's, 60)").argParser(
        windowArgument('days'),
      ),
    )
    .addOption(
      new Option('--today <date>', 'judge states on this day (default: the newest meeting, not after today)').argParser(
        isoDateArgument,
      ),
    );
}

export interface StateOptions {
  stale?: boolean;
  state?: StateFilter;
  liveMeetings?: number;
  liveDays?: number;
  today?: string;
}

/** The store filter of the state options; `--stale` and `--state` together are an error. */
export function stateFilter(o: StateOptions): Pick<TrackedItemFilter, 'state' | 'window' | 'today' | 'stale'> {
  if (o.stale && o.state) throw new Error('--stale and --state: give one (--stale is --state all)');
  return {
    // The flag, not the store's `stale` (days without a mention), which options spread into a filter would set.
    stale: undefined,
    state: o.state ?? (o.stale ? 'all' : 'live'),
    window: { meetings: o.liveMeetings, days: o.liveDays },
    today: o.today,
  };
}

export function aisCommand(): Command {
  const command = new Command('ais')
    .description(
      'list action items, each once however often carried: live open ones by default, overdue first, then oldest first',
    )
    .option('--owner <owner>', 'owned by this handle or name (e.g. garloff, @garloff, "Kurt Garloff")')
    .addOption(
      new Option('--status <status>', 'status to list').choices(['open', 'done', 'dropped', 'all']).default('open'),
    );
  return addStateOptions(command)
    .addOption(seriesOption())
    .addOption(fromOption())
    .addOption(toOption())
    .addOption(limitOption())
    .addOption(offsetOption())
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((options) => {
      const filter = stateFilter(options);
      const { db } = openStore(options, true);
      const page = listTrackedItems(db, { ...options, ...filter, limit: options.limit ?? -1 });
      db.close();
      if (options.json) return printJson(page);
      for (const item of page.items) printItem(item);
      const noun = `${filter.state === 'all' ? '' : `${filter.state} `}${options.status === 'all' ? '' : `${options.status} `}action item`;
      println(shown(page, noun));
      for (const note of staleNote(page.staleLeftOut, 'add --stale to list them too, or --state stale')) println(note);
    });
}

/** Show or set the live window of the knowledge base. */
export function liveWindowCommand(): Command {
  return new Command('live-window')
    .description(
      'show or set how long an open action item stays live: mentioned in one of the last N meetings of its series or within D days',
    )
    .addOption(
      new Option(
        '--meetings <n>',
        `the last N meetings (${WINDOW_LIMITS.meetings.min}-${WINDOW_LIMITS.meetings.max})`,
      ).argParser(windowArgument('meetings')),
    )
    .addOption(
      new Option('--days <n>', `within D days (${WINDOW_LIMITS.days.min}-${WINDOW_LIMITS.days.max})`).argParser(
        windowArgument('days'),
      ),
    )
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((options: Partial<LiveWindow> & { db?: string; json?: boolean }) => {
      const { db } = openStore(options, true);
      const changing = options.meetings !== undefined || options.days !== undefined;
      const window = changing ? setLiveWindow(db, options) : liveWindow(db);
      db.close();
      if (options.json) return printJson(window);
      println(
        `live: mentioned in one of the last ${window.meetings} meetings of its series or within ${window.days} days${changing ? ' (saved)' : ''}`,
      );
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
      const item = changeItem(db, id, status, options.note ?? null);
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
      for (const m of item.history)
        println(
          `    ${m.date ?? '----------'}  ${at(m.source, m.line)}  [${m.status}${m.carried ? ', carried' : ''}]  ${m.text}`,
        );
      for (const c of item.changes) println(`    ${c.changedAt}  by hand  [${c.status}]${c.note ? `  ${c.note}` : ''}`);
    });
  ai.addCommand(changeCommand('close', 'done', 'mark an action item done by hand'));
  ai.addCommand(changeCommand('drop', 'dropped', 'mark an action item dropped by hand'));
  ai.addCommand(changeCommand('reopen', 'open', 'mark an action item open again by hand'));
  return ai;
}
