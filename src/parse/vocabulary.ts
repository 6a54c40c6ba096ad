/**
 * The vocabulary of minutes: every word pattern the recognisers use, in one
 * place, apart from the code that walks the tree (as Obsidian Tasks keeps its
 * patterns apart from its parsing). Each pattern is documented by examples of
 * what it accepts and what it must not; the recognisers' tests in `test/parse/`
 * hold such examples as tests.
 */

/** A GitHub-style handle with its "@": `@garloff`, `@NotTheEvilOne`, `@o-otte`; not the host of `me@example.org`. */
export const HANDLE = /(?<![\w.@])@[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?/;

/** Emoji shortcodes and pictographs that decorate headings: `:family: Participants`. */
export const DECORATION = /:[a-z0-9_+-]+:|[\p{Extended_Pictographic}\uFE0F\u200D]/gu;

// ---------------------------------------------------------------------------
// Section labels: headings, bold lines or "Label:" lines that say what follows.

/** "Participants", "Participants - use of github handle is preferred", "Attendees", "Present". */
export const PARTICIPANTS_LABEL =
  /^(?:participants?|attendees?|attendance|present|teilnehmer(?:innen)?|anwesend|who(?:'s| is) (?:here|present)|who$)\b/i;

/** "Excused", "Absent", "Apologies": people listed here were not there. */
export const ABSENT_LABEL = /^(?:excused|absent|apologies|regrets|not present|entschuldigt|abwesend)\b/i;

/** "Agenda", "Agenda and minutes", "Topics". */
export const AGENDA_LABEL = /^(?:agenda|topics|tagesordnung)\b/i;

/** "Action items", "Actions required", "AIs", "TODOs", "To do", "Action points". */
export const ACTIONS_LABEL =
  /^(?:(?:new |open )?action(?:s| items?| points?| required)|(?:new |open )?AIs?|to-?dos?|todos|tasks)\b(?! from)/i;

/**
 * Reviews of earlier action items: "Check AIs from last time", "Pending action items",
 * "Open AIs", "Review of action items", "AIs from last week".
 */
export const REVIEW_LABEL = new RegExp(
  [
    String.raw`\b(?:check(?:ing)?|review(?:ing)?|follow[- ]?ups?(?: on)?)\b.*\b(?:AIs?|action items?|actions|todos?)\b`,
    String.raw`\b(?:pending|open|previous|old|last (?:week|time|meeting)(?:'s)?|outstanding|carried(?: over)?)\s+(?:AIs|action items|actions|todos)\b`,
    String.raw`\b(?:AIs|action items|actions|todos|items)\b.*\b(?:from|of)\s+(?:the\s+)?(?:last|previous|earlier)\b`,
    String.raw`\bfollow[- ]?ups?\s+(?:from|on|of)\s+(?:the\s+)?(?:last|previous)\b`,
    String.raw`\b(?:AIs|action items|actions|todos)\s+carried(?: over| forward)?\b`,
  ].join('|'),
  'i',
);

/** "Decisions", "Decisions made", "Decision log", "Resolutions", "Beschlüsse". */
export const DECISIONS_LABEL = /^(?:decisions?(?: made| taken| log)?|resolutions?|we concluded|outcomes?(?: of (?:today|the (?:meeting|discussion)))?|beschl(?:ü|ue)sse)\s*:?$/i;

/** Headings that organise the minutes but are no topic of the meeting. */
export const HOUSEKEEPING_LABEL =
  /^(?:housekeeping|meta|recurring items|reporting|welcome\b.*|any newcomers\b.*|newcomers|next overflow slot|aob|any other business|summary|(?:summary & )?minutes(?: transfer| taker)?|protocol|note ?taker|moderat(?:ion|or)|facilitator|chair|date|time|location|where|when|next meeting|next call|next date|links?|useful links|what|how ?to\b.*|resources|notes?|meeting notes|meeting info(?:rmation)?|logistics|dial[- ]in|video ?call|jitsi|recording|table of contents|toc)\b/i;

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
  /^(?:AI|TODO|ToDo|Todo|To ?[dD]o(?= ?[:(])|ACTION(?: ITEM)?|Action(?: item| point)?)(?=\s*[:@(-]|\s+[\p{Lu}][\p{L}\d-]*(?:\s+[\p{Lu}][\p{L}\d-]*)?\s*(?::|\bto\b|\bwill\b)|\s*$)|^(?:AI|TODO|ToDo|Todo)(?=\s+(?!(?:a|an|the|and|or|of|for|from|in|on|at|by|to|with|as|is|are|was|were|be|has|have|had|will|would|can|could|should|may|might|must|this|that|these|those|it|its)\b)\p{Ll}[^:]*$)/u;

/** A marker inside a sentence: `... (AI @x)`, `(AI: POs)`, `... -> AI @x: do`, `; TODO: ...`. */
export const INLINE_ACTION = /\((?:AI|TODO|ToDo|todo|ACTION)\b(?!['’]s)([^()]*)\)|(?:^|[\s;,>/])(?:AI|TODO|ACTION)(?=\s*:|\s+@)/u;

/** Words that open a line that is not an action although it has a marker-like word. */
export const NOT_AN_ACTION = /^(?:AIs?['’]s\b|AIs\b|AI (?:act|model|generated|based|assistant|tools?)\b)/i;

/** "Martin to drop X", "@bob will send", inside an actions section. */
export const NAMED_TASK = /^((?:@[\w.-]+|[\p{Lu}][\p{L}-]+(?: [\p{Lu}][\p{L}-]+)?)(?:\s*(?:,|and|&|\/)\s*(?:@[\w.-]+|[\p{Lu}][\p{L}-]+(?: [\p{Lu}][\p{L}-]+)?))*)\s+(?:to|will|should|must)\s+\p{L}/u;

/** A task written without a marker: "@x to ping @y", "-> @bob will check", "Jan to create an issue". Lint asks for a marker. */
export const UNMARKED_TASK = /^(?:[-=]+>\s*)?(?:@[\w.-]+(?:\s*(?:,|and|&)\s*@[\w.-]+)*)\s+(?:to|will|should|needs? to|must)\s+\p{L}/u;

/** Lines in a review or actions section that hold no item: "none", "no open AIs". */
export const NO_ITEMS = /^(?:none|nothing|n\/a|-+|no (?:open |new |pending )?(?:AIs|action items|actions|todos)\b)/i;

// ---------------------------------------------------------------------------
// Status of an action item.

export const DONE_WORDS = /^(?:(?:this|it|that)\s+(?:is|was|has been)\s+)?(?:(?:actually|already|now|all|fully|completely)\s+)?(?:(?:done|finished|completed?|closed|merged|resolved|fixed|erledigt)\b|✅|✔|☑)/iu;
export const DROPPED_WORDS = /^(?:obsolete|dropped|cancel+ed|canceled|not needed|no longer needed|won'?t (?:do|fix)|wontfix|superseded|abandoned|discarded)\b/i;
export const OPEN_WORDS = /^(?:still open|open|in progress|ongoing|wip|pending|not (?:yet )?done|todo|postponed|delayed|carried over|continues)\b/i;

/** Status written into the item itself: "... -> done", "(done)", "— done, merged on ...", "DONE", "✅". */
export const DONE_IN_TEXT =
  /\bDONE\b|✅|✔|:(?:white_check_mark|heavy_check_mark|ballot_box_with_check):|(?:->|→|=>|–|—)\s*(?:done|finished|merged|completed)\b|(?::|\s-|\()\s*(?:done|finished|merged|completed)\b(?=\s*(?:$|[(),;.!]))/;
export const DROPPED_IN_TEXT =
  /\b(?:OBSOLETE|DROPPED|CANCELL?ED)\b|(?:->|→|=>|–|—)\s*(?:obsolete|dropped|cancell?ed)\b|(?::|\s-|\()\s*(?:obsolete|dropped|cancell?ed)\b(?=\s*(?:$|[(),;.!]))/;

// ---------------------------------------------------------------------------
// Decisions.

/** "Decision: ...", "DECISION:", "Decided:", "RESOLVED:", "Agreed:", "Resolution:", "Consensus:". */
export const DECISION_LABEL = /^(?:decisions?|decided|resolved|resolution|agreed|agreement|consensus|beschluss|entscheidung)\s*[:\-–/]\s*/i;

/** Words that state a decision inside a sentence. */
export const DECISION_WORDS =
  /\b(?:decided|decision(?: was| has been)? (?:made|taken|reached)|agreed|agreement (?:was |has been )?reached|consensus|(?:strong |majority )?vote[sd]? (?:for|against|in favou?r)|we(?: will|['’]ll)(?! (?:see|need|try|have|meet|present|get|be|look|check|talk)))\b|(?:->|→|=>)\s*(?:resolved|yes|no)\b|^(?:YES|NO NEED)\b/i;

/** Phrases that name a decision that has not been made. */
export const NOT_A_DECISION =
  /\b(?:to be (?:decided|agreed)|not (?:yet )?(?:been )?(?:decided|agreed)|undecided|(?:be|get|been) decided|needs? (?:a |to be )?(?:decided|decision|agreed)|no consensus|(?:find|reach|get|seek|build|need|requires?|looking for) (?:a )?consensus|decision records?|decide (?:on|whether|if|about|how|what|which)|(?:can|could|may|might|should|would|will)\s+(?:\w+\s+)?(?:be\s+)?(?:\w+\s+)?decided|if agreed|once agreed|until agreed|should (?:be )?(?:decided|agreed)|will be (?:decided|agreed)|has to be (?:decided|agreed)|agreed upon by|disagreed)\b/i;

// ---------------------------------------------------------------------------
// Participants.

/** Notes after a participant that say they were not there: "(sick)", "(absent)". */
export const ABSENT_NOTE = /\b(?:sick|ill|absent|excused|entschuldigt|vacation|holiday|not present|apologies|regrets|abwesend|urlaub)\b/i;

// ---------------------------------------------------------------------------
// Dates.

export const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
] as const;

/** "end of July", "end of Sept." -> the last day of that month. */
export const END_OF_MONTH = /\bend of (jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:\s+(\d{4}))?/i;

/** A heading with the date under it: "## When", "## Date". */
export const DATE_HEADING = /^(?:date|datum|when|meeting date)$/i;

/** "Date: 2024-07-15", "Datum: 15.07.2024", "When: Monday, July 15th 2024". */
export const DATE_LINE = /^(?:date|datum|when|meeting date)\s*:\s*(.+)$/i;
