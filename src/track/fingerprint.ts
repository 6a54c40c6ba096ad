import { HANDLE } from '../parse/vocabulary.js';

/**
 * Words that carry no meaning for telling two tasks apart: function words, markers, states, and words that only relate
 * (re, wrt, regarding).
 */
const STOPWORDS = new Set(
  (
    'a an the to of and or for in on at by with from into onto about as is are be been was were it its this that these those ' +
    'we our us you your they their he she his her them i me my will would should shall can could may might must do does did ' +
    'ai ais todo action item items done open still obsolete dropped closed wip pending re wrt regarding concerning ' +
    'also please some any all not no yes new next last time meeting week'
  ).split(' '),
);

/**
 * The words that identify a task, for comparing mentions across meetings: lower case,
 * markers, handles, stopwords and punctuation removed; links reduced to their last
 * path segments and issue numbers kept (`#576`, `pull/576`), as they name the same thing
 * however the sentence around them changes.
 */
export function fingerprint(text: string): string[] {
  const tokens: string[] = [];
  let rest = text.replace(new RegExp(HANDLE.source, 'g'), ' ');
  rest = rest.replace(/https?:\/\/\S+/g, (url) => {
    const parts = url
      .replace(/(?<![)\]._,;*>])[)\]._,;*>]+$/, '')
      .split('/')
      .filter(Boolean);
    tokens.push(parts.slice(-2).join('/').toLowerCase());
    return ' ';
  });
  rest = rest.replace(/#\d+/g, (issue) => {
    tokens.push(issue);
    return ' ';
  });
  for (const word of rest.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    // A crude stem, so that create / creates / created / creating compare equal.
    tokens.push(word.length > 4 ? word.replace(/(?:ing|ed|es|e|s)$/, '') : word);
  }
  return [...new Set(tokens)];
}

/** Dice similarity of two fingerprints: 1 for the same words, 0 for none in common. */
export function similarity(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  const common = b.filter((t) => set.has(t)).length;
  return (2 * common) / (a.length + b.length);
}
