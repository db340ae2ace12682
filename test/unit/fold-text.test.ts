import { foldText } from '../../src/search/fold-text';
import { parseSearchQuery } from '../../src/search/search-query';
import { countWords, readingMinutes, WORDS_PER_MINUTE } from '../../src/editorial/reading-time';

describe('French text folding for search', () => {
  it('folds accents, cedillas, ligatures, apostrophes and guillemets', () => {
    expect(foldText('Économie : l’État « soupçonné »… Œuvre')).toBe('economie l etat soupconne oeuvre');
    expect(parseSearchQuery('  SOUPÇONNÉ soupconne  l’Économie  ')).toEqual({ words: ['soupconne'], prefix: 'economie', common: [] });
  });
});

describe('what a search query asks the index for', () => {
  it('drops stop words beside other words, and keeps a query made only of them', () => {
    expect(parseSearchQuery('la crise de l’euro')).toEqual({ words: ['crise'], prefix: 'euro', common: [] });
    expect(parseSearchQuery('De la')).toEqual({ words: [], prefix: null, common: ['de', 'la'] });
  });

  it('expands only the last word, from three letters, and not when it is a stop word', () => {
    expect(parseSearchQuery('gouv')).toEqual({ words: [], prefix: 'gouv', common: [] });
    expect(parseSearchQuery('ministre ec')).toEqual({ words: ['ministre', 'ec'], prefix: null, common: [] });
    expect(parseSearchQuery('ministre pour')).toEqual({ words: ['ministre'], prefix: null, common: [] });
  });

  it('leaves only letters and digits of operators and SQL', () => {
    expect(parseSearchQuery(`"a*" NEAR(x) -b ^c title:d {e} '; DROP TABLE article; --`)).toEqual({
      words: ['near', 'title', 'drop', 'table'],
      prefix: 'article',
      common: [],
    });
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
