import { Command } from 'commander';
import { addAlias, aliasFilePath } from '../../import/alias-file.js';
import { listPeople, personAppearances, replaceAliases } from '../../store/people.js';
import { suggestMerges } from '../../track/person-suggestions.js';
import { openStore } from '../open-store.js';
import { printJson, println } from '../output.js';
import { dbOption, jsonOption, limitOption } from '../options.js';

export function peopleCommand(): Command {
  const people = new Command('people').description('the people the knowledge base knows, and their aliases');
  people
    .command('list', { isDefault: true })
    .description('list people with their aliases, meetings attended and action item counts (the default)')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((options: { db?: string; json?: boolean }) => {
      const { db } = openStore(options, true);
      const list = listPeople(db);
      db.close();
      if (options.json) return printJson(list);
      for (const p of list) {
        const names = [p.name, ...p.aliases].filter(Boolean).join(', ');
        println(
          `${p.id.padEnd(24)} ${String(p.meetings).padStart(4)} meetings  ${String(p.open).padStart(4)} open  ${String(p.done).padStart(4)} done${names ? `  (${names})` : ''}`,
        );
      }
      println(`${list.length} people`);
    });

  people
    .command('suggest')
    .description(
      'ids that look like one person (same name, handles a letter or two apart, a first name), with the evidence; nothing is merged',
    )
    .addOption(limitOption())
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((options: { limit?: number; db?: string; json?: boolean }) => {
      const { db } = openStore(options, true);
      const all = suggestMerges(personAppearances(db));
      db.close();
      const shown = options.limit === undefined ? all : all.slice(0, options.limit);
      if (options.json) return printJson({ total: all.length, items: shown });
      for (const [i, s] of shown.entries()) {
        println(`${String(i + 1).padStart(3)}. ${s.alias} -> ${s.person}  [${s.rule}]`);
        for (const line of s.evidence) println(`       ${line}`);
        println(`       accept: minutes people alias ${JSON.stringify(s.alias)} ${s.person}`);
      }
      println(
        `${all.length} suggestions${shown.length < all.length ? `, showing ${shown.length}` : ''}; none is applied until you run the alias command`,
      );
    });

  people
    .command('alias')
    .description('record that NAME is another way of writing PERSON (a handle), in the alias file')
    .argument('<name>', 'the name as written in minutes, e.g. "Kurt Garloff" or Kurt')
    .argument('<person>', 'the handle it stands for, e.g. garloff')
    .option('--aliases <file>', 'alias file (default: $MINUTES_ALIASES or people.yaml)')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((name: string, person: string, options: { aliases?: string; db?: string; json?: boolean }) => {
      const file = aliasFilePath(options.aliases);
      const aliases = addAlias(file, name, person);
      const { db } = openStore(options);
      replaceAliases(db, aliases);
      db.close();
      if (options.json) printJson({ file, aliases: Object.fromEntries(aliases) });
      else println(`${file}: "${name}" is ${person} (${aliases.size} aliases)`);
    });
  return people;
}
