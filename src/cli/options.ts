import { InvalidArgumentError, Option } from 'commander';

/** `YYYY-MM-DD`, checked to be a real day. */
export function isoDateArgument(value: string): string {
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(Date.parse(value)) ||
    new Date(value).toISOString().slice(0, 10) !== value
  ) {
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD.');
  }
  return value;
}

export function positiveInteger(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError('expected a whole number below 1,000,000,000.');
  return Number(value);
}

export function portArgument(value: string): number {
  const port = positiveInteger(value);
  if (port > 65535) throw new InvalidArgumentError('expected a port number (0-65535).');
  return port;
}

export const dbOption = (description = 'database file (default: $MINUTES_DB or data/minutes.db)') =>
  new Option('--db <file>', description);
export const jsonOption = (description = 'print JSON instead of text') => new Option('--json', description);
export const seriesOption = () => new Option('--series <series>', 'only this series (e.g. product-board)');
export const fromOption = () =>
  new Option('--from <date>', 'only meetings on or after this date (YYYY-MM-DD)').argParser(isoDateArgument);
export const toOption = () =>
  new Option('--to <date>', 'only meetings on or before this date (YYYY-MM-DD)').argParser(isoDateArgument);
export const limitOption = () => new Option('--limit <n>', 'at most this many results').argParser(positiveInteger);
export const offsetOption = () => new Option('--offset <n>', 'skip this many results').argParser(positiveInteger);
