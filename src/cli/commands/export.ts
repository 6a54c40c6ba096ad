import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { actionItemColumns, decisionColumns, meetingColumns } from '../../export/columns.js';
import { toCsv } from '../../export/csv.js';
import { toCalendar } from '../../export/ics.js';
import type { DB } from '../../store/database.js';
import { listDecisions } from '../../store/decisions.js';
import { listMeetings } from '../../store/meetings.js';
import { listTrackedItems } from '../../store/tracked-items.js';
import { openStore } from '../open-store.js';
import { addStateOptions, stateFilter, type StateOptions } from './ais.js';
import { count } from '../output.js';
import { dbOption, fromOption, seriesOption, toOption } from '../options.js';

type ExportType = 'action-items' | 'decisions' | 'meetings';
type Format = 'json' | 'csv' | 'ics';

interface ExportOptions extends StateOptions {
  type: ExportType;
  format: Format;
  json?: boolean;
  owner?: string;
  status: 'open' | 'done' | 'dropped' | 'all';
  attendee?: string;
  series?: string;
  from?: string;
  to?: string;
  out?: string;
  db?: string;
}

/** One export: its rows (every row the filters keep, by the same store calls as the API's) and how to write them. */
interface Export {
  rows: object[];
  noun: string;
  /** What the filters left out that a reader may not expect (stale items). */
  note?: string;
  csv: () => string;
  ics?: () => string;
}

function exportOf(db: DB, o: ExportOptions): Export {
  const where = { series: o.series, from: o.from, to: o.to, limit: -1 };
  if (o.type === 'action-items') {
    // A calendar holds only what has a day to be shown on.
    const page = listTrackedItems(db, {
      ...where,
      ...stateFilter(o),
      owner: o.owner,
      status: o.status,
      due: o.format === 'ics' && !o.json,
    });
    const rows = page.items;
    const left =
      page.staleLeftOut > 0
        ? `${page.staleLeftOut} stale action items left out (--stale to export them too)`
        : undefined;
    return {
      rows,
      noun: 'action item',
      note: left,
      csv: () => toCsv(rows, actionItemColumns),
      ics: () => toCalendar(rows),
    };
  }
  if (o.type === 'decisions') {
    const rows = listDecisions(db, { ...where, attendee: o.attendee }).items;
    return { rows, noun: 'decision', csv: () => toCsv(rows, decisionColumns) };
  }
  const rows = listMeetings(db, where).items;
  return { rows, noun: 'meeting', csv: () => toCsv(rows, meetingColumns) };
}

export function exportCommand(): Command {
  const command = new Command('export')
    .description(
      'write action items, decisions or meetings as JSON, CSV or (action items with a due date) iCalendar to-dos',
    )
    .addOption(
      new Option('--type <type>', 'what to export')
        .choices(['action-items', 'decisions', 'meetings'])
        .default('action-items'),
    )
    .addOption(
      new Option('--format <format>', 'file format; ics holds action items with a due date')
        .choices(['json', 'csv', 'ics'])
        .default('json'),
    )
    .option('--json', 'the same as --format json')
    .option('--owner <owner>', 'action items of this owner (handle or any known name)')
    .addOption(
      new Option('--status <status>', 'action items with this status (as the API: open unless told)')
        .choices(['open', 'done', 'dropped', 'all'])
        .default('open'),
    )
    .option('--attendee <person>', 'decisions of meetings this person attended');
  return addStateOptions(command)
    .addOption(seriesOption())
    .addOption(fromOption())
    .addOption(toOption())
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .addOption(dbOption())
    .action((options: ExportOptions) => {
      const format = options.json ? 'json' : options.format;
      if (format === 'ics' && options.type !== 'action-items')
        throw new Error('--format ics exports action items only (as to-dos with their due dates)');
      const { db } = openStore(options, true);
      const data = exportOf(db, options);
      db.close();
      if (data.note) process.stderr.write(`${data.note}\n`);
      const text =
        format === 'csv'
          ? data.csv()
          : format === 'ics' && data.ics
            ? data.ics()
            : `${JSON.stringify(data.rows, null, 2)}\n`;
      if (!options.out) return void process.stdout.write(text);
      writeFileSync(options.out, text);
      process.stderr.write(`${count(data.rows.length, data.noun)} written to ${options.out} (${format})\n`);
    });
}
