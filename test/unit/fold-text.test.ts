import { foldText, queryTerms } from '../../src/search/fold-text';
import { countWords, readingMinutes, WORDS_PER_MINUTE } from '../../src/editorial/reading-time';

describe('French text folding for search', () => {
  it('folds accents, cedillas, ligatures, apostrophes and guillemets', () => {
    expect(foldText('Économie : l’État « soupçonné »… Œuvre')).toBe('economie l etat soupconne oeuvre');
    expect(queryTerms('  SOUPÇONNÉ soupconne  l’Économie  ')).toEqual(['soupconne', 'economie']);
  });
});

describe('reading time', () => {
  it('counts French words with elisions and hyphens as one', () => {
    expect(countWords('L’économie du Maroc, aujourd’hui : « porte-parole » 2026.')).toBe(6);
  });

  it('rounds to minutes at the stated speed, at least one', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(WORDS_PER_MINUTE * 3)).toBe(3);
    expect(readingMinutes(WORDS_PER_MINUTE * 3 + 100)).toBe(3);
  });
});
