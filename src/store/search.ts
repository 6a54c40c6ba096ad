import type { ActionStatus } from '../parse/meeting-record.js';
import type { DB } from './database.js';
import {
  meetingClauses,
  ownedMentionsClause,
  where,
  DEFAULT_LIMIT,
  type Clause,
  type MeetingFilter,
  type Page,
  type PageOf,
} from './filters.js';
import { stateMentionsClause } from './tracked-items.js';
import { readQuestion, readingText, withoutGuesses, type Question, type ReadingPart } from '../search/question.js';
import { parseSearchQuery, type QueryFilters } from './search-query.js';
import { ftsAnyExpression, ftsExpression, ftsPhrases, type Phrases } from './fts-query.js';
import { Best, FacetTally, type Facets, type FacetValues } from './search-tally.js';
import { isIndexed, knownOwner, nearestWord } from './search-words.js';
import { meetingSnippets, readable, snippets } from './snippet.js';
import { statement } from './statements.js';

export type { FacetCount, Facets } from './search-tally.js';

export type SearchType = 'decision' | 'action' | 'meeting';

export interface SearchFilter extends MeetingFilter, Page {
  /** Words, "phrases" and `key:value` filters (see search-query.ts). */
  q?: string;
  type?: SearchType | 'all';
  owner?: string;
  status?: ActionStatus;
  /** Meetings strictly before / after this date, as `before:` / `after:` in the box. */
  before?: string;
  after?: string;
  /** YYYY-MM-DD: what time words of a question are relative to (tests, benchmarks); the system's date by default. */
  today?: string;
}

export interface SearchHit {
  type: SearchType;
  /** The decision's, action item mention's or meeting's id. */
  id: number;
  /** For an action item: the item it is a mention of (`minutes ai show`). */
  itemId: string | null;
  meetingId: number;
  source: string;
  series: string | null;
  date: string | null;
  title: string | null;
  /** The meeting as a reader names it: its title, series and date ("IAM weekly · iam · 2023-04-19"), never a path. */
  heading: string;
  /** The agenda topic a decision or action item was recorded under. */
  topic: string | null;
  /** Line of the decision or action item; null for a meeting. */
  line: number | null;
  text: string | null;
  /** Matching words marked «like this», from the text as a reader sees it (no markdown). */
  snippet: string;
  owners: string[] | null;
  /** For an action item: the item's status now. */
  status: ActionStatus | null;
}

/** How a question was read: said for a person, and in parts that each can be undone. */
export interface Reading {
  /** "decisions · about: keycloak · Mar 1 – May 31 2023" */
  text: string;
  /** The words searched, after question words and filler were left out (and misspellings corrected). */
  words: string;
  /** What was guessed from the words (a kind, an owner, a date range), each with the question that undoes it. */
  parts: ReadingPart[];
  /** Guesses taken back because with them nothing was found. */
  relaxed: ReadingPart[];
  /** Question words and filler left out. */
  ignored: string[];
  /**
   * `all`: documents with every word; `all then any`: fewer than a page have them all, so those
   * with any follow; `any`: none has them all, so those with any, most first; null: no words.
   */
  matched: 'all' | 'all then any' | 'any' | null;
  /** Words the index does not have, each with the word it has that was probably meant (searched instead). */
  corrected: { word: string; suggestion: string }[];
  /** The question with the corrections, to search for instead ("did you mean"). */
  suggestion: string | null;
}

export interface SearchResult extends PageOf<SearchHit> {
  /**
   * The query as understood: the box without its filters (`text`), the FTS5 expression run,
   * the filters given in the box and as parameters (guesses are in `reading`), and the reading.
   */
  query: {
    text: string;
    match: string | null;
    filters: QueryFilters & MeetingFilter;
    dropped: number;
    reading: Reading;
  };
  facets: Facets;
}

/**
 * bm25 weights per column (decision, action, meeting, topic): items weigh more than the meeting
 * text around them; the topic (an item's agenda topic, a meeting's title) says what it is about.
 */
const WEIGHTS = '4.0, 3.0, 1.0, 2.0';

/** Filters from the box, overridden by those given as parameters. */
function filtersOf(filter: SearchFilter, boxed: QueryFilters): QueryFilters {
  const given = {
    type: filter.type === 'all' ? undefined : filter.type,
    owner: filter.owner,
    status: filter.status,
    series: filter.series,
    before: filter.before,
    after: filter.after,
  };
  return { ...boxed, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) } as QueryFilters;
}

/**
 * Conditions on the search document `d`, which carries its meeting's series and date and an
 * action item's status (schema/004), so that neither meetings nor items are joined per match.
 */
function clauses(db: DB, f: QueryFilters, filter: SearchFilter): Clause[] {
  const all = meetingClauses({ series: f.series, from: filter.from, to: filter.to }, 'd');
  if (f.before) all.push({ sql: 'd.date < ?', params: [f.before] });
  if (f.after) all.push({ sql: 'd.date > ?', params: [f.after] });
  if (f.type) all.push({ sql: 'd.kind = ?', params: [f.type] });
  if (f.owner) all.push(ownedMentionsClause(db, f.owner));
  if (f.state) all.push(stateMentionsClause(db, f.state));
  if (f.status) all.push({ sql: 'd.status = ?', params: [f.status] });
  return all;
}

type Ranked = { total: number; ids: number[]; tally: FacetTally };

/**
 * Every match in one pass: FTS5 scores it, and the number of its facet set comes with it (a
 * narrow table, schema/004); the total and facets are counted and the best `offset + limit`
 * kept as the rows go by. (Six queries, one for the total and one per facet, each went through
 * all matches again.) Search documents are joined only for filters.
 */
function rankMatches(db: DB, filters: Clause[], match: string, size: number): Ranked {
  const w = where([...filters, { sql: 'search MATCH ?', params: [match] }]);
  const rows = statement(
    db,
    `SELECT x.doc_id, bm25(search, ${WEIGHTS}), x.facet_id FROM search JOIN search_doc_facets x ON x.doc_id = search.rowid
     ${filters.length > 0 ? 'JOIN search_docs d ON d.id = search.rowid' : ''} ${w.sql}`,
  )
    .raw()
    .all(...w.params) as [number, number, number][];
  const tally = new FacetTally();
  const best = new Best(size);
  for (const [id, score, facetSet] of rows) {
    tally.add(facetSet);
    best.offer(id, score);
  }
  return { total: tally.total, ids: best.page(0), tally };
}

/** Without words: newest first, and facets counted by SQL over groups of documents with the same facet set. */
function listNewest(db: DB, filters: Clause[], limit: number, offset: number): Ranked {
  const w = where(filters);
  const groups = statement(
    db,
    `SELECT x.facet_id, count(*) FROM search_docs d JOIN search_doc_facets x ON x.doc_id = d.id ${w.sql} GROUP BY x.facet_id`,
  )
    .raw()
    .all(...w.params) as [number, number][];
  const tally = new FacetTally();
  for (const [facetSet, n] of groups) tally.add(facetSet, n);
  const ids = statement(db, `SELECT d.id FROM search_docs d ${w.sql} ORDER BY d.date DESC, d.id LIMIT ? OFFSET ?`)
    .pluck()
    .all(...w.params, limit, offset) as number[];
  return { total: tally.total, ids, tally };
}

/** Facet sets read before, per database: a set's number always means the same values (schema/004). */
const knownSets = new WeakMap<DB, Map<number, FacetValues>>();

/**
 * The values of the facet sets counted, read from the database only for sets not seen before.
 * Sets are never changed or deleted, so what was read outside a transaction stays true; inside
 * one, a set might still be rolled back and its number used again, so it is not kept.
 */
function facetValues(db: DB, tally: FacetTally): Map<number, FacetValues> {
  let known = knownSets.get(db);
  if (!known) knownSets.set(db, (known = new Map()));
  const values = new Map<number, FacetValues>();
  const unknown: number[] = [];
  for (const set of tally.sets()) {
    const value = known.get(set);
    if (value) values.set(set, value);
    else unknown.push(set);
  }
  if (unknown.length === 0) return values;
  const rows = statement(db, 'SELECT id, facets FROM search_facets WHERE id IN (SELECT value FROM json_each(?))')
    .raw()
    .all(JSON.stringify(unknown)) as [number, string][];
  for (const [set, json] of rows) {
    const value = JSON.parse(json) as FacetValues;
    values.set(set, value);
    if (!db.inTransaction) known.set(set, value);
  }
  return values;
}

/** What a page shows of one document, as `hitRows` reads it (raw rows: no object per row from SQLite). */
interface HitRow {
  docId: number;
  type: SearchType;
  refId: number;
  meetingId: number;
  source: string;
  series: string | null;
  date: string | null;
  title: string | null;
  line: number | null;
  text: string | null;
  /** JSON [kind, series, year, status, owners], as stored. */
  facets: string;
  status: ActionStatus | null;
  itemId: string | null;
  /** A meeting's markdown, for its snippet. */
  body: string | null;
  /** A decision's or action item's agenda topic. */
  topic: string | null;
}

type RawHitRow = [
  number,
  SearchType,
  number,
  number,
  string,
  string | null,
  string | null,
  string | null,
  number | null,
  string | null,
  string,
  ActionStatus | null,
  string | null,
  string | null,
  string | null,
];

/** What the page shows of its documents, in one query, in page order. */
function hitRows(db: DB, ids: number[]): HitRow[] {
  const rows = statement(
    db,
    `SELECT d.id, d.kind, d.ref_id, d.meeting_id, m.source, d.series, d.date, m.title, coalesce(x.line, a.line), coalesce(x.text, a.text),
       f.facets, d.status, a.item_id, CASE WHEN d.kind = 'meeting' THEN m.body END, coalesce(x.agenda, a.agenda)
     FROM search_docs d JOIN meetings m ON m.id = d.meeting_id
     JOIN search_doc_facets fx ON fx.doc_id = d.id JOIN search_facets f ON f.id = fx.facet_id
     LEFT JOIN decisions x ON d.kind = 'decision' AND x.id = d.ref_id
     LEFT JOIN action_items a ON d.kind = 'action' AND a.id = d.ref_id
     WHERE d.id IN (SELECT value FROM json_each(?))`,
  )
    .raw()
    .all(JSON.stringify(ids)) as RawHitRow[];
  const byId = new Map<number, HitRow>();
  for (const [
    docId,
    type,
    refId,
    meetingId,
    source,
    series,
    date,
    title,
    line,
    text,
    facets,
    status,
    itemId,
    body,
    topic,
  ] of rows) {
    byId.set(docId, {
      docId,
      type,
      refId,
      meetingId,
      source,
      series,
      date,
      title,
      line,
      text,
      facets,
      status,
      itemId,
      body,
      topic,
    });
  }
  // Not in one transaction with the ranking (BEGIN and COMMIT cost a search 6%): a document
  // that an import removed in between is left out of the page.
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Characters of a meeting read for a snippet without words: more than its first 160 are seldom left once markup is
 * gone.
 */
const OPENING = 1000;

/** What a reader sees of a document's opening: an item's text, or a meeting's title and minutes, without markdown. */
function readableText(row: HitRow): string {
  return row.type === 'meeting' ? readable(`${row.title ?? ''}\n${row.body!.slice(0, OPENING)}`) : readable(row.text!);
}

/** The first `n` characters (code points, as SQLite's substr counts them). */
function firstChars(text: string, n: number): string {
  return Array.from(text.slice(0, 2 * n))
    .slice(0, n)
    .join('');
}

/**
 * Snippets for the page's rows only, from the text a reader sees. Made in JavaScript
 * (src/store/snippet.ts); where that finds no match in an item (the tokenizer read it otherwise),
 * FTS5's snippet() of the row; in a meeting, the start of its text. The rowid is cast: bound as a
 * JavaScript number it arrives as a REAL, and FTS5 then ignores `rowid = ?` and returns every match.
 */
function snippetMaker(db: DB, phrases: Phrases | null, match: string | null): (row: HitRow) => string {
  if (!phrases || !match) return (row) => firstChars(readableText(row), 160);
  const fromText = snippets(phrases);
  const fromMinutes = meetingSnippets(phrases);
  const fromFts = statement<[string, number], string>(
    db,
    `SELECT snippet(search, -1, '«', '»', '…', 16) FROM search WHERE search MATCH ? AND rowid = CAST(? AS INTEGER)`,
  ).pluck();
  return (row) => {
    if (row.type === 'meeting')
      return fromMinutes(row.body!) ?? fromText(readable(row.title ?? '')) ?? firstChars(readableText(row), 160);
    return fromText(readable(row.text!)) ?? fromFts.get(match, row.docId) ?? '';
  };
}

/** "IAM weekly · iam · 2023-04-19": the title as a reader sees it, with the series and date it does not already say. */
function headingOf(row: HitRow): string {
  const title = readable(row.title ?? '');
  const parts = [title || null];
  const words = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ');
  if (row.series && !words(title).includes(words(row.series))) parts.push(row.series);
  if (row.date && !title.includes(row.date)) parts.push(row.date);
  const heading = parts.filter(Boolean).join(' · ');
  return heading || 'Meeting';
}

function toHit(row: HitRow, snippet: string): SearchHit {
  const action = row.type === 'action';
  return {
    type: row.type,
    id: row.type === 'meeting' ? row.meetingId : row.refId,
    meetingId: row.meetingId,
    source: row.source,
    series: row.series,
    date: row.date,
    title: row.title,
    heading: headingOf(row),
    topic: row.type === 'meeting' ? null : row.topic,
    snippet,
    line: row.line,
    text: row.text,
    owners: action ? (JSON.parse(row.facets) as [unknown, unknown, unknown, unknown, string[]])[4] : null,
    status: action ? row.status : null,
    itemId: action ? row.itemId : null,
  };
}

/** Words the index does not have, at most this many a search: each is compared with a part of the vocabulary. */
const MAX_CORRECTED = 4;

/**
 * Each word of the phrases that the index does not have (a last word being typed: that no word begins with), with the
 * word it has that is nearest.
 */
function corrections(db: DB, phrases: Phrases): { word: string; suggestion: string }[] {
  const found: { word: string; suggestion: string }[] = [];
  const words = phrases.phrases.flat();
  const typing = phrases.prefix ? words[words.length - 1] : undefined;
  for (const word of [...new Set(words)]) {
    if (found.length >= MAX_CORRECTED || isIndexed(db, word, word === typing)) continue;
    const suggestion = nearestWord(db, word);
    if (suggestion) found.push({ word, suggestion });
  }
  return found;
}

/** The phrases with corrected words in place of the misspelt ones. */
function corrected(phrases: Phrases, fixes: { word: string; suggestion: string }[]): Phrases {
  const by = new Map(fixes.map((f) => [f.word, f.suggestion]));
  return { ...phrases, phrases: phrases.phrases.map((words) => words.map((w) => by.get(w) ?? w)) };
}

/** `text` with each misspelt word (as a whole word, in any case) replaced. */
function withCorrections(text: string, fixes: { word: string; suggestion: string }[]): string {
  return fixes.reduce(
    (t, f) =>
      t.replace(
        new RegExp(`(?<![\\p{L}\\p{N}_])${f.word.replace(/[^\p{L}\p{N}]/gu, '')}(?![\\p{L}\\p{N}_])`, 'giu'),
        f.suggestion,
      ),
    text,
  );
}

interface Matching {
  ranked: Ranked;
  phrases: Phrases | null;
  match: string | null;
  matched: Reading['matched'];
  corrected: { word: string; suggestion: string }[];
}

/** Ranked matches of both: those of `all` first, then those of `any` that are not among them. */
function allThenAny(all: Ranked, any: Ranked, offset: number): Ranked {
  const first = new Set(all.ids);
  return {
    total: any.total,
    ids: [...all.ids, ...any.ids.filter((id) => !first.has(id))].slice(offset),
    tally: any.tally,
  };
}

/**
 * Words from which a page with fewer than a page of all-word matches goes on with any-word ones: two words found
 * together say enough.
 */
const FILL_MIN_PHRASES = 3;

/**
 * Rank what the words match: all of them; failing that, with misspelt words corrected from the
 * index's vocabulary. When none has them all, or fewer than a page have all of three words or
 * more (a question), the page goes on with those that have any (each word of four letters or more also as the start of
 * a longer one: "centos"
 * finds "CentOS8"), more of them and rarer ones first.
 */
function matchWords(db: DB, filters: Clause[], first: Phrases | null, limit: number, offset: number): Matching {
  if (!first)
    return { ranked: listNewest(db, filters, limit, offset), phrases: null, match: null, matched: null, corrected: [] };
  const size = offset + limit;
  let phrases = first;
  let match = ftsExpression(phrases);
  let ranked = rankMatches(db, filters, match, size);
  let fixes: { word: string; suggestion: string }[] = [];
  if (ranked.total === 0) {
    fixes = corrections(db, phrases);
    if (fixes.length > 0) {
      phrases = corrected(phrases, fixes);
      match = ftsExpression(phrases);
      ranked = rankMatches(db, filters, match, size);
    }
  }
  if (
    ranked.total >= size ||
    phrases.phrases.length < 2 ||
    (ranked.total > 0 && phrases.phrases.length < FILL_MIN_PHRASES)
  ) {
    return { ranked: { ...ranked, ids: ranked.ids.slice(offset) }, phrases, match, matched: 'all', corrected: fixes };
  }
  const anyMatch = ftsAnyExpression(phrases);
  const any = rankMatches(db, filters, anyMatch, size + ranked.total);
  const matched = ranked.total === 0 ? 'any' : 'all then any';
  return { ranked: allThenAny(ranked, any, offset), phrases, match: anyMatch, matched, corrected: fixes };
}

/** Today's date, YYYY-MM-DD, as time words are read against it. */
const todayOf = (filter: SearchFilter) => filter.today ?? new Date().toISOString().slice(0, 10);

/** Read the words of the box as a question; nothing is guessed that is given explicitly. */
function understand(db: DB, text: string, f: QueryFilters, filter: SearchFilter): Question {
  return readQuestion(text, {
    today: todayOf(filter),
    person: (name) => knownOwner(db, name),
    explicit: {
      type: Boolean(f.type),
      status: Boolean(f.status),
      owner: Boolean(f.owner),
      time: Boolean(f.before || f.after || filter.from || filter.to),
    },
  });
}

/** Whether the words searched end where the box ends: only then may the last one be unfinished. */
function endsTheBox(text: string, words: string): boolean {
  const last = words.split(/\s+/).pop();
  return Boolean(last) && text.trimEnd().endsWith(last!);
}

/**
 * Full-text search over decisions, action items and meetings, best match first (bm25),
 * with facet counts over all matches. Any text is accepted: a question is read into filters
 * and words (src/search/question.ts), and the answer says how. An empty query lists newest first.
 * One pass over the matches ranks and counts; snippets and details are made only for the rows returned.
 */
export function search(db: DB, filter: SearchFilter): SearchResult {
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const offset = filter.offset ?? 0;
  const typed = parseSearchQuery(filter.q ?? '');
  const f = filtersOf(filter, typed.filters);
  const run = (question: Question) => {
    const effective = { type: question.type, status: question.status, owner: question.owner, ...f } as QueryFilters;
    const range = { from: filter.from ?? question.from, to: filter.to ?? question.to };
    const first = ftsPhrases(question.words, endsTheBox(typed.text, question.words));
    return {
      question,
      effective,
      range,
      ...matchWords(db, clauses(db, effective, { ...filter, ...range }), first, limit, offset),
    };
  };
  const read = understand(db, typed.text, f, filter);
  let found = run(read);
  let relaxed: ReadingPart[] = [];
  // A guess that leaves nothing is taken back (the time words stay): "open items of fkr" when fkr's are all done.
  const loose = found.ranked.total === 0 ? withoutGuesses(read) : null;
  if (loose) {
    const second = run(loose);
    if (second.ranked.total > 0) [found, relaxed] = [second, read.parts.filter((p) => !loose.parts.includes(p))];
  }
  const { ranked, phrases, match, matched, corrected: fixes, question, effective, range } = found;
  const facets = ranked.tally.facets(facetValues(db, ranked.tally));
  const snippet = snippetMaker(db, phrases, match);
  const items = ranked.ids.length === 0 ? [] : hitRows(db, ranked.ids).map((row) => toHit(row, snippet(row)));
  const words = phrases ? phrases.phrases.map((w) => w.join(' ')).join(matched === 'any' ? ' or ' : ' ') : '';
  const text = readingText({ ...effective, ...range }, words);
  const reading: Reading = {
    text: relaxed.length > 0 ? `${text} (none as ${relaxed.map((p) => p.label).join(', ')})` : text,
    words,
    parts: question.parts,
    relaxed,
    ignored: question.ignored,
    matched,
    corrected: fixes,
    suggestion: fixes.length > 0 ? withCorrections(filter.q ?? '', fixes) : null,
  };
  const query = {
    text: typed.text,
    match,
    filters: { ...f, from: filter.from, to: filter.to },
    dropped: phrases?.dropped ?? 0,
    reading,
  };
  return { total: ranked.total, limit, offset, items, query, facets };
}
