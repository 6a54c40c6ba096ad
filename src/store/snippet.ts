import { stem } from '../search/porter.js';
import type { Phrases } from './fts-query.js';

/**
 * Snippets of search hits, made here rather than by FTS5's `snippet()`: that one tokenises the
 * whole document to choose its fragment, which for a meeting (a whole file of minutes) cost
 * about 50 µs a hit, more than all the rest of a search (`npm run bench`). Here `indexOf` finds
 * where a phrase's first word starts, as it is usually written (lower case, Capitalised, UPPER),
 * and only tokens there and in the fragment around the best place are read. Only a document
 * where none of these is found is read token by token. No regular expression is built per
 * search: V8 interprets a new one at first, then compiles it, which cost more than the scan.
 *
 * The output has the form `snippet(search, -1, '«', '»', '…', 16)` gives: about 16 tokens,
 * matches marked «like this», `…` where text was cut. Tokens and their comparison follow the
 * porter tokenizer over unicode61 with `remove_diacritics 2` (schema/006): runs of letters, digits
 * and private-use characters, compared lower-cased without diacritics and stemmed ("keycloaks"
 * is "keycloak"). When no match is found at all (the tokenizer read some text differently), the
 * caller asks FTS5 instead. Minutes are markdown: `meetingSnippets` makes their snippets from
 * the text a reader sees (no markup, HTML comments or front matter), see `readable`.
 */

/** Tokens in a snippet, as FTS5's `snippet()` is asked for. */
const SNIPPET_TOKENS = 16;
/** Tokens of context shown before the best match, when there are tokens enough after it. */
const LEAD_TOKENS = 4;
/** About how many characters 16 tokens of minutes take: the reach within which matches count together. */
const SNIPPET_CHARS = 100;
/** Places of each phrase looked at, to choose the fragment from, when a query has several phrases. */
const PLACES_PER_PHRASE = 4;

const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]/u;

function isTokenChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code >= 0xd800 && code <= 0xdfff)
    return TOKEN_CHAR.test(code < 0xdc00 ? text.slice(i, i + 2) : text.slice(i - 1, i + 1));
  return TOKEN_CHAR.test(text[i]!);
}

const folds = new Map<string, string>();

/** A character lower-cased and without diacritics (É -> e), as the tokenizer compares them. */
function foldChar(c: string): string {
  let folded = folds.get(c);
  if (folded === undefined) {
    folded = c
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}+/gu, '');
    folds.set(c, folded);
  }
  return folded;
}

/** A token as the tokenizer compares it. */
function fold(token: string): string {
  return /^[\x00-\x7f]*$/.test(token) ? token.toLowerCase() : [...token].map(foldChar).join('');
}

interface Span {
  start: number;
  end: number;
}

/** The first token at or after `from`, or null. */
function tokenAfter(text: string, from: number): Span | null {
  let i = from;
  while (i < text.length && !isTokenChar(text, i)) i++;
  if (i >= text.length) return null;
  const start = i;
  while (i < text.length && isTokenChar(text, i)) i++;
  return { start, end: i };
}

/** Where the token before `at` starts; -1 if there is none. */
function tokenStartBefore(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && !isTokenChar(text, i)) i--;
  if (i < 0) return -1;
  while (i >= 0 && isTokenChar(text, i)) i--;
  return i + 1;
}

/** The start of the `count`th token before `at`, or of the first there is. */
function tokensBack(text: string, at: number, count: number): number {
  let start = at;
  for (let n = 0; n < count; n++) {
    const before = tokenStartBefore(text, start);
    if (before < 0) break;
    start = before;
  }
  return start;
}

interface Query {
  /** Each phrase's tokens, folded and stemmed. */
  tokens: string[][];
  /** The phrase whose last token is a prefix, or -1. */
  prefixPhrase: number;
  /** The start of each phrase's first token as it is usually written: lower case, Capitalised, UPPER. */
  spellings: string[][];
  /** The code of each phrase's first character, lower case. */
  firstChars: number[];
}

/** A stem's start as a word begins with it ("polici" is how "policy" is stemmed). */
const stemStart = (token: string) => (token.length > 3 ? token.slice(0, -1) : token);

function readQuery({ phrases, prefix }: Phrases): Query {
  const all = phrases.map((words) =>
    words
      .flatMap((w) => w.split(/[^\p{L}\p{N}\p{Co}]+/u))
      .filter(Boolean)
      .map((w) => stem(fold(w))),
  );
  // A word of underscores only is no token at all: FTS5 finds nothing for it, and nor do we.
  const tokens = all.filter((t) => t.length > 0);
  const spellings = tokens.map(([first]) => {
    const start = stemStart(first!);
    return [...new Set([start, start[0]!.toUpperCase() + start.slice(1), start.toUpperCase()])];
  });
  const firstChars = tokens.map(([first]) => first!.charCodeAt(0));
  return {
    tokens,
    prefixPhrase: prefix && all[all.length - 1]!.length > 0 ? tokens.length - 1 : -1,
    spellings,
    firstChars,
  };
}

interface Hit extends Span {
  phrase: number;
}

/** Letters compared by hand before a word is folded and stemmed: most words differ in these. */
const QUICK = 3;

/**
 * Whether text[start, end) stems to `token` as the tokenizer compares (or, as a prefix, its stem
 * begins with it): the first letters by hand, and only a word that begins as the token does is
 * folded and stemmed.
 */
function isToken(text: string, start: number, end: number, token: string, prefix: boolean): boolean {
  for (let i = 0; i < Math.min(QUICK, token.length); i++) {
    if (start + i >= end) return false;
    let c = text.charCodeAt(start + i);
    if (c >= 0x80) break;
    if (c >= 65 && c <= 90) c += 32;
    if (c !== token.charCodeAt(i)) return false;
  }
  const word = stem(fold(text.slice(start, end)));
  return prefix ? word.startsWith(token) : word === token;
}

/** The phrase `p` as whole tokens starting at `start`: where it ends, or -1. */
function phraseAt(text: string, start: number, query: Query, p: number): number {
  if (start > 0 && isTokenChar(text, start - 1)) return -1;
  const tokens = query.tokens[p]!;
  let at = start;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokenAfter(text, at);
    if (!token || (k === 0 && token.start !== start)) return -1;
    if (!isToken(text, token.start, token.end, tokens[k]!, p === query.prefixPhrase && k === tokens.length - 1))
      return -1;
    at = token.end;
  }
  return at;
}

/**
 * The first `count` places of phrase `p` in `haystack` (the text, or the text lower-cased: the
 * same offsets), where its first word is spelled as the first of `spellings` that has any.
 * Not always the first places of all (a "Keycloak" may come before a "keycloak"), but places:
 * one search through the text instead of one per spelling.
 */
function placesOf(text: string, haystack: string, spellings: string[], query: Query, p: number, count: number): Hit[] {
  for (const spelling of spellings) {
    const hits: Hit[] = [];
    for (
      let start = haystack.indexOf(spelling);
      start >= 0 && hits.length < count;
      start = haystack.indexOf(spelling, start + 1)
    ) {
      const end = phraseAt(text, start, query, p);
      if (end >= 0) hits.push({ start, end, phrase: p });
    }
    if (hits.length > 0) return hits;
  }
  return [];
}

/**
 * The places of every phrase, in order: first where its first word is written in lower case,
 * Capitalised or UPPER; failing that, in the text lower-cased ("IaaS"); failing that, token by
 * token (diacritics: "Café" for "cafe").
 */
function places(text: string, query: Query, count = query.tokens.length === 1 ? 1 : PLACES_PER_PHRASE): Hit[] {
  const find = (haystack: string, spellings: (p: number) => string[]) =>
    query.tokens
      .flatMap((_, p) => placesOf(text, haystack, spellings(p), query, p, count))
      .sort((a, b) => a.start - b.start);
  let hits = find(text, (p) => query.spellings[p]!);
  if (hits.length > 0) return hits;
  const lower = text.toLowerCase();
  if (lower.length === text.length) hits = find(lower, (p) => [stemStart(query.tokens[p]![0]!)]);
  return hits.length > 0 ? hits : placesByToken(text, query);
}

/** Every place of every phrase, token by token: for text where the usual spellings found none. */
function placesByToken(text: string, query: Query): Hit[] {
  const hits: Hit[] = [];
  for (let token = tokenAfter(text, 0); token; token = tokenAfter(text, token.end)) {
    for (let p = 0; p < query.tokens.length; p++) {
      const end = phraseAt(text, token.start, query, p);
      if (end >= 0) hits.push({ start: token.start, end, phrase: p });
    }
    if (hits.length >= PLACES_PER_PHRASE * query.tokens.length) break;
  }
  return hits;
}

/** Distinct phrases among the hits from `i` on that end within SNIPPET_CHARS of its start. */
function phrasesNear(hits: Hit[], i: number): number {
  const seen = new Set<number>();
  for (let j = i; j < hits.length && hits[j]!.end - hits[i]!.start <= SNIPPET_CHARS; j++) seen.add(hits[j]!.phrase);
  return seen.size;
}

/**
 * The place to start from: the one followed closely by the most different phrases, the first of equals (of those `keep`
 * keeps).
 */
function bestPlace(text: string, query: Query, keep: (hit: Hit) => boolean = () => true): Hit | null {
  const hits = places(text, query).filter(keep);
  let best: Hit | null = null;
  let bestScore = 0;
  for (let i = 0; i < hits.length; i++) {
    const score = phrasesNear(hits, i);
    if (score > bestScore) [best, bestScore] = [hits[i]!, score];
  }
  return best;
}

/** SNIPPET_TOKENS tokens from LEAD_TOKENS before the place, or from further back when the text ends sooner. */
function fragment(text: string, place: Hit): Span {
  let start = tokensBack(text, place.start, LEAD_TOKENS);
  let end = start;
  let tokens = 0;
  for (let next = tokenAfter(text, end); next && tokens < SNIPPET_TOKENS; next = tokenAfter(text, end)) {
    end = next.end;
    tokens++;
  }
  if (tokens < SNIPPET_TOKENS) start = tokensBack(text, start, SNIPPET_TOKENS - tokens);
  return { start, end: Math.max(end, place.end) };
}

/** The fragment with every phrase in it marked; a phrase running past its end extends it. */
function marked(text: string, { start, end }: Span, query: Query): string {
  let out = tokenStartBefore(text, start) >= 0 ? '…' : '';
  let at = start;
  for (let token = tokenAfter(text, start); token && token.start < end;) {
    let phraseEnd = -1;
    const c = text.charCodeAt(token.start) | 0x20; // ASCII lower case
    for (let p = 0; p < query.tokens.length && phraseEnd < 0; p++) {
      if (c < 0x80 && c !== query.firstChars[p]) continue; // cannot start phrase p
      phraseEnd = phraseAt(text, token.start, query, p);
    }
    if (phraseEnd >= 0) {
      out += `${text.slice(at, token.start)}«${text.slice(token.start, phraseEnd)}»`;
      at = phraseEnd;
      end = Math.max(end, phraseEnd);
    }
    token = tokenAfter(text, Math.max(token.end, at));
  }
  return `${out}${text.slice(at, end)}${tokenAfter(text, end) ? '…' : ''}`;
}

/** A snippet maker for one search: the query is read once and used for every hit; null where no phrase is found. */
export function snippets(phrases: Phrases): (text: string) => string | null {
  const query = readQuery(phrases);
  return (text) => {
    const place = bestPlace(text, query);
    return place && marked(text, fragment(text, place), query);
  };
}

/** Front matter and HTML comments: the parts of a file of minutes that a reader never sees. */
function hiddenParts(markdown: string): Span[] {
  const hidden: Span[] = [];
  if (/^---\r?\n/.test(markdown)) {
    const end = markdown.search(/\n(?:---|\.\.\.)\s*(?:\n|$)/);
    if (end > 0) hidden.push({ start: 0, end: end + 4 });
  }
  for (let at = markdown.indexOf('<!--'); at >= 0; at = markdown.indexOf('<!--', at)) {
    const close = markdown.indexOf('-->', at + 4);
    const end = close < 0 ? markdown.length : close + 3;
    hidden.push({ start: at, end });
    at = end;
  }
  return hidden;
}

/** Where a line of markdown starts with markup: heading, quote, list item, task box. */
const LINE_START = /^\s{0,3}(?:#{1,6}\s+|(?:>\s*)+|(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?)/;
/**
 * Markup within a line, each with the character without which it cannot be there, and what a
 * reader sees instead (links before emphasis). Each pattern stops at the next bracket, so that
 * no text makes it slow (test/hardening/redos.test.ts).
 */
const INLINE: [string, RegExp, string][] = [
  ['<', /<\/?[A-Za-z][^<>]*>/g, ' '],
  ['[', /!?\[([^[\]]*)\]\([^()]*\)|\[([^[\]]*)\]\[[^[\]]*\]/g, '$1$2'],
  ['*', /\*\*|(^|[\s(])\*+(?=\S)|(?<=\S)\*+(?=[\s).,;:!?]|$)/g, '$1'],
  ['_', /__|(^|[\s(])_+(?=\S)|(?<=\S)_+(?=[\s).,;:!?]|$)/g, '$1'],
  ['~', /~~/g, ''],
  ['`', /`+/g, ''],
];
const RULE = /^\s*(?:[-*_]\s*){3,}$/;

/** A table's header rule: nothing but pipes, colons, dashes and spaces. */
const isTableRule = (line: string) => line.includes('|') && line.includes('--') && /^[\s|:-]*$/.test(line);

/** A line without its HTML comments (and the ends of ones begun or ended on other lines). */
function withoutComments(line: string): string {
  let out = '';
  let at = 0;
  const firstClose = line.indexOf('-->');
  if (firstClose >= 0 && (line.indexOf('<!--') < 0 || firstClose < line.indexOf('<!--'))) at = firstClose + 3;
  for (let open = line.indexOf('<!--', at); open >= 0; open = line.indexOf('<!--', at)) {
    out += `${line.slice(at, open)} `;
    const close = line.indexOf('-->', open + 4);
    at = close < 0 ? line.length : close + 3;
  }
  return out + line.slice(at);
}

/** A heading's closing hashes ("## Title ##") removed. */
function withoutClosingHashes(text: string): string {
  const trimmed = text.trimEnd();
  let end = trimmed.length;
  while (end > 0 && trimmed[end - 1] === '#') end--;
  return end < trimmed.length && end > 0 && /\s/.test(trimmed[end - 1]!) ? trimmed.slice(0, end) : text;
}

/** One line of markdown as a reader sees it. */
function readableLine(line: string): string {
  if (RULE.test(line) || isTableRule(line)) return '';
  let text = line.includes('--') ? withoutComments(line) : line;
  text = text.replace(LINE_START, '');
  if (text.includes('#')) text = withoutClosingHashes(text);
  for (const [char, pattern, by] of INLINE) if (text.includes(char)) text = text.replace(pattern, by);
  if (text.includes('|'))
    text = text
      .split('|')
      .map((cell) => cell.trim())
      .filter(Boolean)
      .join(' · ');
  return text.replace(/\s+/g, ' ').trim();
}

/** A line that starts a block of its own (a heading, an item, a quote, a row). */
const BLOCK_START = /^\s{0,3}(?:#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|>|\|)/;
/** Text in which no markup can be. */
const PLAIN = /^[^<>#*_[\]`~|\n]*$/;

/**
 * Markdown as a reader sees it: no heading or list markers, emphasis, link targets, HTML tags or
 * comments, table pipes (cells apart by " · "); lines of one paragraph joined by a space, blocks by " · ".
 */
export function readable(markdown: string): string {
  if (PLAIN.test(markdown) && !LINE_START.test(markdown)) return markdown.trim();
  let out = '';
  for (const line of markdown.split('\n')) {
    const text = readableLine(line);
    if (text === '') continue;
    out += out === '' ? text : `${BLOCK_START.test(line) ? ' · ' : ' '}${text}`;
  }
  return out;
}

/** Characters of a meeting's markdown read around the best place: its line, and the next when it is short. */
const EXCERPT_REACH = 300;

/** The lines around `place`, as a reader sees them. */
function excerpt(markdown: string, place: Span): string {
  let from = markdown.lastIndexOf('\n', place.start - 1) + 1;
  if (place.start - from < 40 && from > 0) from = markdown.lastIndexOf('\n', from - 2) + 1;
  let to = markdown.indexOf('\n', place.end);
  if (to < 0) to = markdown.length;
  else if (to - place.end < 80)
    to = markdown.indexOf('\n', to + 1) < 0 ? markdown.length : markdown.indexOf('\n', to + 1);
  return readable(markdown.slice(Math.max(from, place.start - EXCERPT_REACH), Math.min(to, place.end + EXCERPT_REACH)));
}

/**
 * A snippet maker for the minutes of meetings: the best place outside front matter and HTML
 * comments, read as plain text, then cut and marked as `snippets` does. Where the words are found
 * only in what a reader never sees (a link's address), the plain text there, unmarked; null where
 * they are not found at all.
 */
export function meetingSnippets(phrases: Phrases): (markdown: string) => string | null {
  const query = readQuery(phrases);
  const ofText = snippets(phrases);
  return (markdown) => {
    const hidden = hiddenParts(markdown);
    const seen = (h: Hit) => !hidden.some((r) => h.start >= r.start && h.start < r.end);
    const best = bestPlace(markdown, query, seen);
    const marked = best && ofText(excerpt(markdown, best));
    if (marked) return marked;
    let first: string | null = null;
    // Places of every usual spelling (a word may be only in a link's address in lower case): a few are tried, the first
    // shown unmarked.
    const candidates = query.tokens.flatMap((_, p) =>
      query.spellings[p]!.flatMap((spelling) => placesOf(markdown, markdown, [spelling], query, p, PLACES_PER_PHRASE)),
    );
    const found =
      candidates.length > 0 ? candidates.sort((a, b) => a.start - b.start) : places(markdown, query, PLACES_PER_PHRASE);
    for (const place of byScore(found.filter(seen)).slice(0, PLACES_TRIED)) {
      const text = excerpt(markdown, place);
      const marked = ofText(text);
      if (marked) return marked;
      first ??= text.length > 0 ? firstWords(text) : null;
    }
    return first;
  };
}

/** Places of a meeting tried for a marked snippet before its plain text is shown. */
const PLACES_TRIED = 8;

/** Places, those followed closely by the most different phrases first, then in order. */
function byScore(hits: Hit[]): Hit[] {
  return hits
    .map((hit, i) => ({ hit, score: phrasesNear(hits, i) }))
    .sort((a, b) => b.score - a.score || a.hit.start - b.hit.start)
    .map((x) => x.hit);
}

/** SNIPPET_TOKENS tokens from the start of a text, with … when it goes on. */
function firstWords(text: string): string {
  const end = fragment(text, { start: 0, end: 0, phrase: 0 }).end;
  return `${text.slice(0, end)}${tokenAfter(text, end) ? '…' : ''}`;
}
