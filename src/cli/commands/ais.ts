import { Command, Option } from 'commander';
import { listActionItems } from '../../store/action-items.js';
import { openStore } from '../open-store.js';
import { at, printJson, println, shown } from '../output.js';
import { dbOption, fromOption, jsonOption, limitOption, offsetOption, seriesOption, toOption } from '../options.js';

export function aisCommand(): Command {
  return new Command('ais')
    .description('list action items (open ones by default), oldest first')
    .option('--owner <owner>', 'owned by this handle or name (e.g. garloff, @garloff, "Kurt Garloff")')
    .addOption(new Option('--status <status>', 'status to list').choices(['open', 'done', 'dropped', 'all']).default('open'))
    .addOption(seriesOption())
    .addOption(fromOption())
    .addOption(toOption())
    .addOption(limitOption())
    .addOption(offsetOption())
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((options) => {
      const { db } = openStore(options);
      const page = listActionItems(db, { ...options, limit: options.limit ?? -1 });
      db.close();
      if (options.json) return printJson(page);
      for (const a of page.items) {
        println(`${a.date ?? '----------'}  ${at(a.source, a.line)}  [${a.status}${a.carried ? ', carried' : ''}${a.due ? `, due ${a.due}` : ''}]  ${a.owners.join(', ') || '(no owner)'}`);
        println(`    ${a.text}`);
      }
      println(shown(page, `${options.status === 'all' ? '' : `${options.status} `}action item`));
    });
}
