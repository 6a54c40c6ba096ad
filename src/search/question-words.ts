/**
 * The words by which search reads a question (src/search/question.ts), as data. Each list says
 * what it reads and gives examples; a word of none of them is a word to search for.
 */

/**
 * Question words and filler, left out of the words searched: "what did we decide about keycloak"
 * searches "keycloak". Inside "quotes" nothing is left out.
 */
export const FILLER = new Set(
  `a about after again all already also am an and any anything are as at be been before being but by can could did do does doing
   during else ever for from get give got had has have having he her here his how i if in into is it its just know last let list
   me my of on or our ours please re regarding said say says she should show since so some someone something still tell than that
   the their them then there these they this those to too us was we were what whats when where whether which while who whom whose
   why will with would yet you your
   item items thing things stuff happen happened anyone somebody everyone one ones
   wer wie was wann wo warum welche welcher haben hat wir uns unser noch über ueber zu zum zur der die das den dem ein eine und oder
   ist sind im am`
    .split(/\s+/)
    .filter(Boolean),
);

export type Intent = { type: 'decision' | 'action' | 'meeting'; status?: 'open' };

/**
 * Words and phrases that say what kind of record a question is after. Longer phrases are tried
 * first; each is matched as whole words, in any case.
 * - "what did we decide about keycloak", "keycloak decision", "agreed", "resolved" -> decisions;
 * - "what does garloff still owe us", "open todos", "outstanding", "still has to" -> open action items;
 * - "action items", "tasks", "who has to", "was supposed to" -> action items;
 * - "minutes of the IAM workshop", "meetings about corepack" -> meetings.
 */
export const INTENTS: readonly (readonly [string, Intent])[] = [
  ['still has to', { type: 'action', status: 'open' }],
  ['still have to', { type: 'action', status: 'open' }],
  ['still needs to', { type: 'action', status: 'open' }],
  ['still need to', { type: 'action', status: 'open' }],
  ['has yet to', { type: 'action', status: 'open' }],
  ['have yet to', { type: 'action', status: 'open' }],
  ['action items', { type: 'action' }],
  ['action item', { type: 'action' }],
  ['supposed to', { type: 'action' }],
  ['has to', { type: 'action' }],
  ['have to', { type: 'action' }],
  ['needs to', { type: 'action' }],
  ['to do', { type: 'action', status: 'open' }],
  ...[
    'owe',
    'owes',
    'owed',
    'owing',
    'todo',
    'todos',
    'open',
    'outstanding',
    'pending',
    'assigned',
    'unfinished',
    'offen',
    'offene',
  ].map((w) => [w, { type: 'action', status: 'open' }] as const),
  ...['action', 'actions', 'ai', 'ais', 'task', 'tasks', 'promised', 'aufgabe', 'aufgaben'].map(
    (w) => [w, { type: 'action' }] as const,
  ),
  ...[
    'decide',
    'decided',
    'decides',
    'deciding',
    'decision',
    'decisions',
    'agree',
    'agreed',
    'agrees',
    'agreement',
    'resolve',
    'resolved',
    'resolution',
    'resolutions',
    'conclude',
    'concluded',
    'conclusion',
    'conclusions',
    'consensus',
    'beschluss',
    'beschlossen',
    'entschieden',
    'entscheidung',
  ].map((w) => [w, { type: 'decision' }] as const),
  ...['meeting', 'meetings', 'minutes', 'sitzung', 'protokoll'].map((w) => [w, { type: 'meeting' }] as const),
];

/** A question that opens with "who" asks who does something: an action item ("who connects Jan?"). */
export const WHO = new Set(['who', 'wer']);

/** How a kind of record is named in a reading. */
export const INTENT_LABELS = { decision: 'decisions', action: 'action items', meeting: 'meetings' } as const;
