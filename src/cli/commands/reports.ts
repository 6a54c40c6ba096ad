import { Command } from 'commander';
import { digest, latestMeetingDate, listTrackedItems } from '../../store/tracked-items.js';
import { carryBlock, digestMarkdown, ownerReport } from '../markdown.js';
import { openStore } from '../open-store.js';
import { printJson, println } from '../output.js';
import { dbOption, isoDateArgument, jsonOption } from '../options.js';

export function carryCommand(): Command {
  return new Command('carry')
    .description('print the "Check AIs from last time" block for the next meeting of a series')
    .requiredOption('--series <series>', 'the series, e.g. sig-standardization')
    .option('--date <date>', 'the next meeting: items raised before it (default: all)', isoDateArgument)
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((options: { series: string; date?: string; db?: string; json?: boolean }) => {
      const { db } = openStore(options, true);
      const items = listTrackedItems(db, { series: options.series, status: 'open', limit: -1 }).items.filter(
        (i) => !options.date || (i.firstRaised ?? '') < options.date,
      );
      db.close();
      if (options.json) printJson(items);
      else process.stdout.write(carryBlock(items));
    });
}

export function digestCommand(): Command {
  return new Command('digest')
    .description('what a series raised, closed and decided since its last (or a given) meeting, in markdown')
    .requiredOption('--series <series>', 'the series')
    .option('--since <date>', 'from this date on (default: the date of the latest meeting)', isoDateArgument)
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((options: { series: string; since?: string; db?: string; json?: boolean }) => {
      const { db } = openStore(options, true);
      const since = options.since ?? latestMeetingDate(db, options.series);
      if (!since) {
        db.close();
        process.stderr.write(`minutes digest: no dated meetings in series ${options.series}\n`);
        process.exitCode = 1;
        return;
      }
      const result = digest(db, options.series, since);
      db.close();
      if (options.json) printJson(result);
      else println(digestMarkdown(result));
    });
}

export function reportCommand(): Command {
  return new Command('report')
    .description("one person's open action items across all series, oldest first, in markdown")
    .requiredOption('--owner <owner>', 'handle or any known name')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((options: { owner: string; db?: string; json?: boolean }) => {
      const { db } = openStore(options, true);
      const items = listTrackedItems(db, { owner: options.owner, status: 'open', limit: -1 }).items;
      db.close();
      if (options.json) printJson({ owner: options.owner, items });
      else process.stdout.write(ownerReport(options.owner, items));
    });
}
