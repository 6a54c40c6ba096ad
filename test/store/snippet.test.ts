import { describe, expect, it } from 'vitest';
import { ftsPhrases } from '../../src/store/fts-query.js';
import { snippets } from '../../src/store/snippet.js';

const snippet = (query: string, text: string) => snippets(ftsPhrases(query)!)(text);
const long = (words: number, from = 0) => Array.from({ length: words }, (_, i) => `w${from + i}`).join(' ');

describe('snippets made without FTS5', () => {
  it('mark whole words in any case and form, with diacritics folded and words stemmed as the index does', () => {
    expect(snippet('"keycloak"', 'Deploy Keycloak and KEYCLOAK, keycloaks, not keycloakish')).toBe(
      'Deploy «Keycloak» and «KEYCLOAK», «keycloaks», not keycloakish',
    );
    expect(snippet('deciding', 'We decided; a decision')).toBe('We «decided»; a decision');
    expect(snippet('cafe', 'Dinner at the Café')).toBe('Dinner at the «Café»');
    expect(snippet('café', 'Dinner at the cafe')).toBe('Dinner at the «cafe»');
    expect(snippet('iaas', 'The IaaS call')).toBe('The «IaaS» call');
  });

  it('match the last word as a prefix, and a phrase only as its words in a row', () => {
    expect(snippet('stor', 'history of storage')).toBe('history of «storage»');
    expect(snippet('"release notes"', 'notes on the release; release  notes, release-notes')).toBe(
      'notes on the release; «release  notes», «release-notes»',
    );
  });

  it('cut about 16 tokens around the best place, with … where text was left out', () => {
    const text = `${long(40)} keycloak ${long(40, 40)}`;
    expect(snippet('keycloak', text)).toBe('…w36 w37 w38 w39 «keycloak» w40 w41 w42 w43 w44 w45 w46 w47 w48 w49 w50…');
    // Near the end, the fragment reaches further back.
    expect(snippet('keycloak', `${long(40)} keycloak w40`)).toBe(
      '…w26 w27 w28 w29 w30 w31 w32 w33 w34 w35 w36 w37 w38 w39 «keycloak» w40',
    );
  });

  it('prefer the place with the most different words of the query', () => {
    const text = `storage alone here. ${long(30)} keycloak and storage together ${long(30, 30)}`;
    expect(snippet('keycloak storage', text)).toMatch(/«keycloak» and «storage» together/);
  });

  it('give null where the words are not found, for the caller to ask FTS5', () => {
    expect(snippet('keycloak', 'nothing to see')).toBeNull();
    expect(snippet('_', 'a_b')).toBeNull();
  });
});
