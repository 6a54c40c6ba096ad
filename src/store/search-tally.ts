/**
 * Counting in JavaScript what search used to count with one GROUP BY query per facet: each
 * query went through all the matches again, so facets cost five times the search itself.
 * Now one pass over the matches feeds a FacetTally and a Best (src/store/search.ts).
 */

export interface FacetCount {
  value: string;
  count: number;
}

/** Counts over everything the query matches, to narrow it further. */
export interface Facets {
  type: FacetCount[];
  series: FacetCount[];
  year: FacetCount[];
  owner: FacetCount[];
  status: FacetCount[];
}

/** The owner facet value of items without an owner, as `owner:none` finds them. */
const NO_OWNER = 'none';

/** The most values a facet lists, most frequent first. */
const FACET_VALUES = 30;

function add(counts: Map<string, number>, value: string | null, n: number): void {
  if (value !== null) counts.set(value, (counts.get(value) ?? 0) + n);
}

/** Most frequent first, then by value; at most FACET_VALUES. */
function ranked(counts: Map<string, number>): FacetCount[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, FACET_VALUES);
}

/**
 * A set of facet values as stored (schema/004): JSON [kind, series, year, status, owners], and for
 * the latest mention of a tracked item, the item's owners, each under the one id it is counted
 * by (src/store/tracked-items.ts). Owner and status count items, not mentions: only that mention
 * counts for them, so that `is:open` and `owner:` facets agree with the items list and owners.
 */
export type FacetValues = [string, string | null, string | null, string | null, string[] | null, (string[] | null)?];

/**
 * Facet counts, fed the facet set (its number, schema/004) of one search document, or of a
 * group of documents, at a time: counted as they come, the sets read once each at the end.
 */
export class FacetTally {
  private readonly bySet = new Map<number, number>();
  total = 0;

  add(facetSet: number, n = 1): void {
    this.total += n;
    this.bySet.set(facetSet, (this.bySet.get(facetSet) ?? 0) + n);
  }

  /** The facet sets counted, to be read. */
  sets(): number[] {
    return [...this.bySet.keys()];
  }

  /** The counts, given the values of each set counted. */
  facets(values: Map<number, FacetValues>): Facets {
    const counts = {
      type: new Map<string, number>(),
      series: new Map<string, number>(),
      year: new Map<string, number>(),
      owner: new Map<string, number>(),
      status: new Map<string, number>(),
    };
    for (const [set, n] of this.bySet) {
      const [kind, series, year, status, owners, itemOwners] = values.get(set)!;
      add(counts.type, kind, n);
      add(counts.series, series, n);
      add(counts.year, year, n);
      // An action item's status and owners once per item, on its latest mention (null on the others);
      // a mention not linked yet (no sixth value) counts as it is.
      if (kind === 'action' && itemOwners === null) continue;
      add(counts.status, status, n);
      const counted =
        kind === 'action' && itemOwners ? (itemOwners.length > 0 ? itemOwners : [NO_OWNER]) : (owners ?? []);
      for (const owner of counted) add(counts.owner, owner, n);
    }
    return {
      type: ranked(counts.type),
      series: ranked(counts.series),
      year: ranked(counts.year),
      owner: ranked(counts.owner),
      status: ranked(counts.status),
    };
  }
}

/** Beyond this many kept, inserting in order costs more than sorting everything once. */
const SORTED_INSERT_MAX = 256;

/**
 * The `size` best-scored ids (lowest score first, then lowest id), as ORDER BY score, id LIMIT
 * would give them. For a first page, a sorted array that most candidates do not enter; for a
 * page far down, every candidate is kept and sorted once at the end.
 */
export class Best {
  private scores: number[] = [];
  private ids: number[] = [];
  private readonly sortAtEnd: boolean;
  constructor(private readonly size: number) {
    this.sortAtEnd = size > SORTED_INSERT_MAX;
  }

  offer(id: number, score: number): void {
    const n = this.ids.length;
    if (this.sortAtEnd) {
      this.scores.push(score);
      this.ids.push(id);
      return;
    }
    if (n === this.size && !before(score, id, this.scores[n - 1]!, this.ids[n - 1]!)) return;
    let i = n;
    while (i > 0 && before(score, id, this.scores[i - 1]!, this.ids[i - 1]!)) i--;
    this.scores.splice(i, 0, score);
    this.ids.splice(i, 0, id);
    if (n === this.size) {
      this.scores.pop();
      this.ids.pop();
    }
  }

  /** The kept ids in order, from `offset` on. */
  page(offset: number): number[] {
    if (this.sortAtEnd) {
      const order = this.ids
        .map((_, i) => i)
        .sort((a, b) => this.scores[a]! - this.scores[b]! || this.ids[a]! - this.ids[b]!);
      return order.slice(offset, this.size).map((i) => this.ids[i]!);
    }
    return this.ids.slice(offset);
  }
}

const before = (score: number, id: number, otherScore: number, otherId: number) =>
  score < otherScore || (score === otherScore && id < otherId);
