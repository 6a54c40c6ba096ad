/**
 * The vocabulary of minutes: every word pattern the recognisers use, in one
 * place, apart from the code that walks the tree (as Obsidian Tasks keeps its
 * patterns apart from its parsing). Each pattern is documented by examples of
 * what it accepts and what it must not; the recognisers' tests in `test/parse/`
 * hold such examples as tests.
 */

/**
 * A GitHub-style handle with its "@": `@garloff`, `@NotTheEvilOne`, `@o-otte`, a team `@ipfs/devs`; not the host of
 * `me@example.org`.
 */
export const HANDLE = /(?<![\w.@])@[A-Za-z0-9][A-Za-z0-9_]*(?:[.-]+[A-Za-z0-9_]+)*(?:\/[A-Za-z0-9][A-Za-z0-9_-]*)?/;

/**
 * Words that stand where an owner would but name nobody: after an "@" ("AI @need to check", "@item: Rob
 * to ..."), before a colon or "to" in a task list ("Dashboard: UX for ...", "Switch to streaming API",
 * "PR to add a list"). A handle or a name is an owner only if it is none of these, and no "-ing" word
 * ("Trying to identify ..."). Groups such as "@all", "POs" or "dNation" are owners.
 */
export const NOT_AN_OWNER = new Set([
  'item',
  'items',
  'need',
  'needs',
  'goal',
  'goals',
  'switch',
  'todo',
  'todos',
  'tbd',
  'tba',
  'here',
  'there',
  'this',
  'that',
  'these',
  'those',
  'it',
  'them',
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'nobody',
  'none',
  'next',
  'later',
  'now',
  'today',
  'tomorrow',
  'done',
  'open',
  'see',
  'note',
  'notes',
  'action',
  'actions',
  'ai',
  'ais',
  'task',
  'tasks',
  'issue',
  'issues',
  'question',
  'questions',
  'home',
  'work',
  'least',
  'most',
  'the',
  'to',
  'and',
  'or',
  'for',
  'with',
  'from',
  'on',
  'in',
  'at',
  'by',
  'of',
  'is',
  'be',
  'do',
  'will',
  'should',
  'must',
  'can',
  'check',
  'review',
  'update',
  'fix',
  'create',
  'add',
  'remove',
  'follow',
  'ping',
  'ask',
  'send',
  'write',
  'make',
  'look',
  'discuss',
  'decide',
  'get',
  'set',
  'setup',
  'start',
  'stop',
  'move',
  'use',
  'try',
  'test',
  'tests',
  'point',
  'points',
  'part',
  'parts',
  'pr',
  'prs',
  'dashboard',
  'docs',
  'doc',
  'documentation',
  'status',
  'plan',
  'plans',
  'idea',
  'ideas',
  'proposal',
  'option',
  'options',
  'goal',
  'problem',
  'problems',
  'context',
  'summary',
  'result',
  'results',
  'feedback',
  'comment',
  'comments',
  'blocker',
  'blockers',
  'release',
  'meeting',
  'call',
  'agenda',
  'decision',
  'decisions',
  'topic',
  'topics',
  'we',
  'you',
  'they',
  'he',
  'she',
  'everybody else',
  'details',
  'info',
  'update',
  'updates',
  'demo',
  'demos',
  'link',
  'links',
  'what',
  'who',
  'how',
  'why',
  'when',
  'where',
  'which',
  'collect',
  'discussion',
  'research',
  'security',
  'additionally',
  'also',
  'finally',
  'maybe',
  'perhaps',
  'please',
  'background',
  'outcome',
  'conclusion',
  'consensus',
  'agreement',
  // Words that stand before "to <verb>" in lower-case task text and name nobody: "plan to", "want to", "i will".
  'us',
  'want',
  'wants',
  'going',
  'have',
  'has',
  'had',
  'able',
  'still',
  'then',
  'first',
  'time',
  'way',
  'due',
  'ready',
  'supposed',
  'like',
  'hard',
  'easy',
  'good',
  'better',
  'more',
  'less',
  // Placeholders and qualifiers where an owner would stand: "AI NN: ...", "To Do (future): ...".
  'nn',
  'n.n',
  'n.n.',
  'future',
  'optional',
  'someday',
  'backlog',
]);

/** Emoji shortcodes and pictographs that decorate headings: `:family: Participants`. */
export const DECORATION = /:[a-z0-9_+-]+:|[\p{Extended_Pictographic}\uFE0F\u200D]/gu;

// ---------------------------------------------------------------------------
// Section labels: headings, bold lines or "Label:" lines that say what follows.
//
// A label is classified by the words it contains, not by an exact phrase: "Key decisions",
// "Conclusion/Resolution", "Consensus / Resolution", "Actionables", "Next steps", "Roll call" and
// "Agenda items" all land. A label names a role when every word of it is a role word or a filler
// ("Decisions made today"), or when it opens with role words and a separator ("Participants - use
// of github handle is preferred"). "Decision on keycloak" names a topic: "keycloak" is neither.
// A new style is one entry here (English and German below) plus a fixture.

/** What a section holds, as its heading or label says. */
export type SectionRole =
  | 'participants'
  | 'absent'
  | 'agenda'
  | 'discussion'
  | 'actions'
  | 'review'
  | 'decisions'
  | 'conclusions'
  | 'housekeeping'
  | 'logistics';

/** The words and phrases of each role, lower case; multi-word phrases are matched before single words. */
export const SECTION_WORDS: Record<Exclude<SectionRole, 'review'>, readonly string[]> = {
  participants: [
    'participants',
    'participant',
    'attendees',
    'attendee',
    'attendance',
    'present',
    'roll call',
    'rollcall',
    'roll-call',
    'who is here',
    "who's here",
    'who is present',
    'who',
    'people',
    'remote',
    'in-person',
    'in person',
    'on site',
    'onsite',
    'members',
    'guests',
    'teilnehmer',
    'teilnehmerinnen',
    'teilnehmende',
    'anwesend',
    'anwesende',
  ],
  absent: ['excused', 'absent', 'apologies', 'regrets', 'not present', 'entschuldigt', 'abwesend'],
  agenda: ['agenda', 'topics', 'topic list', 'tagesordnung', 'themen', 'tops'],
  discussion: [
    'discussion',
    'discussions',
    'discussion items',
    'discussion points',
    'notes',
    'meeting notes',
    'minutes',
    'updates',
    'status updates',
    'open discussion',
    'round table',
    'roundtable',
    'reports',
    'summary',
    'protokoll',
    'diskussion',
    'zusammenfassung',
  ],
  actions: [
    'action items',
    'action item',
    'actions',
    'action points',
    'action',
    'actionables',
    'actionable items',
    'next steps',
    'todos',
    'todo',
    'to-dos',
    'to-do',
    'to do',
    'tasks',
    'ais',
    'ai',
    'follow-ups',
    'follow ups',
    'aufgaben',
    'nächste schritte',
    'naechste schritte',
  ],
  decisions: [
    'decisions',
    'decision',
    'decision log',
    'resolutions',
    'resolved',
    'agreements',
    'agreed',
    'we concluded',
    'we decided',
    'we agreed',
    'concluded',
    'beschlüsse',
    'beschluesse',
    'beschluss',
    'entscheidungen',
    'entscheidung',
  ],
  conclusions: [
    'conclusion',
    'conclusions',
    'resolution',
    'consensus',
    'outcome',
    'outcomes',
    'takeaways',
    'key takeaways',
    'ergebnis',
    'ergebnisse',
    'fazit',
  ],
  housekeeping: [
    'housekeeping',
    'meta',
    'recurring items',
    'reporting',
    'welcome',
    'any newcomers',
    'newcomers',
    'introductions',
    'next overflow slot',
    'aob',
    'any other business',
    'other business',
    'minutes transfer',
    'minutes taker',
    'note taker',
    'notetaker',
    'note-taker',
    'scribe',
    'moderation',
    'moderator',
    'facilitator',
    'chair',
    'next meeting',
    'next meetings',
    'upcoming meetings',
    'upcoming meeting',
    'next call',
    'next date',
    'q&a',
    'q & a',
    'questions',
    'opening',
    'closing',
    'closure',
    'adjourn',
    'adjournment',
    'review of last meeting',
    'approval of minutes',
    'adoption of the agenda',
    'table of contents',
    'toc',
    'verschiedenes',
    'sonstiges',
  ],
  logistics: [
    'date',
    'time',
    'date & time',
    'date and time',
    'location',
    'where',
    'when',
    'links',
    'link',
    'useful links',
    'resources',
    'dial-in',
    'dial in',
    'video call',
    'jitsi',
    'zoom',
    'recording',
    'recordings',
    'meeting info',
    'meeting information',
    'logistics',
    'protocol',
    'how to',
    'how-to',
    'howto',
    'what',
    'datum',
    'ort',
    'uhrzeit',
  ],
};

/** Words that may stand beside role words in a label without making it a topic: "Key decisions made today". */
export const LABEL_FILLER = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'for',
  'from',
  'in',
  'on',
  'to',
  'this',
  'today',
  "today's",
  'todays',
  'our',
  'key',
  'main',
  'major',
  'final',
  'new',
  'open',
  'list',
  'made',
  'taken',
  'reached',
  'log',
  'items',
  'item',
  'points',
  'meeting',
  'session',
  'day',
  'week',
  "week's",
  'weekly',
  'general',
  'short',
  'brief',
  'overview',
  'other',
  'recorded',
  'record',
  'formal',
  'please',
  'next',
  'that',
  'und',
  'der',
  'die',
  'das',
  'und',
  'von',
  'heute',
  'wichtige',
]);

/** Words of an agenda bullet about running the meeting rather than a topic of it. */
export const MEETING_WORDS =
  /\b(?:roll ?call|agenda|attendees|attendance|note ?takers?|notetaker|moderator|minute ?takers?|start(?:ing)? (?:the )?recording)\b/i;

/** Labels of people present that may go on without a separator: "Participants use of github handle is preferred". */
export const PEOPLE_LABEL_START =
  /^(?:participants?|attendees?|attendance|roll ?call|teilnehmer(?:innen)?|teilnehmende)\b/i;

/** Action sections whose items are tasks only when they name someone: "Next steps", "Follow-ups". */
export const WEAK_ACTIONS_LABEL = /^(?:next steps|follow[- ]?ups?|n(?:ä|ae)chste schritte)\b/i;

/** The roles a label's words may name, in the order arbitration prefers them when a label names two. */
export const ROLE_ORDER: readonly Exclude<SectionRole, 'review'>[] = [
  'absent',
  'participants',
  'conclusions',
  'decisions',
  'actions',
  'agenda',
  'housekeeping',
  'logistics',
  'discussion',
];

/**
 * Reviews of earlier action items, by their words: "Check AIs from last time", "Pending action items",
 * "Open AIs", "Review of action items", "AIs from last week", "Follow-up from the last meeting",
 * "Action items carried over". A label is a review when it names action items and either a review
 * verb, an adjective of earlier items, or a time before this meeting; or a follow-up of an earlier one.
 */
export const REVIEW_WORDS = {
  actionItems: ['ai', 'ais', 'action', 'actions', 'action item', 'action items', 'todo', 'todos', 'items', 'tasks'],
  verbs: ['check', 'checking', 'review', 'reviewing', 'follow-up', 'follow-ups', 'follow up', 'followup', 'followups'],
  earlier: ['pending', 'open', 'previous', 'old', 'outstanding', 'carried', 'carried over', 'carried forward', 'last'],
  before: ['last', 'previous', 'earlier', 'prior'],
} as const;

// ---------------------------------------------------------------------------
// Tables: what each column holds, by the words of its header cell (English and German).

export type ColumnRole = 'decision' | 'action' | 'owner' | 'due' | 'status' | 'name' | 'affiliation';

/** Header words of each column role, in the order a header cell is tested ("Due date" is due, not date of a name). */
export const COLUMN_WORDS: readonly [ColumnRole, RegExp][] = [
  [
    'decision',
    /\b(?:decisions?|resolutions?|resolved|outcomes?|agreed|agreements?|beschl(?:ü|ue)sse?|entscheidung(?:en)?)\b/i,
  ],
  ['owner', /\b(?:owners?|who|responsible|assignees?|assigned(?: to)?|verantwortlich|wer|zust(?:ä|ae)ndig)\b/i],
  ['due', /\b(?:due|deadline|by when|until|when|target date|bis wann|frist|termin)\b/i],
  ['status', /\b(?:status|state|done|erledigt|stand)\b/i],
  ['action', /\b(?:actions?|action items?|tasks?|todos?|to do|what|description|items?|aufgaben?|was)\b/i],
  ['name', /\b(?:names?|attendees?|participants?|persons?|people|handles?|members?|teilnehmer(?:innen)?)\b/i],
  [
    'affiliation',
    /\b(?:roles?|company|companies|organi[sz]ations?|org|affiliations?|teams?|abbreviations?|initials|firma)\b/i,
  ],
];

// ---------------------------------------------------------------------------
// Transcripts: paragraphs or bullets that open with a speaker.

/**
 * A speaker's prefix: "Jane Roe: ...", "AB: ...", "[00:37:45] Name: ...", "00:12:05 Sam: ..."
 * (bold is gone from a unit's text, so "**AB**: ..." reads "AB: ..."). Each part of a name excludes
 * spaces and colons, so the pattern matches one way only.
 */
export const SPEAKER =
  /^(?:[[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+)?([\p{Lu}][\p{L}'’.-]{0,30}(?: [\p{Lu}][\p{L}'’.-]{0,30}){0,2})\??\s?:\s+\S/u;

/** A question or answer with who asked or answered: "Q (chris waring): ...", "A (@olizilla): ...". */
export const QA_SPEAKER = /^[QA] ?\(([^()]{1,40})\) ?:\s+\S/;

/** Words before a colon that label a line rather than name a speaker: "Decision: ...", "Note: ...". */
export const NOT_A_SPEAKER = new Set([
  'ai',
  'ais',
  'todo',
  'action',
  'action item',
  'action items',
  'actions',
  'decision',
  'decisions',
  'consensus',
  'conclusion',
  'resolution',
  'resolved',
  'agreed',
  'agreement',
  'outcome',
  'summary',
  'note',
  'notes',
  'nb',
  'q',
  'a',
  'question',
  'answer',
  'presenter',
  'presenters',
  'slides',
  'date',
  'time',
  'when',
  'where',
  'agenda',
  'status',
  'update',
  'updates',
  'example',
  'e.g',
  'proposal',
  'link',
  'links',
  'pr',
  'issue',
  'issues',
  'repo',
  'spec',
  'draft',
  'done',
  'open',
  'next',
  'next steps',
  'goal',
  'goals',
  'problem',
  'context',
  'background',
  'idea',
  'options',
  'option',
  'pro',
  'con',
  'pros',
  'cons',
  'yes',
  'no',
  'edit',
  'update',
  'remote',
  'present',
  'attendees',
  'participants',
  'minutes',
  'chair',
  'moderator',
  'notetaker',
  'note taker',
  'location',
  'recording',
  'result',
  'results',
  'tl;dr',
  'tldr',
  'fyi',
  'ps',
  'important',
  'warning',
  'reminder',
  'reviewers',
  'reviewer',
  'stage',
  'blocker',
  'blockers',
]);

/** Speaker lines of a section that make it a transcript: at least this many, and this share of its lines. */
export const TRANSCRIPT_MIN_SPEAKER_LINES = 3;
export const TRANSCRIPT_MIN_SHARE = 0.3;

// ---------------------------------------------------------------------------
// Action items.

/**
 * An action marker at the start of an item: `AI @x:`, `AI: @x to`, `AI Itrich:`,
 * `TODO:`, `ToDo`, `ACTION:`, `Action item:`, or `AI`/`TODO` straight before the task in
 * lower case (`AI reminder mail next week`, `TODO check the docs`). Not `AIs`, `AI's will follow`,
 * `AI Act`-like prose (a marker must be followed by ":", "@", "(", "Name:" or a lower-case
 * word that is not a function word: `AI for this week:` is a label, not a task).
 */
export const LEADING_ACTION =
  /^(?:AI|TODO|ToDo|Todo|To ?[dD]o(?= ?[:(])|ACTION(?: ITEMS?| POINTS?)?|Action(?: [iI]tems?| [pP]oints?)?)(?=\s*[:@(-]|\s+[\p{Lu}][\p{L}\d-]*(?:\s+[\p{Lu}][\p{L}\d-]*)?\s*(?::|\bto\b|\bwill\b)|\s*$)|^(?:AI|TODO|ToDo|Todo)(?=\s+(?!(?:a|an|the|and|or|of|for|from|in|on|at|by|to|with|as|is|are|was|were|be|has|have|had|will|would|can|could|should|may|might|must|this|that|these|those|it|its)\b)\p{Ll}[^:]*$)/u;

/** A marker inside a sentence: `... (AI @x)`, `(AI: POs)`, `... -> AI @x: do`, `; TODO: ...`. */
export const INLINE_ACTION =
  /\((?:AI|TODO|ToDo|todo|ACTION)\b(?!['’]s)([^()]*)\)|(?:^|[\s;,>/])(?:AI|TODO|ACTION)(?=\s*:|\s+@|\([^()]{1,40}\)\s*:)/u;

/** Words that open a line that is not an action although it has a marker-like word. */
export const NOT_AN_ACTION = /^(?:AIs?['’]s\b|AIs\b|AI (?:act|model|generated|based|assistant|tools?)\b)/i;

// Names and the separators between them, so that each text splits into names one way only: a pattern
// that could read "Xyand" as one name or as "Xy" + "and" takes exponential time on "XyandXyand...!".
const OWNER_NAME = String.raw`(?:@[\w.-]+|[\p{Lu}][\p{L}-]+(?: [\p{Lu}][\p{L}-]+)?)`;
const NAME_SEPARATOR = String.raw`(?:\s*[,&/]\s*|\s+and\s+)`;
const HANDLE_SEPARATOR = String.raw`(?:\s*[,&]\s*|\s+and\s+)`;
/**
 * What follows "to" or "will" in an assignment: a verb, not an article or "be" ("Get stickers to the folks", "SIG to be
 * founded").
 */
const TASK_VERB = String.raw`(?!(?:the|a|an|be|been|all|our|their|this|that|these|those|its|his|her|my|your|some|any)\b)\p{L}`;

/** "Martin to drop X", "@bob will send", "Kurt Garloff and @fkr should check", inside an actions section. */
export const NAMED_TASK = new RegExp(
  String.raw`^(${OWNER_NAME}(?:${NAME_SEPARATOR}${OWNER_NAME})*)\s+(?:to|will|should|must)\s+${TASK_VERB}`,
  'u',
);

/**
 * "tkowalski to add the alert": a nickname written in lower case (IRC and MeetBot minutes) before
 * "to <verb>", read only where the text is already a task (after ACTION:, in an actions section),
 * and only if it is no common word (`NOT_AN_OWNER`).
 */
export const NICK_TASK = new RegExp(String.raw`^([a-z][a-z\d._-]{2,38})\s+(?:to|will|should|must)\s+${TASK_VERB}`, 'u');

/**
 * A task addressed to someone: "TODO: Chris, could you please provide the link", "AI: Kurt, please send the slides".
 */
export const ADDRESSED = /^([\p{Lu}][\p{L}'’-]*(?: [\p{Lu}][\p{L}'’-]*)?), (?:could|can|would|will|please)\b/u;

/**
 * "Steven - Iterate on the release PR", "Alan and Steven - meet and record": owners before a dash, in an actions
 * section.
 */
export const NAME_DASH_TASK = /^([\p{Lu}][\p{L}'’-]*(?:(?:, | and | & )[\p{Lu}][\p{L}'’-]*)*) [-–—] \S/u;

/**
 * A task written without a marker: "@x to ping @y", "-> @bob will check", "Jan to create an issue". Lint asks for a
 * marker.
 */
export const UNMARKED_TASK = new RegExp(
  String.raw`^(?:[-=]+>\s*)?(?:@[\w.-]+(?:${HANDLE_SEPARATOR}@[\w.-]+)*)\s+(?:to|will|should|needs? to|must)\s+${TASK_VERB}`,
  'u',
);

/** A question, not a task nor a decision: "Q: What should be prioritized?", "Who takes this?", "Q (name): ...". */
export const QUESTION = /\?\s*$|^Q\s*(?:\([^()]{0,60}\)\s*)?:/;

/** Lines in a review or actions section that hold no item: "none", "no open AIs". */
export const NO_ITEMS = /^(?:none|nothing|n\/a|-+|no (?:open |new |pending )?(?:AIs|action items|actions|todos)\b)/i;

// ---------------------------------------------------------------------------
// Status of an action item.

export const DONE_WORDS =
  /^(?:(?:this|it|that)\s+(?:is|was|has been)\s+)?(?:(?:actually|already|now|all|fully|completely)\s+)?(?:(?:done|finished|completed?|closed|merged|resolved|fixed|erledigt)\b|✅|✔|☑)/iu;
export const DROPPED_WORDS =
  /^(?:obsolete|dropped|cancel+ed|canceled|not needed|no longer needed|won'?t (?:do|fix)|wontfix|superseded|abandoned|discarded)\b/i;
export const OPEN_WORDS =
  /^(?:still open|open|in progress|ongoing|wip|pending|not (?:yet )?done|todo|postponed|delayed|carried over|continues)\b/i;

/** Status written into the item itself: "... -> done", "(done)", "— done, merged on ...", "DONE", "✅". */
export const DONE_IN_TEXT =
  /\bDONE\b|✅|✔|:(?:white_check_mark|heavy_check_mark|ballot_box_with_check):|(?:->|→|=>|–|—)\s*(?:done|finished|merged|completed)\b|(?::|\s-|\()\s*(?:done|finished|merged|completed)\b(?=\s*(?:$|[(),;.!]))/;
export const DROPPED_IN_TEXT =
  /\b(?:OBSOLETE|DROPPED|CANCELL?ED)\b|(?:->|→|=>|–|—)\s*(?:obsolete|dropped|cancell?ed)\b|(?::|\s-|\()\s*(?:obsolete|dropped|cancell?ed)\b(?=\s*(?:$|[(),;.!]))/;

// ---------------------------------------------------------------------------
// Decisions.

/** "Decision: ...", "DECISION:", "Decided:", "RESOLVED:", "Agreed:", "Resolution:", "Consensus:". */
export const DECISION_LABEL =
  /^(?:decisions?|decided|resolved|resolutions?|conclusions?|agreed|agreement|consensus|beschluss|entscheidung)\s*(?:[:\-–]|\/(?!\s*(?:AI|TODO|ACTION)\b))\s*/i;

/** Words that state a decision inside a sentence. */
export const DECISION_WORDS = new RegExp(
  [
    String.raw`\b(?:decided|decision(?: was| has been)? (?:made|taken|reached)|agreed|agreement (?:was |has been )?reached`,
    String.raw`(?:general|broad|rough) (?:agreement|consensus)|consensus|(?:strong |majority )?vote[sd]? (?:for|against|in favou?r)`,
    String.raw`(?:no|without|(?:not|n't) (?:have |raise |raised |see )?any) objections?`,
    String.raw`\+1['’]?s (?:for|from)`,
    String.raw`we(?: will|['’]ll)(?! (?:see|need|try|have|meet|present|get|be|look|check|talk|consider|likely|probably|want|maybe|possibly|think|follow|revisit|continue)))\b`,
    String.raw`(?:->|→|=>)\s*(?:resolved|yes|no)\b`,
  ].join('|'),
  'i',
);

/** A reply in capitals that settles the question above it: "YES", "NO NEED". */
export const DECISION_REPLY = /^(?:YES|NO NEED)\b/;

/** Phrases that name a decision that has not been made. */
export const NOT_A_DECISION =
  /\b(?:to be (?:decided|agreed)|not (?:yet )?(?:been )?(?:decided|agreed)|undecided|(?:be|get|been) decided|needs? (?:a |to be )?(?:decided|decision|agreed)|no consensus|(?:find|reach|get|seek|build|need|requires?|looking for) (?:a )?consensus|decision records?|decide (?:on|whether|if|about|how|what|which)|(?:can|could|may|might|should|would|will)\s+(?:\w+\s+)?(?:be\s+)?(?:\w+\s+)?decided|if agreed|once agreed|until agreed|should (?:be )?(?:decided|agreed)|will be (?:decided|agreed)|has to be (?:decided|agreed)|agreed upon by|disagreed|as (?:previously |already )?agreed|whether|(?:have|has|gain|gather|check|confirm|ensure|make sure)\s+(?:we have\s+)?(?:a\s+)?consensus)\b/i;

/**
 * Items of a conclusion section that record no outcome: "No consensus", "Does not advance",
 * "Discussion continues", "Will revisit", "Remains Stage 1", "was not seeking advancement".
 */
export const NO_OUTCOME =
  /\b(?:no (?:consensus|conclusion|decision|resolution|advancement|changes?|outcome)|not (?:yet )?(?:advanc\w*|seeking|stage \d)|(?:does|did)(?: not|n't) advance|(?:discussion|work) (?:continues|to continue|will continue|ongoing)|needs? (?:further|more) (?:discussion|work|review)|waiting (?:on|for)|seeking (?:consensus|advancement|stage)|(?:will |to )(?:revisit|come back|return|continue (?:the )?discussion)|remains? (?:at )?stage|postponed|deferred|n\/a|still needs?|needs? more|looking (?:to|for)|no \w+ (?:has|have|had) (?:reached )?consensus)\b|^(?:none|nothing|-+)\.?$|^see\b|^\(/i;

/** A label whose items are still open, not outcomes: "to resolve:", "open questions:", "next steps:". */
export const OPEN_LABEL =
  /^(?:to (?:resolve|do|discuss|decide|be (?:resolved|discussed|decided))|open (?:questions?|issues?|points?)|unresolved|questions?|next steps?|todo)\b/i;

/** An item that only names a person: "Keith Miller", under a label such as "Reviewers:". */
export const PERSON_NAME = /^\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}\.?)?(?: \p{Lu}[\p{Ll}'’-]+){1,2}$/u;

/**
 * A note taker's follow-up in a conclusion section, by someone's initials: "DE will file an issue",
 * "NHD to get in touch with J Chung" (a named person's follow-up is checked against the participants).
 */
export const FOLLOW_UP =
  /^([\p{Lu}]{2,5}(?:\s*(?:,|and|&)\s*[\p{Lu}]{2,5})*|[\p{Lu}][\p{Ll}]+)\s+(?:to|will|should)\s+\p{Ll}/u;

// ---------------------------------------------------------------------------
// Participants.

/** Who ran the meeting, and so was at it: "Moderator: @x", "Notetaker: @y", "Chair: @z". */
export const MEETING_ROLE =
  /^(?:moderator|moderation|note ?-?takers?|notetaker|minute ?takers?|scribe|chair|facilitator|host)$/i;

/** A template's placeholder in a list of people: "attendee names", "<your_name>", "Name (Company)". */
export const PLACEHOLDER = /^(?:attendee|participant)s?(?: names?)?\W*$|your[_ ]name|^names?\W*$/i;

/** Notes after a participant that say they were not there: "(sick)", "(absent)". */
export const ABSENT_NOTE =
  /\b(?:sick|ill|absent|excused|entschuldigt|vacation|holiday|not present|apologies|regrets|abwesend|urlaub)\b/i;

// ---------------------------------------------------------------------------
// Dates.

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** "end of July", "end of Sept." -> the last day of that month. */
export const END_OF_MONTH =
  /\bend of (jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:\s+(\d{4}))?/i;

/** The label of a date: "Date", "Date & time", "Date/Time", "Meeting date", "When", "Datum", "Wann", "Termin". */
const DATE_LABEL = String.raw`(?:(?:meeting |call )?date(?:\s*(?:&|and|\/)\s*time)?|time(?:\s*(?:&|and|\/)\s*date)?|datum|when|wann|termin|zeit)`;

/** A heading with the date under it: "## When", "## Date". */
export const DATE_HEADING = new RegExp(`^${DATE_LABEL}$`, 'i');

/** "Date: 2024-07-15", "Date & time: March 3, 2023, 15:00 UTC", "When: May 5th, 5pm-6pm UTC", "Datum: 15.07.2024". */
export const DATE_LINE = new RegExp(`^${DATE_LABEL}\\s*:[ \\t]*(\\S.*)$`, 'i');

/** A month's name or abbreviation at the start of a word: "july-29.md", "jan-26.md", "september-26.md". */
export const MONTH_NAME = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$/i;
