/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`, UTC days). Apart from the date recogniser
 * (recognise/dates.ts), so that what only compares dates, such as linking action items across
 * meetings, does not load chrono-node with it.
 */

/** An ISO date `YYYY-MM-DD` if the parts form a real calendar day. */
export function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2200 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Days between two ISO dates, b - a. */
export function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
}
