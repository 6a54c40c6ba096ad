import { Command } from 'commander';
import { digest, latestMeetingDate, listTrackedItems, type TrackedItem } from '../../store/tracked-items.js';
import { addStateOptions, stateFilter, type StateOptions } from './ais.js';
import { carryBlock, digestMarkdown, ownerReport } from '../markdown.js';
import { openStore } from '../open-store.js';
import { printJson, println } from '../output.js';
import { dbOption, isoDateArgument, jsonOption } from '../options.js';

export function carryCommand(): Command {
  const command = new Command('carry')
    .description(
      'print the "Check AIs from last time" block for the next meeting of a series: live open items, overdue first',
    )
    .requiredOption('--series <series>', 'the series, e.g. sig-standardization')
    .option('--date <date>', 'the next meeting: items raised before it (default: all)', isoDateArgument);
  return addStateOptions(command)
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((options: StateOptions & { series: string; date?: string; db?: string; json?: boolean }) => {
      const filter = stateFilter(options);
      const { db } = openStore(options, true);
      // Items raised on or after the next meeting's day are not yet to be checked there.
      const page = listTrackedItems(db, { ...filter, series: options.series, status: 'open', limit: -1 });
      const before = (i: { firstRaised: string | null }) => !options.date || (i.firstRaised ?? '') < options.date;
      const items = page.items.filter(before);
      db.close();
      if (options.json) printJson({ items, staleLeftOut: page.staleLeftOut, today: page.today, window: page.window });
      else
        process.stdout.write(carryBlock(items, page.staleLeftOut, `minutes carry --series ${options.series} --stale`));
    });
}

export function digestCommand(): Command {
  const command = new Command('digest')
    .description(
      'what a series raised, closed and decided since its last (or a given) meeting, and its live, stale and overdue counts, in markdown',
    )
    .requiredOption('--series <series>', 'the series')
    .option('--since <date>', 'from this date on (default: the date of the latest meeting)', isoDateArgument);
  return addStateOptions(command)
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((options: StateOptions & { series: string; since?: string; db?: string; json?: boolean }) => {
      const { window, today } = stateFilter(options);
      const { db } = openStore(options, true);
      const since = options.since ?? latestMeetingDate(db, options.series);
      if (!since) {
        db.close();
        process.stderr.write(`minutes digest: no dated meetings in series ${options.series}\n`);
        process.exitCode = 1;
        return;
      }
      const result = digest(db, options.series, since, { window, today });
      db.close();
      if (options.json) printJson(result);
      else println(digestMarkdown(result));
    });
}

export function reportCommand(): Command {
  const command = new Command('report')
    .description(
      "one person's open action items across all series in markdown: live ones, overdue first, and the stale count",
    )
    .requiredOption('--owner <owner>', 'handle or any known name');
  return addStateOptions(command)
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((options: StateOptions & { owner: string; db?: string; json?: boolean }) => {
      const filter = stateFilter(options);
      const { db } = openStore(options, true);
      // Every open item, to count the live, stale and overdue ones whichever the report shows.
      const page = listTrackedItems(db, { ...filter, state: 'all', owner: options.owner, status: 'open', limit: -1 });
      db.close();
      const kept = {
        live: (i: TrackedItem) => i.state === 'live',
        stale: (i: TrackedItem) => i.state === 'stale',
        overdue: (i: TrackedItem) => i.overdue,
        all: () => true,
      };
      const items = page.items.filter(kept[filter.state ?? 'live']);
      const staleLeftOut = page.items.filter((i) => i.state === 'stale' && !items.includes(i)).length;
      if (options.json)
        return printJson({ owner: options.owner, items, staleLeftOut, today: page.today, window: page.window });
      const how = `minutes report --owner ${options.owner} --stale`;
      process.stdout.write(ownerReport(options.owner, items, page.items, how, page.today));
    });
}
