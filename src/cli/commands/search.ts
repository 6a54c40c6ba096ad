import { Command, Option } from 'commander';
import { openStore } from '../open-store.js';
import { search } from '../../store/search.js';
import { at, printJson, println, shown } from '../output.js';
import {
  dbOption,
  isoDateArgument,
  fromOption,
  jsonOption,
  limitOption,
  offsetOption,
  seriesOption,
  toOption,
} from '../options.js';

export function searchCommand(): Command {
  return new Command('search')
    .description('full-text search over decisions, action items and meetings, best match first')
    .argument(
      '[query...]',
      'words or a question ("what did we decide about keycloak last spring?"); "quoted phrases" stay words',
    )
    .addOption(
      new Option('--type <type>', 'what to search').choices(['decision', 'action', 'meeting', 'all']).default('all'),
    )
    .option('--owner <owner>', 'action items of this owner (handle or any known name)')
    .addOption(new Option('--status <status>', 'action items with this status').choices(['open', 'done', 'dropped']))
    .addOption(seriesOption())
    .addOption(new Option('--before <date>', 'only meetings before this date').argParser(isoDateArgument))
    .addOption(new Option('--after <date>', 'only meetings after this date').argParser(isoDateArgument))
    .addOption(
      new Option('--today <date>', 'the date time words such as "last spring" are read against').argParser(
        isoDateArgument,
      ),
    )
    .addOption(fromOption())
    .addOption(toOption())
    .addOption(limitOption().default(20))
    .addOption(offsetOption())
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((words: string[], options) => {
      const { db } = openStore(options, true);
      const page = search(db, { ...options, q: words.join(' ') });
      db.close();
      if (options.json) return printJson(page);
      const { reading } = page.query;
      println(`reading: ${reading.text}`);
      if (reading.suggestion) println(`did you mean: ${reading.suggestion}`);
      for (const part of reading.parts) println(`  "${part.from}" read as ${part.label}; as words: ${part.undo}`);
      for (const hit of page.items) {
        const extra = hit.type === 'action' ? ` [${hit.status}] ${hit.owners?.join(', ') || '(no owner)'}` : '';
        println(`${hit.type.padEnd(8)} ${hit.heading}${extra}`);
        println(`    ${hit.snippet.replace(/\s+/g, ' ')}`);
        println(`    ${hit.topic ? `topic: ${hit.topic} · ` : ''}${at(hit.source, hit.line)}`);
      }
      println(shown(page, 'result'));
      for (const [name, counts] of Object.entries(page.facets)) {
        if (counts.length > 0)
          println(
            `  by ${name}: ${counts
              .slice(0, 8)
              .map((c: { value: string; count: number }) => `${c.value} ${c.count}`)
              .join(', ')}`,
          );
      }
    });
}
