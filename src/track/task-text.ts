/**
 * The task an action item asks for, without what the minutes wrap around it: the marker, the
 * owner prefix, arrows and status words, and the decorations a review adds. "AI @itrich: => AI
 * Itrich: Create PR (to be reviewed by SIG standardization / Kurt)" -> "Create PR (to be reviewed
 * by SIG standardization / Kurt)". The line itself stays the item's `text`, which search indexes.
 * Each pattern strips one thing at the start or end; they are applied until none applies.
 */

const HANDLE = String.raw`@[\w.-]+`;
const HANDLES = String.raw`${HANDLE}(?:\s*(?:[,&/+]|\band\b)\s*${HANDLE})*`;
/** A capitalised name or initials after a marker: "AI Itrich:", "AI Kurt Garloff:", "AI(YK+AWB):". */
const NAME = String.raw`[\p{Lu}][\p{L}\d.'’-]*(?: [\p{Lu}][\p{L}\d.'’-]*)?`;
const MARKER = `(?:${[
  String.raw`AI|A\.I\.|TODO|todo|To-?\s?[Dd]o`,
  String.raw`ACTION(?:\s+ITEMS?|\s+POINTS?)?|Action(?:\s+[Ii]tems?|\s+[Pp]oints?)?`,
  String.raw`Next steps?`,
].join('|')})`;
const STATUS_WORDS = [
  'DONE',
  'Done',
  'done',
  'WIP',
  'wip',
  'OPEN',
  'Open',
  'CLOSED',
  'Closed',
  'closed',
  'Pending',
  'PENDING',
];
const STATUS_PHRASES = ['pending', 'Ongoing', 'ongoing', 'in progress', 'In progress', 'still open', 'Still open'];
const STATUS_LATER = ['postponed', 'Postponed', 'carried(?: over)?', 'Carried(?: over)?'];
const STATUS = `(?:${[...STATUS_WORDS, ...STATUS_PHRASES, ...STATUS_LATER].join('|')})`;

/** Each removes one wrapping from the start of the text. */
export const LEADING: readonly RegExp[] = [
  /^(?:[-=~]+>|→|⇒|»|<-+|[-*•+]\s)\s*/u, // arrows and stray bullets
  /^\[[ xX]?\]\s*/u, // a task-list box
  /^[_*~]+(?=\S)/u, // emphasis opened
  new RegExp(
    String.raw`^${MARKER}\s*(?:\([^()]{0,80}\)|${HANDLES}|${NAME}(?=\s*:))?` +
      String.raw`\s*(?:[:–—-]\s*|\s+to\s+(?=\p{Ll})|(?=\s+\p{Ll})\s+|$)`,
    'u',
  ),
  new RegExp(String.raw`^${MARKER}\s*(?=@)`, 'u'), // "AI@x", left for the handles below
  new RegExp(
    String.raw`^${HANDLES}\s*(?:[:–—-]\s*|\s+(?:to|will|should|must|needs? to)\s+(?=\p{L})|(?=\s+\p{Ll}))\s*`,
    'u',
  ),
  new RegExp(String.raw`^${NAME}\s+${MARKER}\s*:\s*`, 'u'), // "Kurt AI: ..."
  new RegExp(String.raw`^\(?${STATUS}\)?\s*[:–—-]\s*`, 'u'),
];

/** Each removes one wrapping from the end of the text. */
export const TRAILING: readonly RegExp[] = [
  /(?<![_*~\s])[_*~]+$/u, // emphasis closed (only from the start of a run: linear on '****')
  new RegExp(String.raw`\s*(?:=>|->|→|⇒)\s*(?:${HANDLES}|${NAME})?\s*$`, 'u'), // "needed => @garloff"
  new RegExp(String.raw`\s*\(\s*(?:${MARKER}\b[^()]*|${HANDLES})\)\s*\.?$`, 'u'), // "(AI @garloff, @fkr)"
  new RegExp(String.raw`\s*(?:[-–—:,]\s*)?\(?${STATUS}\)?[.!]?$`, 'u'), // "- DONE", "(done)"
  /<-{1,3}\s[^<>]*$/u, // "<-- This one is empty at the moment" (the space before: trimmed after)
  /(?<![-–—:;,])[-–—:;,]+$/u,
];

/** The whole line in parentheses: "(TODO: Ask Allen to revisit)". */
const WRAPPED = /^\(([^()]*)\)$/u;

function stripOnce(text: string, patterns: readonly RegExp[]): string {
  for (const pattern of patterns) {
    const next = text.replace(pattern, '').trim();
    if (next !== text) return next;
  }
  return text;
}

/** The task of an action item's line; empty when the line holds nothing but wrapping ("Action items:"). */
export function taskText(line: string): string {
  let text = line.trim();
  for (let round = 0; round < 20; round++) {
    const unwrapped = WRAPPED.exec(text)?.[1]?.trim() ?? text;
    const next = stripOnce(stripOnce(unwrapped, LEADING), TRAILING);
    if (next === text) break;
    text = next;
  }
  return text;
}
