import type { BodyBlock } from '../../src/editorial/body-blocks';
import { slugify } from '../../src/editorial/slugify';
import {
  makeAuthorBio,
  makeBody,
  makeKicker,
  makePersonName,
  makeStandfirst,
  makeTitle,
  TAG_NAMES,
  topicForRubricSlug,
  TOPICS,
  type Topic,
} from '../../src/seed/french-text';
import { Random } from '../../src/seed/random';

/** Words as readers count them (same rule as the reading-time counter). */
function words(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

/** Sentences: split after . ? ! when the next sentence starts with a capital or a quote. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.?!…])\s+(?=[\p{Lu}«])/u);
}

function article(rng: Random, topic: Topic) {
  return {
    kicker: makeKicker(rng, topic),
    title: makeTitle(rng, topic),
    standfirst: makeStandfirst(rng, topic),
    body: makeBody(rng, topic, { paragraphs: 5, imageIds: [7, 8] }),
  };
}

function allText(blocks: BodyBlock[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph' || block.type === 'heading') out.push(block.text);
    else if (block.type === 'quote') out.push(block.text, block.attribution ?? '');
    else if (block.type === 'list') out.push(...block.items);
    else if (block.type === 'image') out.push(block.caption ?? '');
  }
  return out;
}

describe('Random', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = new Random(123);
    const b = new Random(123);
    const c = new Random(124);
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    const seqC = Array.from({ length: 20 }, () => c.next());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
  });

  it('accepts any finite seed and rejects non-finite ones', () => {
    for (const seed of [0, -0, -1, 1.5, 2 ** 40, Number.MAX_SAFE_INTEGER]) {
      const x = new Random(seed).next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(new Random(0).next()).toBe(new Random(-0).next());
    expect(new Random(1.5).next()).not.toBe(new Random(1).next());
    expect(() => new Random(Number.NaN)).toThrow(RangeError);
    expect(() => new Random(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('next() stays in [0, 1) and looks uniform', () => {
    const rng = new Random(7);
    const buckets = new Array<number>(10).fill(0);
    let outOfRange = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.next();
      if (!(x >= 0 && x < 1)) outOfRange++;
      else buckets[Math.floor(x * 10)]++;
    }
    expect(outOfRange).toBe(0);
    for (const count of buckets) {
      expect(count).toBeGreaterThan(9_400);
      expect(count).toBeLessThan(10_600);
    }
  });

  it('int() is inclusive on both ends', () => {
    const rng = new Random(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) seen.add(rng.int(3, 7));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]); // integers, both ends reached, nothing else
    expect(rng.int(4, 4)).toBe(4);
    expect(() => rng.int(5, 4)).toThrow(RangeError);
  });

  it('pick() and pickSome() return elements of the array, pickSome() without repeats', () => {
    const rng = new Random(99);
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const;
    for (let i = 0; i < 200; i++) expect(items).toContain(rng.pick(items));
    expect(() => rng.pick([])).toThrow(RangeError);

    for (const count of [0, 1, 3, 5, 8, 10]) {
      const some = rng.pickSome(items, count);
      expect(some).toHaveLength(count);
      expect(new Set(some).size).toBe(count);
      for (const item of some) expect(items).toContain(item);
    }
    expect(rng.pickSome(items, 25)).toHaveLength(items.length);
    expect(new Set(rng.pickSome(items, 25)).size).toBe(items.length);
    expect(rng.pickSome([], 3)).toEqual([]);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']); // not mutated
  });

  it('chance() respects its bounds and probability', () => {
    const rng = new Random(5);
    let hits = 0;
    let wrong = 0;
    for (let i = 0; i < 10_000; i++) {
      if (rng.chance(0) || !rng.chance(1)) wrong++;
      if (rng.chance(0.3)) hits++;
    }
    expect(wrong).toBe(0);
    expect(hits).toBeGreaterThan(2_700);
    expect(hits).toBeLessThan(3_300);
  });

  it('fork() derives independent, reproducible streams from seed and salt', () => {
    const parent = new Random(2024);
    const f1 = parent.fork(1);
    parent.next();
    parent.next();
    const f1again = parent.fork(1); // does not depend on the parent's position
    const f2 = parent.fork(2);
    const seq = (r: Random) => Array.from({ length: 10 }, () => r.next());
    const s1 = seq(f1);
    expect(seq(f1again)).toEqual(s1);
    expect(seq(f2)).not.toEqual(s1);
    expect(seq(new Random(2025).fork(1))).not.toEqual(s1);

    // forking does not consume from the parent
    const p1 = new Random(5);
    const p2 = new Random(5);
    p1.fork(3);
    expect(p1.next()).toBe(p2.next());

    // a fork is not the parent stream itself
    expect(seq(new Random(9).fork(0))).not.toEqual(seq(new Random(9)));

    // many salts give many distinct streams
    const firsts = new Set<number>();
    const root = new Random(1);
    for (let salt = 0; salt < 10_000; salt++) firsts.add(root.fork(salt).nextUint32());
    expect(firsts.size).toBeGreaterThan(9_980);
  });
});

describe('french-text', () => {
  it('is deterministic: same seed, same article; different seed, different article', () => {
    for (const topic of TOPICS) {
      const a = article(new Random(42), topic);
      const b = article(new Random(42), topic);
      const c = article(new Random(43), topic);
      expect(b).toEqual(a);
      expect(c).not.toEqual(a);
    }
    expect(makePersonName(new Random(3))).toEqual(makePersonName(new Random(3)));
    expect(makeAuthorBio(new Random(3), 'Claire Moreau')).toBe(makeAuthorBio(new Random(3), 'Claire Moreau'));
  });

  it('makes at least 900 distinct titles out of 1000 for every topic, with 6 to 14 words', () => {
    for (const topic of TOPICS) {
      const rng = new Random(1_000 + TOPICS.indexOf(topic));
      const titles = new Set<string>();
      for (let i = 0; i < 1_000; i++) {
        const title = makeTitle(rng, topic);
        const count = words(title);
        if (count < 6 || count > 14) throw new Error(`${topic}: ${count} words in "${title}"`);
        if (title.endsWith('.') || title.charAt(0) !== title.charAt(0).toUpperCase()) {
          throw new Error(`${topic}: badly formed title "${title}"`);
        }
        titles.add(title);
      }
      expect(titles.size).toBeGreaterThanOrEqual(900);
    }
  });

  it('titles sometimes carry « guillemets », apostrophes and the expected vocabulary', () => {
    const rng = new Random(8);
    const titles: string[] = [];
    for (let i = 0; i < 3_000; i++) titles.push(makeTitle(rng, TOPICS[i % TOPICS.length]));
    const joined = titles.join('\n');
    expect(titles.some((t) => t.includes('«\u00A0') && t.includes('\u00A0»'))).toBe(true);
    expect(titles.some((t) => t.includes('’'))).toBe(true);
    for (const word of ['Économie', 'soupçonne', 'crédit', 'réforme', 'élections']) expect(joined).toContain(word);
  });

  it('kickers have 1 to 3 words', () => {
    const rng = new Random(11);
    for (const topic of TOPICS) {
      const kickers = new Set<string>();
      for (let i = 0; i < 200; i++) kickers.add(makeKicker(rng, topic));
      for (const kicker of kickers) {
        expect(words(kicker)).toBeGreaterThanOrEqual(1);
        expect(words(kicker)).toBeLessThanOrEqual(3);
      }
    }
    expect(makeKicker(new Random(1), 'opinions')).toMatch(/^(Tribune|Éditorial|Point de vue|Débat|Idées|Contrepoint|Opinion)$/);
  });

  it('standfirsts are one or two sentences of 25 to 45 words', () => {
    const rng = new Random(12);
    for (const topic of TOPICS) {
      for (let i = 0; i < 300; i++) {
        const standfirst = makeStandfirst(rng, topic);
        const count = words(standfirst);
        if (count < 25 || count > 45) throw new Error(`${topic}: ${count} words in "${standfirst}"`);
        expect(sentences(standfirst).length).toBeLessThanOrEqual(2);
        expect(standfirst).toMatch(/[.?]$/);
      }
    }
  });

  it('benchmark bodies (paragraphs: 1) are one paragraph of 60 to 100 words', () => {
    const rng = new Random(13);
    for (const topic of TOPICS) {
      for (let i = 0; i < 100; i++) {
        const body = makeBody(rng, topic, { paragraphs: 1 });
        expect(body).toHaveLength(1);
        const [block] = body;
        if (block.type !== 'paragraph') throw new Error('expected a paragraph');
        expect(words(block.text)).toBeGreaterThanOrEqual(60);
        expect(words(block.text)).toBeLessThanOrEqual(100);
        expect(sentences(block.text).length).toBeGreaterThanOrEqual(3);
      }
    }
    const withImage = makeBody(new Random(1), 'culture', { paragraphs: 1, imageIds: [5] });
    expect(withImage.map((b) => b.type)).toEqual(['paragraph', 'image']);
    expect(makeBody(new Random(1), 'culture', { paragraphs: 0 })).toEqual([]);
  });

  it('full bodies have the expected structure', () => {
    const rng = new Random(14);
    for (const topic of TOPICS) {
      for (let paragraphs = 2; paragraphs <= 12; paragraphs++) {
        const imageIds = paragraphs % 2 === 0 ? [101, 102, 103] : [];
        const body = makeBody(rng, topic, { paragraphs, imageIds });

        const paras = body.filter((b) => b.type === 'paragraph');
        expect(paras).toHaveLength(paragraphs);
        expect(body[0].type).toBe('paragraph');

        const quotes = body.filter((b) => b.type === 'quote');
        expect(quotes.length).toBeGreaterThanOrEqual(1);
        for (const quote of quotes) {
          if (quote.type !== 'quote') continue;
          expect(words(quote.text)).toBeGreaterThanOrEqual(8);
          // « Prénom Nom, rôle »
          expect(quote.attribution).toMatch(/^\p{Lu}[\p{L}-]+(?: [\p{L}-]+)+, \p{Ll}.+$/u);
        }

        const headings = body.filter((b) => b.type === 'heading');
        if (paragraphs >= 4) expect(headings.length).toBeGreaterThanOrEqual(1);
        for (const heading of headings) if (heading.type === 'heading') expect(heading.level).toBe(2);
        expect(new Set(headings.map((h) => (h.type === 'heading' ? h.text : ''))).size).toBe(headings.length);
        for (let i = 1; i < body.length; i++) {
          if (body[i].type === 'heading') expect(body[i - 1].type).not.toBe('heading');
        }
        expect(body[body.length - 1].type).not.toBe('heading');

        const images = body.filter((b) => b.type === 'image');
        if (imageIds.length > 0) {
          expect(images.length).toBeGreaterThanOrEqual(1);
          expect(body[1]).toMatchObject({ type: 'image', mediaId: 101 });
          for (const image of images) if (image.type === 'image') expect(image.caption).toMatch(/\.$/);
        } else {
          expect(images).toHaveLength(0);
        }

        for (const list of body) {
          if (list.type !== 'list') continue;
          expect(list.items.length).toBeGreaterThanOrEqual(3);
          expect(list.items.length).toBeLessThanOrEqual(5);
          expect(new Set(list.items).size).toBe(list.items.length);
        }

        for (const para of paras) {
          if (para.type !== 'paragraph') continue;
          const parts = sentences(para.text);
          expect(parts.length).toBeGreaterThanOrEqual(3);
          expect(parts.length).toBeLessThanOrEqual(6);
          for (const sentence of parts) {
            const count = words(sentence);
            if (count < 12 || count > 25) throw new Error(`${topic}: ${count} words in "${sentence}"`);
          }
        }
      }
    }
  });

  it('sometimes adds a list block', () => {
    const rng = new Random(15);
    let lists = 0;
    for (let i = 0; i < 100; i++) {
      if (makeBody(rng, TOPICS[i % TOPICS.length], { paragraphs: 6 }).some((b) => b.type === 'list')) lists++;
    }
    expect(lists).toBeGreaterThan(10);
    expect(lists).toBeLessThan(90);
  });

  it('writes French with accents and French typography', () => {
    const rng = new Random(16);
    const texts: string[] = [];
    for (const topic of TOPICS) {
      for (let i = 0; i < 20; i++) {
        const a = article(rng, topic);
        texts.push(a.kicker, a.title, a.standfirst, ...allText(a.body));
      }
    }
    const joined = texts.join('\n');
    for (const ch of ['é', 'è', 'à', 'ç', 'ô', 'ê', 'É', 'œ', '’', '«\u00A0', '\u00A0»']) expect(joined).toContain(ch);

    expect(joined).not.toContain("'"); // typographic apostrophes only
    expect(joined).not.toMatch(/« |«(?!\u00A0)/); // non-breaking space after «
    expect(joined).not.toMatch(/ »|[^\u00A0]»/); // non-breaking space before »
    expect(joined).not.toMatch(/ [:;?!%]/); // non-breaking space before : ; ? ! %
    expect(joined).not.toMatch(/ {2}|\{|\}|undefined/); // no double spaces or unfilled slots
    // elision (qu’un, d’une, l’eau) and contractions (du, au, des, aux)
    expect(joined).not.toMatch(/(?<!\p{L})(?:que|de|le|la|ce|je|ne|me|te) [aeiouyéèêàâîôœ]/iu);
    expect(joined).not.toMatch(/(?<!\p{L})(?:de|à) les? (?!appliquer|évaluer|faire)/iu);
  });

  it('makes mixed Moroccan and French names from at least 40 first and 40 last names', () => {
    const rng = new Random(17);
    const first = new Set<string>();
    const last = new Set<string>();
    for (let i = 0; i < 5_000; i++) {
      const { firstName, lastName } = makePersonName(rng);
      first.add(firstName);
      last.add(lastName);
    }
    for (const name of [...first, ...last]) expect(name).toMatch(/^\p{Lu}/u);
    expect(first.size).toBeGreaterThanOrEqual(40);
    expect(last.size).toBeGreaterThanOrEqual(40);
    for (const name of ['Yasmine', 'Karim', 'Claire', 'Omar', 'Ghita']) expect(first).toContain(name);
    for (const name of ['Benali', 'Tazi', 'Moreau', 'Alaoui', 'Bennani']) expect(last).toContain(name);
  });

  it('writes author bios that mention the author', () => {
    const rng = new Random(18);
    for (let i = 0; i < 200; i++) {
      const { firstName, lastName } = makePersonName(rng);
      const name = `${firstName} ${lastName}`;
      const bio = makeAuthorBio(rng, name);
      expect(bio).toContain(name);
      expect(bio).toMatch(/\.$/);
      expect(sentences(bio).length).toBeGreaterThanOrEqual(2);
      expect(sentences(bio).length).toBeLessThanOrEqual(3);
    }
    // an unknown first name gets no gendered agreement
    for (let i = 0; i < 50; i++) expect(makeAuthorBio(rng, 'Sam Doe')).not.toMatch(/Diplômée?|Passionnée?|\b(?:il|elle)\b/);
    expect(makeAuthorBio(new Random(1), 'Claire Moreau')).not.toMatch(/Diplômé |Passionné /);
  });

  it('has about 60 distinct tag names with distinct slugs', () => {
    expect(TAG_NAMES.length).toBeGreaterThanOrEqual(55);
    expect(TAG_NAMES.length).toBeLessThanOrEqual(70);
    expect(new Set(TAG_NAMES).size).toBe(TAG_NAMES.length);
    expect(new Set(TAG_NAMES.map(slugify)).size).toBe(TAG_NAMES.length);
    for (const tag of ['Élections', 'Énergie', 'Sécheresse', 'Coupe d’Afrique', 'Intelligence artificielle', 'Crédit']) {
      expect(TAG_NAMES).toContain(tag);
    }
    expect(TAG_NAMES.join(' ')).not.toContain("'");
  });

  it('maps rubric slugs to topics', () => {
    const expected: Record<string, Topic> = {
      maroc: 'politique',
      politique: 'politique',
      societe: 'societe',
      culture: 'culture',
      economie: 'economie',
      entreprises: 'entreprises',
      'finances-et-marches': 'finances',
      durabilite: 'durabilite',
      opinions: 'opinions',
      monde: 'monde',
      afrique: 'monde',
      asie: 'monde',
      ameriques: 'monde',
      'amerique-du-nord': 'monde',
      'etats-unis': 'monde',
      europe: 'monde',
      oceanie: 'monde',
      geopolitique: 'geopolitique',
      'economie-mondiale': 'economie',
      chroniques: 'chroniques',
      sports: 'sports',
      planete: 'planete',
    };
    for (const [slug, topic] of Object.entries(expected)) expect(topicForRubricSlug(slug)).toBe(topic);
    expect(topicForRubricSlug('rubrique-inconnue')).toBe('societe');
    expect(topicForRubricSlug('')).toBe('societe');
    for (const topic of TOPICS) expect(TOPICS).toContain(topicForRubricSlug(topic));
  });

  it('generates 20,000 short benchmark articles', () => {
    const root = new Random(2026);
    let totalWords = 0;
    for (let i = 0; i < 20_000; i++) {
      const rng = root.fork(i);
      const topic = TOPICS[i % TOPICS.length];
      const title = makeTitle(rng, topic);
      makeKicker(rng, topic);
      makeStandfirst(rng, topic);
      const [paragraph] = makeBody(rng, topic, { paragraphs: 1 });
      if (!title || paragraph.type !== 'paragraph') throw new Error('bad article');
      totalWords += words(paragraph.text);
    }
    expect(totalWords / 20_000).toBeGreaterThan(60);
  });
});
