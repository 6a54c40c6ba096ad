/**
 * The Porter stemmer (M. F. Porter, 1980, with the "bli" and "logi" rules of his later version),
 * as SQLite's FTS5 `porter` tokenizer applies it: to lower-case ASCII words of 3 to 64 letters;
 * other tokens stay as they are. Search uses it to mark matched words in snippets and to compare
 * a misspelt word with the index's vocabulary, which holds stems ("keycloaks" -> "keycloak").
 */

const isVowelAt = (w: string, i: number): boolean => {
  const c = w[i]!;
  if ('aeiou'.includes(c)) return true;
  return c === 'y' && i > 0 && !isVowelAt(w, i - 1);
};

/** m: the number of vowel-consonant sequences in the word's first `end` letters. */
function measure(w: string, end: number): number {
  let m = 0;
  let i = 0;
  while (i < end && !isVowelAt(w, i)) i++;
  while (i < end) {
    while (i < end && isVowelAt(w, i)) i++;
    if (i >= end) break;
    m++;
    while (i < end && !isVowelAt(w, i)) i++;
  }
  return m;
}

const hasVowel = (w: string, end: number) => {
  for (let i = 0; i < end; i++) if (isVowelAt(w, i)) return true;
  return false;
};

const doubleConsonant = (w: string, end: number) => end >= 2 && w[end - 1] === w[end - 2] && !isVowelAt(w, end - 1);

/** Consonant-vowel-consonant at `end`, the last not w, x or y. */
const cvc = (w: string, end: number) =>
  end >= 3 && !isVowelAt(w, end - 3) && isVowelAt(w, end - 2) && !isVowelAt(w, end - 1) && !'wxy'.includes(w[end - 1]!);

/** Replace `suffix` with `by` when the stem before it has a measure above `min`. */
function replace(w: string, rules: readonly (readonly [string, string])[], min: number): string | null {
  for (const [suffix, by] of rules) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.length - suffix.length;
    return measure(w, stem) > min ? w.slice(0, stem) + by : w;
  }
  return null;
}

const STEP2 = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
] as const;
const STEP3 = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
] as const;
const STEP4 = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ion',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
];

function step1(word: string): string {
  let w = word;
  if (w.endsWith('sses') || w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.endsWith('eed')) {
    if (measure(w, w.length - 3) > 0) w = w.slice(0, -1);
  } else {
    const suffix = w.endsWith('ed') ? 2 : w.endsWith('ing') ? 3 : 0;
    if (suffix > 0 && hasVowel(w, w.length - suffix)) {
      w = w.slice(0, -suffix);
      if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
      else if (doubleConsonant(w, w.length) && !'lsz'.includes(w[w.length - 1]!)) w = w.slice(0, -1);
      else if (measure(w, w.length) === 1 && cvc(w, w.length)) w += 'e';
    }
  }
  if (w.endsWith('y') && hasVowel(w, w.length - 1)) w = `${w.slice(0, -1)}i`;
  return w;
}

function step4(w: string): string {
  for (const suffix of STEP4) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.length - suffix.length;
    if (suffix === 'ion' && !'st'.includes(w[stem - 1] ?? '')) return w;
    return measure(w, stem) > 1 ? w.slice(0, stem) : w;
  }
  return w;
}

function step5(word: string): string {
  let w = word;
  if (w.endsWith('e')) {
    const m = measure(w, w.length - 1);
    if (m > 1 || (m === 1 && !cvc(w, w.length - 1))) w = w.slice(0, -1);
  }
  if (w.endsWith('ll') && measure(w, w.length) > 1) w = w.slice(0, -1);
  return w;
}

/** The stem of a lower-case word, as FTS5's porter tokenizer indexes it. */
export function stem(word: string): string {
  if (word.length < 3 || word.length > 64 || !/^[\x00-\x7f]+$/.test(word)) return word;
  let w = step1(word);
  w = replace(w, STEP2, 0) ?? w;
  w = replace(w, STEP3, 0) ?? w;
  return step5(step4(w));
}
