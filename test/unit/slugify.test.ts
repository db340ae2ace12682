import { MAX_SLUG_LENGTH, slugify } from '../../src/editorial/slugify';

describe('slugify', () => {
  it('folds accents, apostrophes and French quotes', () => {
    expect(slugify('L’Économie « verte » du Maroc')).toBe('l-economie-verte-du-maroc');
    expect(slugify("L'été à Fès, où l'on se croise")).toBe('l-ete-a-fes-ou-l-on-se-croise');
    expect(slugify('Crédit, réforme et élections : la Chambre soupçonne')).toBe(
      'credit-reforme-et-elections-la-chambre-soupconne',
    );
    expect(slugify('Île, Noël, façade, naïf, hôtel, où, dû, ÇA')).toBe('ile-noel-facade-naif-hotel-ou-du-ca');
  });

  it('expands ligatures and special letters', () => {
    expect(slugify('Cœur d’Œuvre')).toBe('coeur-d-oeuvre');
    expect(slugify('Æther et ex æquo')).toBe('aether-et-ex-aequo');
    expect(slugify('Straße')).toBe('strasse');
    expect(slugify('Øresund, Łódź')).toBe('oresund-lodz');
  });

  it('handles decomposed accents (NFD input)', () => {
    expect(slugify('E\u0301le\u0301ments')).toBe('elements');
  });

  it('collapses runs of spaces, dashes and punctuation into one dash and trims them', () => {
    expect(slugify('  Un   titre -- avec   des  espaces  ')).toBe('un-titre-avec-des-espaces');
    expect(slugify('---Déjà---vu---')).toBe('deja-vu');
    expect(slugify('Prix\u00A0: 12\u00A0% ! Et après ?')).toBe('prix-12-et-apres');
    expect(slugify('Mondial 2030 / Coupe d’Afrique — J-100')).toBe('mondial-2030-coupe-d-afrique-j-100');
  });

  it('keeps digits and lowercases', () => {
    expect(slugify('COP29 à Bakou : 300 Milliards')).toBe('cop29-a-bakou-300-milliards');
  });

  it('treats characters without an ASCII form as separators', () => {
    expect(slugify('Maroc المغرب 2030')).toBe('maroc-2030');
    expect(slugify('Victoire 🎉 historique')).toBe('victoire-historique');
  });

  it('returns an empty string when nothing is left', () => {
    expect(slugify('« »')).toBe('');
    expect(slugify('')).toBe('');
    expect(slugify(' ’ - ! ')).toBe('');
    expect(slugify('🎉')).toBe('');
  });

  it('caps long input at 80 characters without a trailing dash', () => {
    const long = 'Le gouvernement présente son plan pour l’eau à Casablanca et dans toutes les régions du Royaume en 2030';
    const slug = slugify(long);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.startsWith('le-gouvernement-presente-son-plan-pour-l-eau-a-casablanca')).toBe(true);

    // the cut falls right after a word: no dangling dash
    const exact = `${'a'.repeat(79)} bcd`;
    expect(slugify(exact)).toBe('a'.repeat(79));
    expect(slugify('x'.repeat(200))).toBe('x'.repeat(80));
  });

  it('cuts long titles on a word boundary, never inside a word or a number', () => {
    const title = 'Transition énergétique : le Maroc et l’Union européenne signent une feuille de route pour 2030';
    expect(slugify(title)).toBe('transition-energetique-le-maroc-et-l-union-europeenne-signent-une-feuille-de');
    expect(slugify(`${'b'.repeat(75)} cdefgh`)).toBe('b'.repeat(75));
    expect(slugify(`${'b'.repeat(74)} cdefg hij`)).toBe(`${'b'.repeat(74)}-cdefg`);
  });

  it('produces only [a-z0-9-] with single inner dashes', () => {
    const samples = ['« Économie » : l’an 2025 !', 'Ça va, ça vient…', 'Ω test ∑ 42', 'A\tB\nC'];
    for (const sample of samples) {
      expect(slugify(sample)).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
    }
  });
});
