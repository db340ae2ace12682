/**
 * Deterministic, realistic-looking French news copy for the demo newsroom and for benchmark data
 * sets (up to a million articles). Every word bank and sentence template below was written for
 * this project.
 *
 * Typography: typographic apostrophes (’), French quotes with non-breaking spaces inside
 * (« texte »), and non-breaking spaces before : ; ! ? and %. All word banks and templates are
 * normalised and compiled once, at module load; generating text is then only array picks and
 * short string concatenations (no regex, no retries beyond a few cheap word counts).
 *
 * Templates use `{slot}` placeholders. A capitalised slot name (`{Actor}`) yields the capitalised
 * phrase; `de…`, `a…` and `que…` variants yield the phrase with the contracted or elided
 * preposition or conjunction (« du gouvernement », « à l’opposition », « qu’un élu… »).
 */
import type { BodyBlock } from '../editorial/body-blocks';
import type { Random } from './random';

export type Topic =
  | 'politique'
  | 'societe'
  | 'culture'
  | 'economie'
  | 'entreprises'
  | 'finances'
  | 'durabilite'
  | 'opinions'
  | 'monde'
  | 'geopolitique'
  | 'sports'
  | 'planete'
  | 'chroniques';

export const TOPICS: readonly Topic[] = [
  'politique',
  'societe',
  'culture',
  'economie',
  'entreprises',
  'finances',
  'durabilite',
  'opinions',
  'monde',
  'geopolitique',
  'sports',
  'planete',
  'chroniques',
];

// ---------------------------------------------------------------------------------------------
// Typography and French grammar helpers (load time only)
// ---------------------------------------------------------------------------------------------

const NBSP = '\u00A0';

/** Normalises French typography in hand-written text: ’, « », and non-breaking spaces. */
function typo(text: string): string {
  return text
    .replace(/'/g, '’')
    .replace(/«\s*/g, `«${NBSP}`)
    .replace(/\s*»/g, `${NBSP}»`)
    .replace(/ ([:;!?%])/g, `${NBSP}$1`);
}

function cap(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

const VOWELS = 'aàâäeéèêëiîïoôöuùûüyœæ';

function startsWithVowel(text: string): boolean {
  return text.length > 0 && VOWELS.includes(text.charAt(0).toLowerCase());
}

/** « de » + noun phrase, with contractions: du, des, de la, de l’, d’. */
function withDe(np: string): string {
  if (np.startsWith('les ')) return `des ${np.slice(4)}`;
  if (np.startsWith('le ')) return `du ${np.slice(3)}`;
  if (np.startsWith('la ') || np.startsWith('l’')) return `de ${np}`;
  return startsWithVowel(np) ? `d’${np}` : `de ${np}`;
}

/** « à » + noun phrase, with contractions: au, aux, à la, à l’. */
function withA(np: string): string {
  if (np.startsWith('les ')) return `aux ${np.slice(4)}`;
  if (np.startsWith('le ')) return `au ${np.slice(3)}`;
  return `à ${np}`;
}

/** « que » + clause, elided before a vowel. */
function withQue(clause: string): string {
  return startsWithVowel(clause) ? `qu’${clause}` : `que ${clause}`;
}

interface NounPhrase {
  readonly text: string;
  readonly cap: string;
  readonly de: string;
  readonly a: string;
  readonly que: string;
}

interface Clause {
  readonly text: string;
  readonly cap: string;
  readonly que: string;
}

interface Infinitive {
  readonly text: string;
  readonly cap: string;
  readonly de: string;
}

function nounPhrase(raw: string): NounPhrase {
  const text = typo(raw);
  return { text, cap: cap(text), de: withDe(text), a: withA(text), que: withQue(text) };
}

function clause(raw: string): Clause {
  const text = typo(raw);
  return { text, cap: cap(text), que: withQue(text) };
}

function infinitive(raw: string): Infinitive {
  const text = typo(raw);
  return { text, cap: cap(text), de: startsWithVowel(text) ? `d’${text}` : `de ${text}` };
}

/** Word count as readers count words: l’eau and 2-1 are one word, « and % are none. */
function countWords(text: string): number {
  let words = 0;
  let inToken = false;
  let tokenHasWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 0xa0 || code === 0x202f) {
      if (inToken && tokenHasWord) words++;
      inToken = false;
      tokenHasWord = false;
      continue;
    }
    inToken = true;
    if (
      !tokenHasWord &&
      ((code >= 48 && code <= 57) ||
        (code >= 65 && code <= 90) ||
        (code >= 97 && code <= 122) ||
        (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7))
    ) {
      tokenHasWord = true;
    }
  }
  if (inToken && tokenHasWord) words++;
  return words;
}

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

const FEMALE_FIRST_NAMES: readonly string[] = [
  'Amina', 'Yasmine', 'Ghita', 'Salma', 'Khadija', 'Fatima-Zahra', 'Nadia', 'Leïla', 'Samira',
  'Meryem', 'Imane', 'Hind', 'Zineb', 'Soukaïna', 'Houda', 'Sanaa', 'Kenza', 'Loubna', 'Asmae',
  'Rim', 'Claire', 'Sophie', 'Camille', 'Élodie', 'Hélène', 'Juliette', 'Marion', 'Anne',
  'Céline', 'Inès', 'Chloé', 'Léa', 'Mathilde', 'Noémie',
];

const MALE_FIRST_NAMES: readonly string[] = [
  'Karim', 'Omar', 'Youssef', 'Mehdi', 'Hicham', 'Rachid', 'Anas', 'Amine', 'Driss', 'Hamza',
  'Adil', 'Nabil', 'Saïd', 'Othmane', 'Reda', 'Ayoub', 'Mohamed', 'Ismaïl', 'Tarik', 'Yassine',
  'Thomas', 'Julien', 'Nicolas', 'Antoine', 'Pierre', 'François', 'Mathieu', 'Étienne', 'Jérôme',
  'Olivier', 'Hugo', 'Benoît', 'Luc', 'Raphaël',
];

const LAST_NAMES: readonly string[] = [
  'Benali', 'Tazi', 'Alaoui', 'Bennani', 'El Idrissi', 'Berrada', 'Chraïbi', 'Benjelloun',
  'El Fassi', 'Lahlou', 'Sqalli', 'Kettani', 'Bensouda', 'Ouazzani', 'El Amrani', 'Tahiri',
  'Mansouri', 'Zniber', 'Cherkaoui', 'Naciri', 'Filali', 'Lazrak', 'El Ouafi', 'Bouzidi',
  'Haddad', 'Saïdi', 'Amrani', 'Belkadi', 'Essafi', 'Raji', 'Moreau', 'Lefèvre', 'Dubois',
  'Martin', 'Bernard', 'Girard', 'Rousseau', 'Fontaine', 'Mercier', 'Lambert', 'Faure',
  'Chevalier', 'Garnier', 'Perrin', 'Leroy', 'Gauthier', 'Roche', 'Delmas',
];

const FIRST_NAME_IS_FEMININE = new Map<string, boolean>();
for (const name of FEMALE_FIRST_NAMES) FIRST_NAME_IS_FEMININE.set(name, true);
for (const name of MALE_FIRST_NAMES) FIRST_NAME_IS_FEMININE.set(name, false);

interface Person {
  firstName: string;
  lastName: string;
  feminine: boolean;
}

function makePerson(rng: Random): Person {
  const feminine = rng.next() < 0.5;
  return {
    firstName: rng.pick(feminine ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES),
    lastName: rng.pick(LAST_NAMES),
    feminine,
  };
}

export function makePersonName(rng: Random): { firstName: string; lastName: string } {
  const person = makePerson(rng);
  return { firstName: person.firstName, lastName: person.lastName };
}

// ---------------------------------------------------------------------------------------------
// Shared word banks
// ---------------------------------------------------------------------------------------------

const MOROCCAN_CITIES = [
  'à Casablanca', 'à Rabat', 'à Marrakech', 'à Fès', 'à Tanger', 'à Agadir', 'à Oujda', 'à Meknès',
  'à Tétouan', 'à Laâyoune', 'à Dakhla', 'à Kénitra', 'à El Jadida', 'à Essaouira', 'à Ouarzazate',
  'à Béni Mellal', 'à Nador', 'à Safi', 'à Salé', 'à Errachidia',
];

const MOROCCAN_REGIONS = [
  'dans le Souss', 'dans l’Oriental', 'dans le Rif', 'dans le Gharb', 'dans la région du Haouz',
  'dans le Moyen Atlas', 'dans les provinces du Sud', 'dans la région de Casablanca-Settat',
  'dans le nord du pays', 'dans les zones rurales', 'au Maroc', 'à travers le Royaume',
];

const WORLD_PLACES = [
  'à Bruxelles', 'à Paris', 'à Madrid', 'à Dakar', 'à Abidjan', 'à Washington', 'à New York',
  'à Addis-Abeba', 'à Genève', 'à Lagos', 'à Nairobi', 'à Pékin', 'à Tokyo', 'à Berlin',
  'à Londres', 'à Rome', 'au Sénégal', 'en Côte d’Ivoire', 'en Espagne', 'en Europe',
  'en Afrique de l’Ouest', 'au Sahel', 'aux États-Unis', 'au Brésil', 'en Asie du Sud-Est',
  'au Canada', 'en Australie', 'au Mexique', 'en Inde',
];

const STRATEGIC_PLACES = [
  'en Méditerranée', 'dans le Golfe', 'au Sahel', 'en mer Rouge', 'dans l’Atlantique',
  'en Afrique de l’Ouest', 'en Asie centrale', 'dans l’Indo-Pacifique', 'en Europe de l’Est',
  'au Moyen-Orient', 'dans la Corne de l’Afrique', 'en Arctique', 'à Bruxelles', 'à Washington',
  'à Pékin', 'à Addis-Abeba',
];

const NATURE_PLACES = [
  'dans le Haut Atlas', 'dans le Rif', 'dans la vallée du Drâa', 'dans les oasis du Tafilalet',
  'sur le littoral atlantique', 'dans la région de Marrakech', 'dans le Souss', 'à Dakhla',
  'à Agadir', 'sur la côte méditerranéenne', 'dans la forêt de la Maâmora', 'à Ifrane',
  'dans le Moyen Atlas', 'dans la lagune de Nador', 'dans l’Oriental', 'à Essaouira', 'à Tanger', 'à Ouarzazate',
  'à Errachidia', 'dans la région de Guelmim', 'près de Chefchaouen',
];

const GENERIC_KICKERS = [
  'Décryptage', 'Reportage', 'Enquête', 'Entretien', 'Analyse', 'Éclairage', 'Récit', 'Portrait',
  'Le point', 'Grand angle', 'Les faits', 'Focus', 'Témoignages', 'Exclusif', 'Repères',
  'Questions-réponses',
];

const GENERIC_ROLES: readonly (readonly [string, string])[] = [
  ['analyste', 'analyste'],
  ['chercheur en sciences sociales', 'chercheuse en sciences sociales'],
  ['consultant indépendant', 'consultante indépendante'],
  ['universitaire', 'universitaire'],
  ['ancien haut fonctionnaire', 'ancienne haute fonctionnaire'],
];

const GENERIC_PREDICATES = [
  'relance le débat', 'suscite de vives inquiétudes', 'divise les spécialistes',
  'revient au cœur des discussions', 'fait beaucoup réagir', 'met les autorités sous pression',
  's’impose comme un enjeu majeur', 'reste un sujet sensible', 'continue de faire débat',
  'cristallise les tensions', 'tarde à produire ses effets', 'alimente toutes les conversations',
  's’invite dans le débat public', 'mobilise de plus en plus d’acteurs', 'change la donne',
];

const EVALUATIONS = [
  'les points qui fâchent', 'ce qui va changer', 'les raisons d’un blocage', 'les leçons d’un échec',
  'un bilan en demi-teinte', 'l’heure des choix', 'les coulisses d’un dossier sensible',
  'les chiffres qui inquiètent', 'ce que l’on sait', 'le grand malentendu', 'les clés pour comprendre',
  'un tournant décisif', 'des promesses à l’épreuve des faits', 'le temps presse',
];

const SAYS = [
  'prévient', 'assure', 'affirme', 'estime', 'avertit', 'insiste', 'reconnaît', 'tranche', 'répond',
  'martèle', 'plaide', 'résume',
];

const FRAGMENTS = [
  '« les choses avancent »', '« rien n’est encore tranché »', '« le calendrier sera tenu »',
  '« la porte reste ouverte »', '« toutes les options sont sur la table »', '« les moyens suivront »',
  '« des annonces sont attendues prochainement »', '« le dossier est prioritaire »',
  '« personne n’a intérêt à un blocage »',
];

const INTERVIEWED = [
  'Interrogé par notre rédaction, un responsable du dossier assure',
  'Interrogée par notre rédaction, une source proche du dossier affirme',
  'Contacté par notre rédaction, un haut fonctionnaire indique',
  'Jointe par téléphone, une responsable du dossier assure',
];

const SOURCES = [
  'les derniers chiffres officiels', 'une étude publiée récemment', 'plusieurs sources proches du dossier',
  'une note consultée par notre rédaction', 'les estimations des professionnels du secteur',
  'un rapport remis au gouvernement', 'les données les plus récentes', 'une enquête de terrain',
];

const CONNECTORS = [
  'Dans les faits,', 'Pour autant,', 'À ce stade,', 'Sur le terrain,', 'Au-delà des annonces,',
  'En parallèle,', 'Dans le même temps,', 'De son côté,', 'Par ailleurs,', 'Concrètement,',
  'Selon nos informations,', 'Cette semaine encore,', 'Entre-temps,', 'Sans surprise,',
];

const WHEN = [
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'ce week-end', 'mardi soir',
  'jeudi matin', 'la semaine dernière', 'en début de semaine', 'en fin de semaine',
];

const FOLLOWUPS = [
  'Reste à savoir si les moyens suivront.',
  'Mais sur le terrain, les attentes restent immenses et la patience commence à manquer.',
  'Les détails de sa mise en œuvre restent pourtant à préciser.',
  'Un pari ambitieux, qui suscite autant d’espoirs que de doutes.',
  'Décryptage d’un dossier bien plus complexe qu’il n’y paraît.',
  'Retour sur les enjeux d’un dossier suivi de près.',
  'Enquête sur les coulisses d’une décision très attendue.',
  'Plusieurs experts doutent toutefois de son efficacité à court terme.',
  'Les prochains mois diront si ce pari était le bon.',
  'Une décision saluée par certains, vivement contestée par d’autres.',
  'Les observateurs restent prudents, faute de calendrier précis.',
  'Explications sur un dossier qui engage l’avenir de tout un secteur.',
  'Notre analyse d’un dossier suivi de près par l’ensemble des acteurs concernés.',
];

const CONCERNS = [
  'les critiques ne faiblissent pas', 'beaucoup restent sceptiques', 'le calendrier paraît serré',
  'le financement reste flou', 'les résultats se font attendre', 'les premiers concernés doutent',
];

const GENERIC_HEADINGS = [
  'Un calendrier serré', 'Des moyens encore limités', 'Des attentes fortes', 'Un contexte difficile',
  'Les leçons du passé', 'Un enjeu de confiance', 'Ce qui bloque encore', 'La question du financement',
  'Sur le terrain, l’inquiétude', 'Un pari à long terme', 'Des résultats contrastés',
  'Vers une sortie de crise ?', 'Des voix discordantes', 'Les prochaines étapes',
];

const GENERIC_BODY_QUOTES = [
  'Nous ne partons pas de zéro, mais il faut reconnaître que le chemin à parcourir reste encore très long.',
  'Tout le monde s’accorde sur le diagnostic, c’est sur les solutions que les désaccords commencent.',
  'Il ne suffit pas d’annoncer des mesures, il faut se donner les moyens de les appliquer et de les évaluer.',
  'Les gens ne demandent pas des miracles, ils veulent simplement qu’on leur explique ce qui va changer pour eux.',
  'Nous avons perdu beaucoup de temps, et chaque année de retard se paie ensuite très cher.',
  'Ce qui se joue aujourd’hui dépasse largement la question technique, c’est une affaire de confiance.',
  'Je reste optimiste, parce que j’ai vu ce que l’on peut accomplir quand tout le monde tire dans le même sens.',
  'Il faut sortir des annonces et regarder les chiffres en face, sans complaisance ni catastrophisme.',
];

const MONTHS = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
  'novembre', 'décembre',
];

const MONTH_YEARS: readonly string[] = (() => {
  const out: string[] = [];
  for (let year = 2023; year <= 2025; year++) for (const month of MONTHS) out.push(`en ${month} ${year}`);
  return out;
})();

const PAST_YEARS = ['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023'];
const FUTURE_YEARS = ['2027', '2028', '2030', '2030', '2032', '2035'];

const PERCENTS: readonly string[] = (() => {
  const out: string[] = [];
  for (let n = 3; n <= 68; n++) out.push(`${n}${NBSP}%`);
  for (const d of ['4,5', '7,2', '8,5', '12,3', '15,8', '22,5']) out.push(`${d}${NBSP}%`);
  return out;
})();

const RATES: readonly string[] = [
  '1,2', '1,8', '2,1', '2,5', '2,9', '3,1', '3,4', '3,8', '4,2', '4,6', '5,1',
].map((r) => `${r}${NBSP}%`);

const COUNTS: readonly string[] = [
  '2 000', '3 500', '8 000', '12 000', '20 000', '45 000', '60 000', '150 000', '250 000',
].map((n) => n.replace(' ', NBSP));

type Currency = 'dirhams' | 'dollars' | 'euros';

function amountsFor(currency: Currency): string[] {
  const unit = currency === 'euros' ? 'd’euros' : `de ${currency}`;
  const out: string[] = [];
  for (const m of ['120', '250', '300', '450', '600', '800']) out.push(`${m} millions ${unit}`);
  for (const b of ['1,2', '2,5', '3', '4,8', '7', '12']) out.push(`${b} milliard${b === '1,2' ? '' : 's'} ${unit}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Generic templates
// ---------------------------------------------------------------------------------------------

/** Headline templates that suit every topic, columns and opinion pieces included. */
const SHARED_TITLES = [
  '{Actor} {verb} {object} {place}',
  '{Actor} {verb} {object}',
  '« {quote} », {says} {speaker}',
  '{Fact} {place}',
  'Pourquoi {fact}',
  '{theme} : {fact}',
  '{theme} : {subject} {pred}',
  '{theme} : faut-il {debate} ?',
  '{Place}, {fact}',
  '{Actor} veut {debate}',
];

/** Headline templates for news topics only. */
const NEWS_TITLES = [
  '{theme} : {actor} {verb} {object}',
  'Ce qu’il faut savoir sur {subject}',
  '{Subject} : {eval}',
  '{theme} : pourquoi {fact}',
  '{theme} : « {quote} », {says} {speaker}',
  '{Subject} {pred} {place}',
];

const NEWS_STANDFIRSTS = [
  'Alors {queFact}, {actor} {verb} {object}. {followup}',
  '{Subject} {pred}. {Fact} {place}, et {actor} {verb} {object}.',
  'Depuis plusieurs mois, {fact}. {Actor} {verb} {object}, mais {concern}.',
  'Pour {person}, {fact}. {followup}',
  '{Place}, {fact}. {Actor} {verb} {object}, une réponse jugée tardive par plusieurs observateurs.',
  'Entre {subject} et {subject2}, {actor} doit composer avec des attentes contradictoires. {followup}',
  '{Actor} {verb} {object} {place}. {followup}',
  '{Fact}, une situation qui relance le débat sur {subject}. {followup}',
  'Faut-il {debate} ? La question divise, alors {queFact} {place}.',
  '{Actor} {verb} {object}, un dossier très attendu alors {queFact}. {followup}',
];

/** Body sentences that suit every topic. */
const SHARED_SENTENCES = [
  '{Subject} {pred}, alors {queFact}.',
  'Sur le terrain, {fact}, et beaucoup disent attendre des réponses concrètes plutôt que de nouvelles promesses.',
  '{Fact} {place}, une évolution qui n’est pas sans conséquences pour les années à venir.',
  'Pour {person}, {fact}, mais il reste « beaucoup à faire » avant de crier victoire.',
  'La question est désormais de savoir s’il faut {debate}, un débat qui dépasse largement les clivages habituels.',
  '{Place}, {fact}, et personne ne s’attend à un retour rapide à la normale.',
  'Ces dernières semaines, {fact} {place}, une évolution que peu d’observateurs avaient anticipée.',
  'Reste une question que beaucoup se posent désormais : faut-il {debate} ?',
];

/** Body sentences in a news register. */
const NEWS_SENTENCES = [
  '{Actor} {verb} {object} {place}, une annonce attendue depuis plusieurs mois par les acteurs concernés.',
  'Selon {source}, {fact}, une tendance qui pourrait se confirmer dans les mois à venir.',
  '{connector} {actor} {verb} {object}, sans toutefois préciser le calendrier ni le montant des financements.',
  'D’après un sondage récent, {pct} des personnes interrogées estiment que {subject} devrait être une priorité.',
  'Le montant engagé atteindrait {amount}, un effort important au regard des contraintes budgétaires actuelles.',
  '{Subject} reste au cœur des discussions, notamment depuis la publication d’un rapport très commenté {monthYear}.',
  '{interviewed} que {fragment}, sans donner davantage de détails.',
  'Depuis {year}, {fact}, selon les données compilées par plusieurs organismes indépendants.',
  '{Actor} a par ailleurs promis {deDebate} d’ici {futureYear}, un engagement qui sera scruté de près.',
  'Les chiffres parlent d’eux-mêmes : une hausse de {pct} en un an, et une progression encore plus nette {place}.',
  'Reste que {subject} {pred}, et que plusieurs observateurs appellent à la prudence.',
  'Dans un communiqué publié {when}, {actor} indique vouloir {debate} dans les meilleurs délais.',
  'Au total, près de {count} personnes seraient concernées, selon une estimation encore provisoire.',
  'Du côté {deActor}, on préfère rappeler {queFact}, un point souvent oublié dans le débat.',
  '{Fact}, a reconnu {speaker} lors d’une conférence de presse organisée {when}.',
  'Un rapport publié {when} consacre un long chapitre {aSubject} et formule une dizaine de recommandations.',
  'Les spécialistes interrogés s’accordent au moins sur un point : {fact}.',
  'Il faudra toutefois attendre {futureYear} pour mesurer les effets concrets {deSubject} sur le quotidien des habitants.',
  '{Actor} {verb} {object}, tandis {queFact} {place}.',
  'En coulisses, plusieurs responsables reconnaissent que {subject} {pred}, sans vouloir s’exprimer publiquement.',
  'À ce stade, rien ne permet d’affirmer {queFact}, mais les signaux en ce sens se multiplient.',
  'Les premiers résultats, publiés {when}, montrent {queFact}, même si les écarts restent importants.',
  'Cette situation alimente les interrogations sur {subject}, un dossier {queActor} suit désormais de très près.',
  'Selon {person}, {subject} {pred} parce que les attentes sont très fortes et les moyens encore limités.',
  'Le sujet devrait revenir sur la table {when}, lors d’une rencontre avec l’ensemble des parties prenantes.',
];

/** Body sentences in the register of columns and opinion pieces. */
const SOFT_SENTENCES = [
  'On pourrait en sourire, mais {fact}, et cela en dit long sur notre époque.',
  'Il suffit de regarder autour de soi pour constater {queFact}, même si personne ne semble s’en étonner.',
  'Peut-être faudrait-il simplement {debate}, sans attendre que quelqu’un d’autre montre l’exemple.',
  'Au fond, {subject} nous renvoie à une question simple : que voulons-nous transmettre à ceux qui viennent après nous ?',
  'Chacun a son idée sur {subject}, mais rares sont ceux qui prennent le temps d’en parler vraiment.',
  'Ce n’est pas une fatalité : {fact}, mais rien ne nous oblige à nous y résigner.',
  '{Place}, {fact}, et cela mérite qu’on s’y arrête un instant.',
];

const GENERIC_CAPTIONS = ['Une rue commerçante {city}, {monthYear}.', 'Des passants {city}, {monthYear}.'];

// ---------------------------------------------------------------------------------------------
// Topic word banks
// ---------------------------------------------------------------------------------------------

interface RawBank {
  kickers: string[];
  /** Only use the topic kickers (opinion and column pages label their pieces themselves). */
  ownKickersOnly?: boolean;
  /**
   * Columns and opinion pieces: no news-register generic templates, own standfirsts only, and the
   * topic's own predicates only (when it has some).
   */
  soft?: boolean;
  /** Topic standfirst templates (required when `soft`). */
  standfirsts?: string[];
  themes: string[];
  /** Singular subjects, with their article: « le gouvernement ». */
  actors: string[];
  /** Third-person singular present, transitive: « présente ». */
  verbs: string[];
  /** Objects of those verbs. */
  objects: string[];
  /** Singular definite noun phrases the topic is about. */
  subjects: string[];
  /** Full clauses in the present tense, lowercase. */
  facts: string[];
  places: string[];
  /** Short quotes for headlines. */
  quotes: string[];
  /** Singular definite speakers: « le ministre de l’Intérieur ». */
  speakers: string[];
  /** [masculine, feminine] role descriptions for quoted people. */
  roles: (readonly [string, string])[];
  /** Infinitive phrases: « revoir le mode de scrutin ». */
  debates: string[];
  bodyQuotes: string[];
  headings: string[];
  listItems: string[];
  /** Topic sentences (templates allowed). */
  sentences: string[];
  /** Image captions (templates allowed). */
  captions: string[];
  /**
   * Topic headline templates. Headline templates are drawn with a weight of √(number of distinct
   * headlines they can produce), times `titleBoost` for the topic's own templates, which keeps
   * repeats rare while still mixing all the headline shapes.
   */
  titles?: string[];
  titleBoost?: number;
  /** Probability of a topic sentence rather than a generic one. */
  topicSentenceWeight?: number;
  predicates?: string[];
  currency?: Currency;
  /** Extra slot pools for this topic's own templates. */
  extras?: Record<string, string[]>;
}

const RAW_BANKS: Record<Topic, RawBank> = {
  politique: {
    kickers: ['Parlement', 'Gouvernement', 'Élections 2026', 'Vie des partis', 'Coulisses', 'Institutions'],
    themes: [
      'Élections législatives', 'Réforme fiscale', 'Régionalisation avancée', 'Code de la famille',
      'Loi de finances', 'Décentralisation', 'Remaniement', 'Dialogue social', 'Protection sociale',
      'Transparence',
    ],
    actors: [
      'le gouvernement', 'le chef du gouvernement', 'le ministère de l’Intérieur', 'la majorité',
      'l’opposition', 'le Parlement', 'la Chambre des conseillers', 'la commission des finances',
      'le ministre de la Justice', 'la ministre de l’Économie', 'le conseil régional', 'le parti majoritaire',
    ],
    verbs: [
      'présente', 'dévoile', 'défend', 'prépare', 'propose', 'soumet', 'finalise', 'met sur la table',
      'détaille', 'examine',
    ],
    objects: [
      'un projet de loi sur la transparence', 'son plan pour l’eau', 'une réforme du mode de scrutin',
      'un nouveau découpage électoral', 'la réforme du Code de la famille', 'un texte sur le droit de grève',
      'sa feuille de route pour 2030', 'un plan d’urgence contre la sécheresse',
      'une réforme de la fonction publique', 'une proposition de loi sur les loyers',
      'un programme de lutte contre la corruption', 'une révision du Code pénal',
      'une stratégie pour l’emploi des jeunes', 'un projet de loi sur les élections locales',
    ],
    subjects: [
      'la réforme du Code de la famille', 'le projet de loi de finances', 'le découpage électoral',
      'la question du droit de grève', 'la lutte contre la corruption', 'la réforme des retraites',
      'le financement des partis', 'la participation électorale', 'la régionalisation avancée',
      'le dialogue social', 'le calendrier des élections', 'la réforme de la justice',
      'le financement des campagnes électorales',
    ],
    facts: [
      'la majorité se divise sur la réforme des retraites', 'l’opposition réclame une commission d’enquête',
      'le gouvernement soupçonne des fuites au sein de l’administration',
      'les élus locaux dénoncent un manque de moyens', 'le Parlement entame l’examen du budget',
      'les partis préparent déjà les élections de 2026', 'la participation des jeunes reste faible',
      'le chef du gouvernement promet un remaniement', 'l’opposition envisage une motion de censure',
      'les syndicats exigent la reprise du dialogue social', 'les régions réclament davantage de compétences',
      'un ancien ministre est soupçonné de conflit d’intérêts',
      'la date des prochaines élections fait déjà débat',
    ],
    places: [...MOROCCAN_CITIES, ...MOROCCAN_REGIONS, 'au Parlement', 'devant les députés'],
    quotes: [
      'Nous n’avons plus le choix', 'Le temps des promesses est terminé', 'Cette réforme ne peut plus attendre',
      'Nous irons jusqu’au bout', 'Le dialogue reste ouvert', 'Les citoyens attendent des actes',
      'Ce texte est un recul', 'Il faut rétablir la confiance',
    ],
    speakers: [
      'le chef du gouvernement', 'la ministre de l’Économie', 'le ministre de l’Intérieur',
      'un député de l’opposition', 'une élue de la majorité', 'le président de la commission des finances',
      'le porte-parole du gouvernement', 'la présidente du conseil régional',
    ],
    roles: [
      ['député de l’opposition', 'députée de l’opposition'],
      ['politologue', 'politologue'],
      ['conseiller municipal à Rabat', 'conseillère municipale à Rabat'],
      ['professeur de droit constitutionnel', 'professeure de droit constitutionnel'],
      ['ancien ministre', 'ancienne ministre'],
      ['militant associatif', 'militante associative'],
      ['élu de la majorité', 'élue de la majorité'],
    ],
    debates: [
      'revoir le mode de scrutin', 'abaisser l’âge du droit de vote', 'rendre le vote obligatoire',
      'limiter le cumul des mandats', 'renforcer les pouvoirs des régions', 'réduire le nombre de ministères',
      'ouvrir davantage les listes électorales aux jeunes', 'avancer la date des élections locales',
    ],
    bodyQuotes: [
      'Nous avons besoin d’un débat serein, loin des calculs électoraux, sur la place que nous voulons donner aux régions.',
      'Ce texte a été préparé dans l’urgence, et les députés n’ont pas eu le temps d’en mesurer toutes les conséquences.',
      'Les citoyens ne croient plus aux promesses, ils veulent voir des résultats concrets dans leur quotidien.',
      'La réforme est nécessaire, mais elle doit s’accompagner de garanties claires pour les plus fragiles.',
      'Si nous voulons que les jeunes votent, il faut d’abord qu’ils se sentent représentés.',
    ],
    headings: [
      'Une majorité divisée', 'L’opposition hausse le ton', 'Un calendrier électoral chargé',
      'Le poids des régions', 'Des élus sous pression', 'La bataille des amendements',
    ],
    listItems: [
      'Un renforcement du contrôle parlementaire sur les dépenses publiques',
      'La création d’une instance indépendante chargée de la transparence',
      'Un quota élargi pour les candidates aux élections locales',
      'La publication annuelle du patrimoine des élus',
      'Un calendrier de consultation avec les partis et les syndicats',
      'La révision du financement public des campagnes électorales',
    ],
    sentences: [
      'Les débats en commission ont duré plus de douze heures, signe que le texte est loin de faire l’unanimité parmi les députés.',
      'Plusieurs élus de la majorité ont fait savoir, en privé, qu’ils ne voteraient pas le texte en l’état.',
      'Le calendrier électoral pèse déjà sur chaque décision, et aucun parti ne veut apparaître comme le fossoyeur de la réforme.',
      'L’opposition dénonce un passage en force et réclame la création d’une commission d’enquête parlementaire.',
      'Au sein des partis, la question des investitures pour les prochaines élections commence à provoquer des tensions visibles.',
      'Le texte doit encore être examiné par la Chambre des conseillers avant une adoption définitive d’ici la fin de la session.',
      'Selon un sondage récent, {pct} des Marocains déclarent avoir confiance dans leurs élus locaux, un chiffre en recul.',
      'Le ministre a défendu son texte {when} devant les députés, promettant des décrets d’application avant l’été.',
    ],
    captions: [
      'Une séance plénière à la Chambre des représentants, à Rabat, {monthYear}.',
      'Des militants distribuent des tracts {city}, {monthYear}.',
      'Le chef du gouvernement lors d’une conférence de presse à Rabat, {monthYear}.',
      'Un bureau de vote {city}, lors du dernier scrutin.',
    ],
  },

  societe: {
    kickers: ['Société', 'Éducation', 'Santé', 'Logement', 'Jeunesse', 'Témoignages'],
    themes: [
      'Éducation', 'Santé', 'Logement', 'Égalité', 'Transports', 'Famille', 'Emploi des jeunes',
      'Sécurité routière', 'Handicap', 'Enseignement supérieur',
    ],
    actors: [
      'le ministère de l’Éducation nationale', 'le ministère de la Santé', 'la commune',
      'une association de parents d’élèves', 'le conseil de la ville', 'une fondation privée',
      'la direction régionale de la santé', 'un collectif d’enseignants', 'l’agence de l’habitat',
      'l’université publique',
    ],
    verbs: ['lance', 'met en place', 'généralise', 'étend', 'expérimente', 'présente', 'annonce', 'prépare'],
    objects: [
      'un programme de soutien scolaire', 'une campagne de vaccination', 'un plan contre le décrochage scolaire',
      'un dispositif d’aide au logement', 'une plateforme de prise de rendez-vous médicaux',
      'un service de transport pour les élèves ruraux', 'un programme d’alphabétisation des adultes',
      'des cantines scolaires gratuites', 'une campagne de prévention routière',
      'un réseau de centres pour personnes âgées', 'un numéro vert contre les violences conjugales',
      'des bourses pour les étudiants boursiers du Sud',
    ],
    subjects: [
      'la réforme de l’école publique', 'la pénurie de médecins', 'la question du logement social',
      'le décrochage scolaire', 'la sécurité routière', 'la protection sociale',
      'l’accès aux soins en milieu rural', 'la violence faite aux femmes', 'le chômage des diplômés',
      'la prise en charge des personnes âgées',
    ],
    facts: [
      'les loyers continuent de grimper dans les grandes villes',
      'de nombreux enseignants dénoncent des classes surchargées', 'les hôpitaux régionaux manquent de personnel',
      'le taux de scolarisation des filles progresse en milieu rural',
      'les jeunes diplômés peinent à trouver un premier emploi',
      'la justice soupçonne un réseau de fraude aux aides sociales',
      'les accidents de la route repartent à la hausse',
      'les familles consacrent une part croissante de leur budget à l’éducation',
      'les associations alertent sur la précarité des étudiants', 'l’exode rural s’accélère dans plusieurs provinces',
    ],
    places: [...MOROCCAN_CITIES, ...MOROCCAN_REGIONS],
    quotes: [
      'On nous demande de faire plus avec moins', 'L’école ne peut pas tout réparer', 'Nos enfants méritent mieux',
      'Le logement est devenu un luxe', 'Personne ne nous écoute', 'Il faut soigner avant de compter',
    ],
    speakers: [
      'une enseignante de Salé', 'le ministre de la Santé', 'un médecin urgentiste',
      'la présidente d’une association de quartier', 'un syndicaliste de l’enseignement',
    ],
    roles: [
      ['sociologue', 'sociologue'],
      ['enseignant dans un collège public', 'enseignante dans un collège public'],
      ['médecin généraliste', 'médecin généraliste'],
      ['président d’une association de quartier', 'présidente d’une association de quartier'],
      ['directeur d’école', 'directrice d’école'],
      ['infirmier à l’hôpital provincial', 'infirmière à l’hôpital provincial'],
    ],
    debates: [
      'rendre l’école obligatoire jusqu’à 18 ans', 'encadrer les loyers dans les grandes villes',
      'généraliser l’assurance maladie', 'interdire le téléphone portable au collège',
      'revaloriser le salaire des enseignants', 'créer davantage de crèches publiques',
    ],
    bodyQuotes: [
      'Dans ma classe, ils sont plus de quarante, et je n’arrive plus à suivre chaque élève comme il le faudrait.',
      'Nous voyons arriver des familles qui n’ont jamais eu besoin d’aide auparavant, et cela devrait tous nous alerter.',
      'Les jeunes ne demandent pas la charité, ils demandent une chance de prouver ce qu’ils valent.',
      'Le problème n’est pas seulement le manque de moyens, c’est aussi la façon dont ils sont répartis entre les régions.',
      'Quand l’hôpital le plus proche est à deux heures de route, chaque urgence devient un drame pour les familles.',
    ],
    headings: [
      'Des familles en première ligne', 'L’école au cœur du débat', 'Un accès aux soins inégal',
      'Des associations débordées', 'La fracture entre villes et campagnes', 'Des jeunes en quête d’avenir',
    ],
    listItems: [
      'Le recrutement de plusieurs milliers d’enseignants contractuels',
      'L’ouverture de nouvelles unités de soins dans les zones rurales',
      'Une aide mensuelle pour les familles les plus modestes',
      'La rénovation des internats dans les provinces du Sud',
      'Un accompagnement renforcé pour les élèves en difficulté',
      'La gratuité des transports scolaires pour les collégiens',
    ],
    sentences: [
      'Dans les quartiers périphériques, les écoles publiques accueillent parfois plus de quarante élèves par classe, faute de locaux suffisants.',
      'Les associations de terrain, souvent composées de bénévoles, pallient comme elles le peuvent les lacunes des services publics.',
      'À l’hôpital provincial, les patients attendent parfois plusieurs semaines pour obtenir un rendez-vous chez un spécialiste.',
      'Pour beaucoup de familles, le coût de la rentrée scolaire représente désormais près d’un mois de salaire.',
      'Les jeunes diplômés sont de plus en plus nombreux à envisager un départ à l’étranger, faute de perspectives sur place.',
      'Selon les chiffres officiels, {pct} des ménages ruraux n’ont toujours pas de centre de santé à moins de dix kilomètres.',
      'Dans ce quartier populaire, les mères de famille se relaient chaque matin pour accompagner les enfants jusqu’à l’école.',
    ],
    captions: [
      'Des élèves à la sortie d’une école primaire {city}, {monthYear}.',
      'La salle d’attente d’un centre de santé {city}, {monthYear}.',
      'Un chantier de logements sociaux {city}, {monthYear}.',
      'Des étudiants sur un campus universitaire {city}, {monthYear}.',
    ],
  },

  culture: {
    kickers: ['Cinéma', 'Musique', 'Livres', 'Patrimoine', 'Arts plastiques', 'Théâtre', 'Coup de cœur'],
    themes: [
      'Cinéma', 'Patrimoine', 'Musique', 'Littérature', 'Théâtre', 'Festivals', 'Arts visuels',
      'Architecture', 'Musées', 'Photographie',
    ],
    actors: [
      'le ministère de la Culture', 'un jeune réalisateur casablancais', 'une romancière tangéroise',
      'le musée d’art contemporain', 'une maison d’édition indépendante', 'un collectif d’artistes',
      'le théâtre national', 'une chanteuse de gnaoua', 'un photographe marocain', 'la bibliothèque nationale',
      'une chorégraphe de Marrakech',
    ],
    verbs: ['présente', 'dévoile', 'prépare', 'défend', 'annonce', 'signe'],
    objects: [
      'un premier long-métrage sur l’exil', 'une exposition consacrée à la calligraphie',
      'un roman sur la mémoire des médinas', 'un album inspiré des musiques de l’Atlas',
      'une pièce sur la jeunesse urbaine', 'une rétrospective de son œuvre',
      'un documentaire sur les femmes du Sud', 'un programme de restauration des ksour',
      'une saison dédiée aux arts de la rue', 'un recueil de nouvelles très personnel',
      'un spectacle sur les chants de moisson',
    ],
    subjects: [
      'la restauration des médinas', 'le cinéma marocain', 'la scène musicale urbaine', 'la lecture chez les jeunes',
      'le marché de l’art', 'la sauvegarde du patrimoine immatériel', 'la place des langues dans la création',
      'le financement des festivals', 'l’édition indépendante', 'la musique gnaoua',
    ],
    facts: [
      'les salles de cinéma font leur retour dans les villes moyennes',
      'les festivals d’été attirent un public record', 'les jeunes lecteurs se tournent vers la bande dessinée',
      'le marché de l’art africain séduit les collectionneurs',
      'plusieurs théâtres rouvrent après des années de travaux', 'la musique amazighe gagne un nouveau public',
      'les maisons d’édition peinent à se faire distribuer', 'les artistes réclament un véritable statut professionnel',
      'un tableau attribué à un maître orientaliste est soupçonné d’être un faux',
      'les plateformes de streaming bousculent la production locale',
    ],
    places: [...MOROCCAN_CITIES, 'dans la médina de Fès', 'dans la médina de Marrakech', 'à Paris', 'à Cannes'],
    quotes: [
      'Je filme ce que je connais', 'La culture n’est pas un luxe', 'Écrire, c’est résister à l’oubli',
      'Le public est là, il faut des lieux', 'Notre patrimoine est vivant', 'Ce film est une lettre à ma mère',
    ],
    speakers: [
      'la réalisatrice', 'le directeur du festival', 'la romancière', 'un jeune rappeur de Salé',
      'la commissaire de l’exposition',
    ],
    roles: [
      ['réalisateur', 'réalisatrice'],
      ['critique de cinéma', 'critique de cinéma'],
      ['écrivain', 'écrivaine'],
      ['commissaire d’exposition', 'commissaire d’exposition'],
      ['musicien', 'musicienne'],
      ['éditeur', 'éditrice'],
      ['historien de l’art', 'historienne de l’art'],
    ],
    debates: [
      'rendre les musées gratuits pour les jeunes', 'imposer des quotas de films nationaux',
      'créer un statut pour les artistes', 'ouvrir les monuments historiques la nuit',
      'soutenir davantage les librairies indépendantes',
    ],
    bodyQuotes: [
      'J’ai grandi dans cette médina, et chaque ruelle que je filme raconte un peu de l’histoire de ma famille.',
      'Le public répond présent dès qu’on lui propose quelque chose d’exigeant, encore faut-il lui en donner l’occasion.',
      'Sans librairies de quartier, un roman n’existe pas vraiment, même s’il est disponible en ligne.',
      'La musique gnaoua a longtemps été méprisée, aujourd’hui elle remplit des salles à l’étranger.',
      'Nous devons former des restaurateurs, sinon ce patrimoine disparaîtra avec ceux qui le connaissent encore.',
    ],
    headings: [
      'Une scène en pleine effervescence', 'Le défi du financement', 'Un public à reconquérir',
      'Entre tradition et modernité', 'La mémoire des lieux', 'Une reconnaissance internationale',
    ],
    listItems: [
      'Une exposition de photographies inédites sur les villes du Sud',
      'Des concerts gratuits sur les places publiques', 'Des ateliers d’écriture pour les lycéens',
      'Une programmation consacrée au cinéma africain', 'Des visites guidées des chantiers de restauration',
      'Une nuit des musées ouverte à tous',
    ],
    sentences: [
      'Le film, tourné en grande partie dans le Haut Atlas, mêle acteurs professionnels et habitants des villages alentour.',
      'La programmation de cette édition fait la part belle aux jeunes talents, avec plus d’une trentaine de premières œuvres.',
      'Les organisateurs revendiquent une fréquentation en hausse de {pct}, malgré un budget quasiment identique à celui de l’an dernier.',
      'Dans les librairies, le roman s’est hissé en quelques semaines parmi les meilleures ventes, porté par un bouche-à-oreille enthousiaste.',
      'Le chantier de restauration, lancé en {year}, a permis de retrouver des décors en zellige que l’on croyait perdus.',
      'Longtemps cantonnée aux cercles d’initiés, la scène artistique locale attire désormais des galeristes venus de toute l’Europe.',
      'Sur scène, les musiciens mêlent les rythmes traditionnels aux sonorités électroniques, sous les applaudissements d’un public conquis.',
    ],
    captions: [
      'Le public lors d’un concert en plein air {city}, {monthYear}.',
      'Une œuvre exposée au musée d’art contemporain {city}, {monthYear}.',
      'Le tournage d’un long-métrage dans une médina, {monthYear}.',
      'Des visiteurs devant une façade restaurée {city}, {monthYear}.',
    ],
  },

  economie: {
    kickers: ['Conjoncture', 'Emploi', 'Industrie', 'Commerce', 'Agriculture', 'Immobilier', 'Économie'],
    themes: [
      'Économie', 'Inflation', 'Emploi', 'Industrie', 'Commerce extérieur', 'Immobilier', 'Agriculture',
      'Pouvoir d’achat', 'Croissance', 'Investissement',
    ],
    actors: [
      'le gouvernement', 'la banque centrale', 'le ministère de l’Industrie', 'la ministre de l’Économie',
      'le patronat', 'une fédération professionnelle', 'l’agence de développement des investissements',
      'le Haut-Commissariat au Plan', 'la chambre de commerce', 'le ministère de l’Agriculture',
    ],
    verbs: ['présente', 'dévoile', 'annonce', 'défend', 'prépare', 'lance', 'revoit', 'détaille'],
    objects: [
      'un plan de soutien aux petites entreprises', 'une réforme de la TVA',
      'un fonds d’investissement de plusieurs milliards de dirhams', 'ses prévisions de croissance',
      'une nouvelle stratégie industrielle', 'un programme d’aide aux agriculteurs',
      'des mesures contre la hausse des prix', 'un plan de relance du tourisme',
      'un dispositif de garantie de crédit', 'une zone d’accélération industrielle',
      'un programme d’investissement dans l’eau',
    ],
    subjects: [
      'la hausse des prix', 'le pouvoir d’achat', 'la réforme de la TVA', 'le chômage des jeunes',
      'le déficit commercial', 'la croissance économique', 'le secteur informel', 'l’inflation alimentaire',
      'l’investissement privé', 'la compétitivité industrielle',
    ],
    facts: [
      'les prix des produits alimentaires repartent à la hausse', 'l’inflation ralentit pour le troisième mois consécutif',
      'les exportations automobiles atteignent un niveau record', 'le chômage des jeunes reste très élevé',
      'la sécheresse pèse sur la récolte céréalière', 'les investissements étrangers progressent nettement',
      'le prix du carburant inquiète les transporteurs', 'les petites entreprises peinent à obtenir du crédit',
      'l’autorité de la concurrence soupçonne une entente sur les prix', 'le secteur du tourisme enchaîne les records',
      'les ménages réduisent leurs dépenses',
    ],
    places: [...MOROCCAN_CITIES, ...MOROCCAN_REGIONS, 'sur les marchés mondiaux', 'en Europe'],
    quotes: [
      'La croissance ne se décrète pas', 'Les ménages sont à bout', 'Nous devons produire ce que nous consommons',
      'Le crédit reste trop cher', 'L’informel n’est pas une fatalité', 'Il faut investir maintenant',
    ],
    speakers: [
      'la ministre de l’Économie', 'le président du patronat', 'un économiste',
      'le gouverneur de la banque centrale', 'une cheffe d’entreprise',
    ],
    roles: [
      ['économiste', 'économiste'],
      ['chef d’entreprise', 'cheffe d’entreprise'],
      ['analyste dans un cabinet de conseil', 'analyste dans un cabinet de conseil'],
      ['agriculteur dans le Gharb', 'agricultrice dans le Gharb'],
      ['professeur d’économie', 'professeure d’économie'],
      ['commerçant à Derb Omar', 'commerçante à Derb Omar'],
    ],
    debates: [
      'baisser la TVA sur les produits de première nécessité', 'plafonner les prix des carburants',
      'relever le salaire minimum', 'taxer davantage les grandes fortunes',
      'intégrer le secteur informel par l’impôt', 'subventionner la production locale',
    ],
    bodyQuotes: [
      'Les prix ont augmenté plus vite que les salaires, et les ménages modestes sont les premiers à en payer le prix.',
      'Nous avons des clients, des projets et des idées, ce qui nous manque, c’est un crédit à un coût raisonnable.',
      'L’industrie automobile a montré la voie, il faut maintenant reproduire ce modèle dans d’autres filières.',
      'Sans pluie, il n’y a pas de récolte, et sans récolte, c’est toute l’économie rurale qui s’arrête.',
      'Le secteur informel fait vivre des millions de familles, on ne peut pas le combattre sans leur proposer d’alternative.',
    ],
    headings: [
      'Des prix qui pèsent sur les ménages', 'L’industrie tire la croissance', 'La question du crédit',
      'L’agriculture face à la sécheresse', 'Des investisseurs attentifs', 'Un marché du travail tendu',
    ],
    listItems: [
      'Une baisse temporaire des droits de douane sur certains produits alimentaires',
      'Un fonds de garantie pour les prêts aux très petites entreprises',
      'La simplification des démarches de création d’entreprise',
      'Des incitations fiscales pour les investissements dans les régions',
      'Un soutien ciblé aux éleveurs touchés par la sécheresse', 'La modernisation des marchés de gros',
    ],
    sentences: [
      'Selon la dernière note de conjoncture, la croissance devrait atteindre {rate} cette année, portée par l’industrie et les services.',
      'Sur les marchés de gros, le prix de la tomate a pratiquement doublé en quelques semaines, au grand dam des consommateurs.',
      'Les exportations du secteur automobile ont dépassé {amount} l’an dernier, un niveau jamais atteint jusqu’ici.',
      'Les petites entreprises, qui représentent l’essentiel du tissu économique, dénoncent des délais de paiement toujours trop longs.',
      'La facture énergétique reste lourde, alors que le pays importe encore l’essentiel de ses besoins en hydrocarbures.',
      'Dans les campagnes, la succession des années sèches a réduit les revenus agricoles et poussé de nombreux jeunes vers les villes.',
      'L’inflation est revenue à {rate} sur un an, mais les prix de l’alimentation continuent de peser sur les budgets.',
    ],
    captions: [
      'Un marché de gros {city}, {monthYear}.',
      'Une chaîne de montage automobile {city}, {monthYear}.',
      'Des conteneurs sur les quais du port de Casablanca, {monthYear}.',
      'Un champ de blé asséché dans la région de Settat, {monthYear}.',
    ],
  },

  entreprises: {
    kickers: ['Entreprises', 'Start-up', 'Industrie', 'Management', 'Success-story', 'Tech'],
    themes: [
      'Start-up', 'Industrie', 'Distribution', 'Aéronautique', 'Agroalimentaire', 'Télécoms', 'BTP',
      'Transport aérien', 'Numérique', 'Franchise',
    ],
    actors: [
      'le groupe familial', 'une start-up casablancaise', 'le leader national du ciment',
      'un équipementier aéronautique', 'l’opérateur télécoms historique', 'une jeune pousse de la fintech',
      'le distributeur', 'une entreprise de logistique', 'le constructeur automobile',
      'une PME familiale de Fès', 'le géant de l’agroalimentaire',
    ],
    verbs: ['annonce', 'dévoile', 'lance', 'finalise', 'prépare', 'présente', 'accélère', 'officialise'],
    objects: [
      'une levée de fonds de 20 millions de dirhams', 'un nouveau site de production', 'son introduction en Bourse',
      'le rachat d’un concurrent', 'un plan de recrutement ambitieux', 'une application de paiement mobile',
      'un partenariat avec un groupe européen', 'son expansion en Afrique de l’Ouest',
      'une usine de batteries électriques', 'un plan de restructuration',
      'une offre de livraison en moins d’une heure',
    ],
    subjects: [
      'le financement des start-up', 'la transmission des entreprises familiales', 'la digitalisation du commerce',
      'la gouvernance des PME', 'l’industrie aéronautique', 'le secteur du BTP',
      'la logistique du dernier kilomètre', 'le recrutement des ingénieurs', 'l’export vers l’Afrique',
      'le paiement mobile',
    ],
    facts: [
      'les start-up marocaines lèvent des montants records', 'le groupe affiche un chiffre d’affaires en forte hausse',
      'les équipementiers aéronautiques multiplient les recrutements',
      'les entreprises familiales préparent leur succession', 'le secteur du BTP ralentit nettement',
      'les ingénieurs sont de plus en plus difficiles à recruter',
      'le fisc soupçonne plusieurs sociétés de fausses factures', 'les PME se tournent vers le commerce en ligne',
      'les grandes surfaces gagnent du terrain dans les villes moyennes', 'la fintech attire les investisseurs étrangers',
    ],
    places: [...MOROCCAN_CITIES, 'dans la zone franche de Tanger', 'en Afrique de l’Ouest', 'à Dakar', 'à Abidjan'],
    quotes: [
      'Nous voulons devenir un champion africain', 'Le talent est notre premier capital',
      'Nous embauchons, mais nous ne trouvons pas', 'Le marché local ne suffit plus', 'Il faut oser l’échec',
      'Nos clients veulent de la rapidité',
    ],
    speakers: [
      'le PDG du groupe', 'la fondatrice de la start-up', 'le directeur général',
      'une responsable des ressources humaines', 'le président du conseil d’administration',
    ],
    roles: [
      ['fondateur d’une start-up', 'fondatrice d’une start-up'],
      ['directeur financier', 'directrice financière'],
      ['consultant en stratégie', 'consultante en stratégie'],
      ['investisseur en capital-risque', 'investisseuse en capital-risque'],
      ['chef d’entreprise à Tanger', 'cheffe d’entreprise à Tanger'],
      ['responsable des ressources humaines', 'responsable des ressources humaines'],
    ],
    debates: [
      'faciliter l’accès des PME aux marchés publics', 'créer un visa pour les talents du numérique',
      'réduire les délais de paiement', 'ouvrir davantage la commande publique aux start-up',
      'alléger la fiscalité des jeunes entreprises',
    ],
    bodyQuotes: [
      'Nous avons commencé à trois dans un garage, aujourd’hui nous sommes plus de deux cents salariés répartis dans cinq pays.',
      'Le plus difficile n’est pas de trouver des clients, c’est de garder nos ingénieurs face aux offres venues de l’étranger.',
      'Une entreprise familiale qui ne prépare pas sa succession met en danger des dizaines d’emplois.',
      'Nos délais de paiement dépassent parfois six mois, et c’est notre trésorerie qui en souffre directement.',
      'L’Afrique de l’Ouest est notre prochain marché, nous y voyons une demande énorme et encore peu servie.',
    ],
    headings: [
      'Une croissance à deux chiffres', 'La bataille des talents', 'Cap sur l’Afrique', 'Un modèle encore fragile',
      'La tentation de la Bourse', 'Des concurrents aux aguets',
    ],
    listItems: [
      'L’ouverture de trois nouvelles agences d’ici la fin de l’année', 'Le recrutement de 150 ingénieurs et techniciens',
      'Un investissement dans une plateforme logistique à Tanger',
      'Le lancement d’une offre dédiée aux petits commerçants',
      'Un programme de formation interne pour les jeunes diplômés', 'La certification environnementale de ses usines',
    ],
    sentences: [
      'Fondée il y a moins de dix ans, l’entreprise emploie aujourd’hui plusieurs centaines de personnes et exporte une part croissante de sa production.',
      'Le chiffre d’affaires du groupe a progressé de {pct} sur l’exercice écoulé, une performance saluée par les analystes.',
      'La levée de fonds, menée auprès d’investisseurs marocains et européens, doit financer l’ouverture de nouveaux marchés.',
      'Dans la zone franche de Tanger, les équipementiers automobiles se disputent les techniciens formés dans les instituts spécialisés.',
      'Le dirigeant, issu de la troisième génération de la famille fondatrice, a engagé une profonde réorganisation de la gouvernance.',
      'Les concurrents, eux, n’ont pas tardé à réagir en baissant leurs prix et en multipliant les promotions.',
      'L’usine, inaugurée {monthYear}, doit employer à terme plus de {count} personnes selon la direction.',
    ],
    captions: [
      'Une chaîne de production dans une usine {city}, {monthYear}.',
      'Les locaux d’une start-up {city}, {monthYear}.',
      'Un entrepôt logistique {city}, {monthYear}.',
      'Des techniciens dans un atelier aéronautique {city}, {monthYear}.',
    ],
  },

  finances: {
    kickers: ['Marchés', 'Bourse', 'Banques', 'Assurances', 'Placements', 'Crédit'],
    themes: [
      'Bourse de Casablanca', 'Taux directeur', 'Crédit', 'Assurances', 'Dirham', 'Épargne',
      'Finance participative', 'Dette publique', 'Banques', 'Marchés',
    ],
    actors: [
      'la banque centrale', 'le régulateur des marchés', 'une grande banque de la place',
      'l’autorité de contrôle des assurances', 'le Trésor', 'un fonds d’investissement', 'une société de gestion',
      'la Bourse de Casablanca', 'un assureur', 'le ministère des Finances',
    ],
    verbs: ['annonce', 'dévoile', 'prépare', 'présente', 'lance', 'revoit', 'détaille', 'défend'],
    objects: [
      'son taux directeur', 'une nouvelle émission obligataire', 'un produit d’épargne pour les jeunes',
      'de nouvelles règles pour le crédit à la consommation', 'ses prévisions d’inflation',
      'un indice dédié aux valeurs durables', 'une offre de financement participatif',
      'un plan de digitalisation de ses agences', 'une réforme du marché des changes',
      'un dispositif de protection des épargnants',
    ],
    subjects: [
      'le taux directeur', 'la flexibilité du dirham', 'le crédit immobilier', 'l’épargne des ménages',
      'la dette publique', 'la finance participative', 'le marché obligataire', 'la bancarisation',
      'le crédit à la consommation', 'l’assurance maladie complémentaire',
    ],
    facts: [
      'la Bourse de Casablanca enchaîne les séances de hausse', 'les banques resserrent les conditions de crédit',
      'les taux des crédits immobiliers commencent à baisser', 'l’épargne des ménages atteint un niveau historique',
      'le dirham se stabilise face à l’euro', 'les introductions en Bourse se multiplient',
      'le régulateur soupçonne des délits d’initiés', 'les assureurs augmentent leurs primes',
      'la dette du Trésor progresse plus vite que prévu', 'les paiements mobiles séduisent une clientèle plus jeune',
    ],
    places: [...MOROCCAN_CITIES, 'sur la place casablancaise', 'sur les marchés internationaux', 'au Maroc'],
    quotes: [
      'L’inflation reste sous contrôle', 'Le crédit doit redevenir accessible', 'La Bourse n’est pas un casino',
      'Les épargnants méritent plus de transparence', 'Nous resterons prudents', 'Le marché a besoin de nouvelles valeurs',
    ],
    speakers: [
      'le gouverneur de la banque centrale', 'un gérant de portefeuille', 'la présidente du régulateur',
      'un analyste financier', 'le directeur d’une grande banque',
    ],
    roles: [
      ['analyste financier', 'analyste financière'],
      ['gérant de portefeuille', 'gérante de portefeuille'],
      ['banquier d’affaires', 'banquière d’affaires'],
      ['conseiller en gestion de patrimoine', 'conseillère en gestion de patrimoine'],
      ['économiste dans une banque de la place', 'économiste dans une banque de la place'],
      ['actuaire', 'actuaire'],
    ],
    debates: [
      'baisser le taux directeur', 'élargir la flexibilité du dirham',
      'plafonner les taux des crédits à la consommation', 'encourager l’actionnariat populaire',
      'mieux protéger les petits épargnants',
    ],
    bodyQuotes: [
      'Les taux ont atteint un niveau qui freine l’investissement, une baisse progressive serait aujourd’hui justifiée.',
      'Les petits porteurs reviennent en Bourse, mais beaucoup achètent sans vraiment comprendre les risques qu’ils prennent.',
      'Le crédit immobilier reste inaccessible pour une grande partie de la classe moyenne, malgré les aides publiques.',
      'Nous devons offrir aux épargnants des produits simples, lisibles et adaptés à leurs objectifs de long terme.',
      'Le marché a besoin de nouvelles introductions pour gagner en profondeur et attirer les investisseurs étrangers.',
    ],
    headings: [
      'Une politique monétaire prudente', 'Les épargnants à l’affût', 'Le crédit au ralenti',
      'Une Bourse qui reprend des couleurs', 'La dette sous surveillance', 'Des banques plus sélectives',
    ],
    listItems: [
      'Un relèvement du plafond des comptes d’épargne défiscalisés',
      'L’obligation de publier le coût total du crédit', 'La création d’un compartiment boursier pour les PME',
      'Un délai de réflexion pour les crédits à la consommation',
      'Le renforcement des contrôles sur les intermédiaires', 'Une campagne nationale d’éducation financière',
    ],
    sentences: [
      'Le principal indice de la place a gagné {pct} depuis le début de l’année, porté par les valeurs bancaires et immobilières.',
      'La banque centrale a choisi de maintenir son taux directeur inchangé, estimant que les pressions inflationnistes restent contenues.',
      'Les encours de crédit aux entreprises progressent à un rythme modéré, signe d’un investissement encore hésitant.',
      'Le Trésor a levé {amount} lors de sa dernière adjudication, à des taux légèrement inférieurs à ceux du mois précédent.',
      'Les banques de la place poursuivent leur expansion sur le continent, où elles réalisent une part importante de leurs bénéfices.',
      'Pour les épargnants, le choix reste limité entre des comptes peu rémunérés et des placements jugés trop risqués.',
      'Le taux moyen des crédits immobiliers s’établit désormais autour de {rate}, un niveau qui reste dissuasif pour beaucoup de ménages.',
    ],
    captions: [
      'Le hall de la Bourse de Casablanca, {monthYear}.',
      'Une agence bancaire {city}, {monthYear}.',
      'Le siège de la banque centrale à Rabat, {monthYear}.',
      'Un écran affichant les cours de la Bourse, {monthYear}.',
    ],
  },

  durabilite: {
    kickers: ['Transition', 'Énergie', 'Climat', 'RSE', 'Innovation verte', 'Eau'],
    themes: [
      'Énergie', 'Transition énergétique', 'Hydrogène vert', 'Eau', 'Recyclage', 'Mobilité durable',
      'Économie circulaire', 'Agriculture durable', 'Dessalement', 'Bâtiment',
    ],
    actors: [
      'l’office national de l’eau', 'l’agence pour l’énergie durable', 'le ministère de la Transition énergétique',
      'un consortium international', 'la région', 'une coopérative agricole', 'un groupe industriel', 'la ville',
      'une start-up spécialisée dans le recyclage', 'le groupe minier',
    ],
    verbs: ['annonce', 'lance', 'inaugure', 'dévoile', 'présente', 'prépare', 'accélère', 'finance'],
    objects: [
      'une station de dessalement', 'un parc éolien de nouvelle génération', 'un projet d’hydrogène vert',
      'un programme d’irrigation au goutte-à-goutte', 'une filière de recyclage des plastiques', 'une centrale solaire',
      'un réseau de bus électriques', 'un plan de rénovation énergétique des bâtiments publics',
      'une usine de traitement des eaux usées', 'un réseau de bornes de recharge',
    ],
    subjects: [
      'la transition énergétique', 'le dessalement de l’eau de mer', 'la gestion de l’eau', 'l’hydrogène vert',
      'le recyclage des déchets', 'la mobilité électrique', 'l’efficacité énergétique', 'l’économie circulaire',
      'la décarbonation de l’industrie', 'le stockage de l’énergie',
    ],
    facts: [
      'la part des énergies renouvelables continue de progresser', 'les nappes phréatiques baissent dangereusement',
      'les industriels investissent massivement dans le solaire', 'l’électricité verte devient compétitive',
      'les projets de dessalement se multiplient sur la côte atlantique', 'le recyclage des plastiques reste marginal',
      'les agriculteurs adoptent l’irrigation au goutte-à-goutte',
      'les exportateurs anticipent la taxe carbone européenne', 'les villes testent des bus électriques',
      'les entreprises publient davantage de rapports extra-financiers',
    ],
    places: [...MOROCCAN_CITIES, 'dans le Souss', 'dans les provinces du Sud', 'près d’Ouarzazate', 'sur la côte atlantique'],
    quotes: [
      'Chaque goutte compte désormais', 'Le soleil est notre pétrole', 'La transition crée des emplois',
      'Nous n’avons plus le luxe d’attendre', 'Le recyclage doit devenir un réflexe', 'L’eau est devenue stratégique',
    ],
    speakers: [
      'la ministre de la Transition énergétique', 'le directeur de l’agence de l’eau', 'un ingénieur hydraulicien',
      'une responsable de coopérative', 'le président de la région',
    ],
    roles: [
      ['ingénieur en énergies renouvelables', 'ingénieure en énergies renouvelables'],
      ['hydrologue', 'hydrologue'],
      ['consultant en développement durable', 'consultante en développement durable'],
      ['agriculteur dans le Souss', 'agricultrice dans le Souss'],
      ['chercheur en climatologie', 'chercheuse en climatologie'],
      ['responsable RSE d’un groupe industriel', 'responsable RSE d’un groupe industriel'],
    ],
    debates: [
      'taxer davantage la consommation d’eau', 'interdire les cultures les plus gourmandes en eau',
      'imposer des panneaux solaires sur les bâtiments neufs', 'généraliser la réutilisation des eaux usées',
      'avancer la sortie du charbon',
    ],
    bodyQuotes: [
      'Le dessalement n’est pas une solution miracle, il consomme beaucoup d’énergie et doit être pensé avec le solaire.',
      'Nous avons réduit de moitié notre consommation d’eau en trois ans, sans perdre en rendement.',
      'Les industriels qui exportent vers l’Europe n’ont plus le choix, ils doivent mesurer et réduire leurs émissions.',
      'La transition énergétique peut créer des dizaines de milliers d’emplois, à condition de former les techniciens dès maintenant.',
      'Tant que l’eau restera aussi peu chère pour certains usages, il sera difficile de changer les comportements.',
    ],
    headings: [
      'L’eau, une ressource sous tension', 'Le pari du solaire', 'Des industriels sous pression',
      'Un modèle à inventer', 'La facture de la transition', 'Des résultats encourageants',
    ],
    listItems: [
      'La construction de trois nouvelles stations de dessalement',
      'Un objectif de 52 % d’électricité d’origine renouvelable',
      'La réutilisation des eaux usées pour l’arrosage des espaces verts',
      'Des aides pour l’installation de chauffe-eau solaires', 'Un calendrier de sortie progressive du charbon',
      'La création d’une filière de recyclage des batteries',
    ],
    sentences: [
      'La future station de dessalement devrait produire plusieurs centaines de millions de mètres cubes par an.',
      'Le parc solaire, installé aux portes du désert, alimente déjà plusieurs centaines de milliers de foyers.',
      'Dans le Souss, les agriculteurs ont dû réduire les surfaces cultivées, faute d’eau suffisante pour irriguer leurs parcelles.',
      'Les exportateurs redoutent l’entrée en vigueur du mécanisme d’ajustement carbone aux frontières de l’Union européenne.',
      'Selon les projections, la demande en eau pourrait dépasser l’offre disponible de {pct} d’ici {futureYear} si rien ne change.',
      'Les bus électriques testés depuis {year} ont convaincu les usagers, mais leur coût d’achat reste un frein pour les collectivités.',
      'Le projet représente un investissement de {amount}, financé en partie par des banques de développement.',
    ],
    captions: [
      'Des panneaux solaires près d’Ouarzazate, {monthYear}.',
      'Le chantier d’une station de dessalement {city}, {monthYear}.',
      'Un barrage à un niveau historiquement bas, {monthYear}.',
      'Un centre de tri des déchets {city}, {monthYear}.',
    ],
  },

  opinions: {
    kickers: ['Tribune', 'Éditorial', 'Point de vue', 'Débat', 'Idées', 'Contrepoint', 'Opinion'],
    ownKickersOnly: true,
    themes: [
      'Débat', 'Démocratie', 'Éducation', 'Jeunesse', 'Liberté de la presse', 'Égalité',
      'Souveraineté alimentaire', 'Modèle de développement', 'Service public', 'Langues',
    ],
    actors: [
      'le gouvernement', 'l’école publique', 'la société civile', 'le Parlement', 'notre diplomatie', 'l’État',
      'la classe politique', 'l’université', 'le patronat', 'la majorité', 'l’opposition', 'notre système éducatif',
    ],
    verbs: [
      'doit repenser', 'néglige', 'sous-estime', 'doit assumer', 'ne peut plus ignorer', 'doit accélérer', 'oublie',
      'ne mesure pas encore', 'doit enfin affronter',
    ],
    objects: [
      'la question de l’eau', 'la place des jeunes', 'le défi climatique', 'la réforme de l’école',
      'l’urgence sociale', 'la fracture territoriale', 'l’exigence de transparence', 'la santé mentale',
      'la souveraineté alimentaire', 'la classe moyenne', 'l’avenir des campagnes', 'la question des retraites',
      'la réforme de la santé', 'la place de la culture',
    ],
    subjects: [
      'la fracture territoriale', 'le modèle de développement', 'la liberté d’expression', 'l’école publique',
      'la place des femmes dans l’économie', 'la souveraineté alimentaire', 'la question linguistique',
      'la confiance dans les institutions', 'la santé mentale des jeunes', 'le service public',
      'la place des jeunes dans la vie publique', 'la condition des enseignants', 'l’égalité entre les territoires',
      'la culture du débat', 'la question de l’eau', 'la justice sociale',
    ],
    facts: [
      'l’administration reste trop éloignée des citoyens', 'les diplômés quittent le pays faute de perspectives',
      'les politiques publiques manquent d’évaluation', 'le débat sur l’eau arrive bien trop tard',
      'la société civile peine à se faire entendre',
      'le débat public s’appauvrit à mesure que les réseaux sociaux s’imposent', 'les jeunes se détournent de la politique',
      'la classe moyenne se sent oubliée', 'les inégalités territoriales persistent',
      'l’école publique perd la confiance des familles', 'les réformes s’enchaînent sans évaluation sérieuse',
      'la parole des experts est de plus en plus contestée', 'les villes grandissent plus vite que les services publics',
      'nous confondons trop souvent croissance et développement',
    ],
    places: [...MOROCCAN_CITIES.slice(0, 8), 'au Maroc', 'dans nos campagnes', 'dans nos villes'],
    quotes: [
      'Osons la confiance', 'L’école est notre seule vraie richesse', 'Ne sacrifions pas la jeunesse',
      'Le silence n’est pas une politique', 'La croissance sans partage ne suffit pas', 'Réapprenons à débattre',
      'L’avenir ne s’improvise pas', 'Écoutons enfin les régions', 'La jeunesse n’est pas un problème',
      'Le courage politique existe encore',
    ],
    speakers: [
      'un ancien ministre', 'une universitaire', 'un chef d’entreprise', 'une militante associative', 'un économiste',
      'une ancienne diplomate', 'un professeur de philosophie', 'une jeune entrepreneuse',
    ],
    roles: [
      ['professeur de sciences politiques', 'professeure de sciences politiques'],
      ['essayiste', 'essayiste'],
      ['ancien diplomate', 'ancienne diplomate'],
      ['chef d’entreprise', 'cheffe d’entreprise'],
      ['militant des droits humains', 'militante des droits humains'],
      ['philosophe', 'philosophe'],
    ],
    debates: [
      'repenser notre modèle de développement', 'faire de l’école publique une priorité absolue',
      'redonner la parole aux régions', 'investir massivement dans la santé mentale',
      'protéger la liberté de la presse', 'en finir avec la culture du diplôme', 'parler enfin de la classe moyenne',
      'revaloriser le métier d’enseignant', 'simplifier enfin l’administration', 'écouter davantage la société civile',
      'évaluer sérieusement les politiques publiques', 'réconcilier croissance et justice sociale',
      'donner plus d’autonomie aux universités', 'rendre la parole publique plus transparente',
    ],
    bodyQuotes: [
      'Une société qui ne fait plus confiance à son école se condamne à reproduire ses inégalités.',
      'Le progrès ne se mesure pas seulement en points de croissance, mais aussi en années d’espérance de vie.',
      'On ne construit rien de durable sans écouter ceux qui vivent les problèmes au quotidien.',
      'La critique n’est pas une trahison, elle est au contraire la condition de toute réforme réussie.',
      'Nos enfants nous jugeront moins sur nos discours que sur les choix que nous aurons eu le courage de faire.',
    ],
    headings: [
      'Un diagnostic partagé', 'Sortir des faux débats', 'Le courage de réformer', 'Ce que nous devons aux jeunes',
      'Une responsabilité collective', 'Pour une méthode nouvelle',
    ],
    listItems: [
      'Évaluer chaque réforme de façon indépendante avant de la généraliser',
      'Publier systématiquement les données publiques qui ne relèvent pas du secret',
      'Associer les régions à la définition des priorités budgétaires',
      'Donner aux enseignants les moyens et la reconnaissance qu’ils méritent',
      'Créer des espaces de débat ouverts aux jeunes dans chaque commune',
    ],
    sentences: [
      'Il serait illusoire de croire que la croissance suffira, à elle seule, à réduire les écarts entre les régions.',
      'Nous avons trop longtemps considéré l’éducation comme une dépense, alors qu’elle est le plus rentable des investissements.',
      'Le débat mérite mieux que les invectives qui saturent aujourd’hui les réseaux sociaux et les plateaux de télévision.',
      'Chaque génération a eu ses combats, celui de la nôtre sera sans doute celui de l’eau et du climat.',
      'On aurait tort de réduire cette question à une querelle d’experts, car elle engage l’avenir de millions de familles.',
      'Il est temps de regarder la réalité en face et de tirer enfin les leçons des réformes inachevées.',
      'La confiance ne se décrète pas, elle se construit patiemment, par des actes cohérents et des résultats vérifiables.',
      'Nous devons {debate}, non par idéologie, mais parce que les chiffres ne laissent guère d’autre choix.',
    ],
    captions: ['Une rue commerçante {city}, {monthYear}.', 'Des lycéens à la sortie des cours {city}, {monthYear}.'],
    titles: [
      'Il est temps {deDebate}',
      'Pourquoi il faut {debate}',
      'Osons {debate}, il y a urgence',
      '{Subject}, cette urgence que l’on oublie',
      '{Subject} mérite mieux qu’un débat d’experts',
      'Cessons de sacrifier {subject}',
      'Pour en finir avec le déni sur {subject}',
      'Pourquoi {actor} {verb} {object}',
      'Ce que {subject} dit de nous',
    ],
    topicSentenceWeight: 0.55,
    soft: true,
    predicates: [
      'relance le débat', 'mérite un vrai débat', 'appelle des réponses urgentes', 'engage notre avenir commun',
      'reste le grand angle mort des politiques publiques', 'divise jusque dans les familles', 'dit beaucoup de notre époque',
      'ne peut plus attendre',
    ],
    standfirsts: [
      'Alors {queFact}, il est temps {deDebate}, estime {person}. Une tribune pour sortir des faux débats.',
      'Pour {person}, {fact}. Il faut désormais {debate}, sans attendre que la situation s’aggrave encore.',
      '{Subject} {pred}. Dans cette tribune, {person} appelle à {debate} et à sortir enfin des postures habituelles.',
      'On ne pourra pas ignorer éternellement {subject}. {Fact}, et le silence des responsables devient chaque jour plus assourdissant.',
      '{Fact}, et il serait tentant de s’en accommoder. Ce serait une erreur, répond {person}, qui propose {deDebate}.',
    ],
  },

  monde: {
    kickers: ['International', 'Afrique', 'Europe', 'Amériques', 'Asie', 'Vu d’ailleurs', 'Moyen-Orient'],
    themes: [
      'Afrique', 'Union européenne', 'États-Unis', 'Élections', 'Migrations', 'Diplomatie', 'Humanitaire',
      'Sahel', 'Moyen-Orient', 'Asie',
    ],
    actors: [
      'l’Union européenne', 'la Commission européenne', 'l’Union africaine', 'le Parlement européen',
      'le président américain', 'le gouvernement espagnol', 'l’ONU', 'la Banque mondiale',
      'le nouveau Premier ministre', 'le gouvernement sénégalais', 'la Cédéao',
    ],
    verbs: ['annonce', 'présente', 'dévoile', 'prépare', 'défend', 'propose', 'soutient'],
    objects: [
      'un plan d’aide aux pays du Sahel', 'un nouveau pacte sur la migration', 'un accord commercial',
      'une aide humanitaire d’urgence', 'un programme de reconstruction', 'une réforme de l’aide au développement',
      'un sommet sur le climat', 'des sanctions ciblées', 'un plan pour les infrastructures africaines',
      'un cessez-le-feu provisoire',
    ],
    subjects: [
      'la question migratoire', 'la crise au Sahel', 'la dette des pays africains', 'l’élection présidentielle américaine',
      'la relation entre l’Europe et l’Afrique', 'la sécurité alimentaire mondiale', 'le commerce transatlantique',
      'l’élargissement de l’Union européenne', 'la coopération Sud-Sud', 'l’aide au développement',
    ],
    facts: [
      'les négociations reprennent à Bruxelles', 'les électeurs se rendent aux urnes dans plusieurs pays africains',
      'les élections approchent dans plusieurs pays européens',
      'les traversées vers l’Europe repartent à la hausse', 'la tension monte entre plusieurs pays de la région',
      'le prix du blé inquiète les pays importateurs', 'les investissements chinois en Afrique ralentissent',
      'les ONG alertent sur une crise humanitaire', 'la coalition au pouvoir vacille',
      'plusieurs capitales africaines accueillent des sommets économiques',
      'les observateurs soupçonnent des irrégularités dans le décompte des voix',
    ],
    places: WORLD_PLACES,
    quotes: [
      'L’Afrique n’attend plus', 'Nous voulons des partenaires, pas des tuteurs', 'La paix se construit pas à pas',
      'Le temps presse pour les civils', 'Aucun pays ne s’en sortira seul', 'Cet accord est historique',
    ],
    speakers: [
      'le secrétaire général de l’ONU', 'la présidente de la Commission européenne',
      'le ministre sénégalais des Affaires étrangères', 'une responsable humanitaire',
      'le porte-parole de l’Union africaine',
    ],
    roles: [
      ['chercheur en relations internationales', 'chercheuse en relations internationales'],
      ['ancien ambassadeur', 'ancienne ambassadrice'],
      ['correspondant à Bruxelles', 'correspondante à Bruxelles'],
      ['responsable d’une ONG humanitaire', 'responsable d’une ONG humanitaire'],
      ['spécialiste de l’Afrique de l’Ouest', 'spécialiste de l’Afrique de l’Ouest'],
      ['politologue', 'politologue'],
    ],
    debates: [
      'réformer le Conseil de sécurité', 'annuler une partie de la dette africaine',
      'ouvrir de nouvelles voies de migration légale', 'taxer les transactions financières internationales',
      'conditionner l’aide au développement',
    ],
    bodyQuotes: [
      'Les pays africains ne veulent plus être les spectateurs de décisions prises ailleurs, ils veulent siéger à la table.',
      'Derrière les chiffres de la migration, il y a des familles entières qui ont tout perdu avant même de partir.',
      'Cet accord est un premier pas, mais il ne vaudra que par la manière dont il sera appliqué sur le terrain.',
      'La dette étouffe des économies qui auraient besoin d’investir massivement dans l’éducation et la santé.',
      'On parle beaucoup de sécurité, beaucoup moins des raisons qui poussent les jeunes à rejoindre les groupes armés.',
    ],
    headings: [
      'Un sommet sous tension', 'L’Afrique en position de force', 'Des équilibres fragiles', 'La voix des civils',
      'Bruxelles temporise', 'Un accord encore incertain',
    ],
    listItems: [
      'Un fonds commun pour les infrastructures régionales', 'La levée progressive de certaines barrières douanières',
      'Un mécanisme de suivi confié à des observateurs indépendants',
      'Des couloirs humanitaires ouverts pendant trois mois', 'Un calendrier de négociations jusqu’à la fin de l’année',
    ],
    sentences: [
      'Les discussions, entamées il y a plus de deux ans, ont longtemps achoppé sur la question du financement.',
      'À Bruxelles, plusieurs diplomates reconnaissent en privé que le texte final a été largement édulcoré.',
      'Sur place, les organisations humanitaires décrivent des camps saturés et des besoins qui ne cessent d’augmenter.',
      'Le scrutin s’est déroulé dans le calme, malgré des files d’attente interminables devant certains bureaux de vote.',
      'Les pays du Sud réclament depuis longtemps une réforme des institutions financières internationales.',
      'L’aide promise s’élève à {amount}, un montant jugé très insuffisant par les organisations non gouvernementales.',
    ],
    captions: [
      'Des délégués lors de l’ouverture d’un sommet {city}, {monthYear}.',
      'Un camp de déplacés {city}, {monthYear}.',
      'Des électeurs devant un bureau de vote {city}, {monthYear}.',
      'Une conférence de presse {city}, {monthYear}.',
    ],
    currency: 'dollars',
  },

  geopolitique: {
    kickers: ['Géopolitique', 'Diplomatie', 'Défense', 'Grand angle', 'Stratégie', 'Sécurité'],
    themes: [
      'Diplomatie', 'Défense', 'Sahel', 'Méditerranée', 'Énergie', 'Alliances', 'Sécurité maritime',
      'Routes commerciales', 'Cybersécurité', 'Matières premières',
    ],
    actors: [
      'la diplomatie marocaine', 'Rabat', 'Washington', 'Pékin', 'Bruxelles', 'Paris', 'Madrid', 'l’Otan',
      'l’Union africaine', 'le Conseil de sécurité', 'Ankara',
    ],
    verbs: ['renforce', 'redéfinit', 'consolide', 'prépare', 'défend', 'relance', 'repense'],
    objects: [
      'sa présence en Afrique de l’Ouest', 'un partenariat stratégique avec les pays du Golfe',
      'sa stratégie en Méditerranée', 'un accord de défense', 'ses alliances énergétiques',
      'la sécurité de ses routes maritimes', 'sa coopération avec le Sahel', 'un projet de gazoduc atlantique',
      'une nouvelle doctrine de cybersécurité', 'son influence dans l’Atlantique',
    ],
    subjects: [
      'la rivalité sino-américaine', 'la sécurité en Méditerranée', 'la course aux minerais stratégiques',
      'la stabilité du Sahel', 'le gazoduc atlantique', 'la diplomatie économique', 'la puissance maritime',
      'la cybersécurité', 'le multilatéralisme', 'l’influence des puissances moyennes',
    ],
    facts: [
      'les puissances moyennes s’affirment sur la scène internationale', 'la course aux métaux critiques s’intensifie',
      'les routes maritimes deviennent un enjeu stratégique', 'les alliances se recomposent en Afrique',
      'les dépenses militaires atteignent des niveaux records',
      'les cyberattaques visent de plus en plus les infrastructures', 'le Golfe multiplie les investissements en Afrique',
      'les services de renseignement soupçonnent une campagne de désinformation',
      'l’Europe cherche à réduire sa dépendance énergétique',
    ],
    places: STRATEGIC_PLACES,
    quotes: [
      'Le monde est redevenu multipolaire', 'La mer est notre nouvelle frontière', 'Il n’y a pas de sécurité sans développement',
      'Les alliances ne sont plus éternelles', 'L’Afrique n’est plus un terrain de jeu',
    ],
    speakers: [
      'un diplomate européen', 'le ministre des Affaires étrangères', 'une spécialiste des questions de défense',
      'le secrétaire général de l’Otan', 'un ancien chef d’état-major',
    ],
    roles: [
      ['spécialiste des questions de défense', 'spécialiste des questions de défense'],
      ['ancien ambassadeur', 'ancienne ambassadrice'],
      ['chercheur en géopolitique', 'chercheuse en géopolitique'],
      ['ancien officier de marine', 'ancienne officière de marine'],
      ['professeur de relations internationales', 'professeure de relations internationales'],
    ],
    debates: [
      'créer une force africaine de réaction rapide', 'réformer le Conseil de sécurité',
      'sécuriser les câbles sous-marins', 'bâtir une défense européenne autonome', 'encadrer le commerce des métaux critiques',
    ],
    bodyQuotes: [
      'Le rapport de force a changé, et les puissances moyennes entendent désormais peser sur les grandes décisions.',
      'Celui qui contrôle les routes maritimes contrôle une part essentielle du commerce mondial.',
      'La guerre de l’information est devenue permanente, elle ne connaît ni trêve ni frontières.',
      'On ne stabilisera pas le Sahel avec des seules réponses militaires, il faut des écoles, des routes et des emplois.',
      'L’énergie est redevenue une arme, et chaque pays révise ses dépendances avec beaucoup de soin.',
    ],
    headings: [
      'Un nouvel équilibre des forces', 'La bataille des routes maritimes', 'Le retour des blocs',
      'L’Afrique, terrain de rivalités', 'L’énergie comme levier', 'Une diplomatie plus offensive',
    ],
    listItems: [
      'Un renforcement de la coopération en matière de renseignement',
      'Des exercices navals conjoints au large des côtes atlantiques',
      'Un accord de principe sur le gazoduc reliant l’Afrique de l’Ouest à l’Europe',
      'La création d’un centre régional de lutte contre les cyberattaques',
      'Un dialogue stratégique annuel au niveau ministériel',
    ],
    sentences: [
      'Les grandes puissances multiplient les visites officielles sur le continent, signe d’une compétition de plus en plus ouverte.',
      'Le projet de gazoduc, long de plusieurs milliers de kilomètres, traverserait une dizaine de pays avant d’atteindre l’Europe.',
      'Les dépenses militaires mondiales ont atteint un niveau inédit depuis la fin de la guerre froide.',
      'Dans les chancelleries, on s’inquiète de la multiplication des incidents en mer et de leurs conséquences sur le commerce.',
      'La compétition pour les métaux critiques redessine la carte des partenariats entre producteurs et industriels.',
      'Pour les pays riverains, la sécurité du détroit reste une priorité absolue, tant pour le commerce que pour l’énergie.',
    ],
    captions: [
      'Un porte-conteneurs au large du détroit de Gibraltar, {monthYear}.',
      'Une réunion ministérielle {city}, {monthYear}.',
      'Des militaires lors d’un exercice conjoint, {monthYear}.',
    ],
    currency: 'dollars',
  },

  sports: {
    kickers: ['Football', 'Athlétisme', 'Tennis', 'Lions de l’Atlas', 'Botola', 'Mondial 2030', 'Basket'],
    themes: [
      'Football', 'Botola', 'Coupe d’Afrique', 'Mondial 2030', 'Athlétisme', 'Tennis', 'Basket',
      'Sports de combat', 'Handball', 'Cyclisme',
    ],
    actors: [
      'la sélection nationale', 'le club casablancais', 'l’équipe fassie', 'le promu tangérois', 'la fédération',
      'le sélectionneur', 'l’entraîneur', 'la capitaine des Lionnes de l’Atlas', 'le comité d’organisation',
      'le club de la capitale',
    ],
    verbs: ['présente', 'dévoile', 'prépare', 'annonce', 'lance', 'finalise', 'défend', 'officialise'],
    objects: [
      'son groupe pour la Coupe d’Afrique', 'un nouveau centre de formation', 'un plan pour les jeunes talents',
      'la rénovation du stade', 'sa liste pour les matchs amicaux', 'une stratégie pour le Mondial 2030',
      'un programme de détection dans les quartiers', 'le recrutement d’un attaquant international',
      'un tournoi international de jeunes', 'un partenariat avec un club européen',
    ],
    subjects: [
      'la préparation du Mondial 2030', 'le championnat national', 'la formation des jeunes', 'la sélection féminine',
      'la billetterie des stades', 'l’arbitrage vidéo', 'le sport scolaire', 'la professionnalisation des clubs',
      'le demi-fond marocain', 'la sécurité dans les stades',
    ],
    facts: [
      'les Lions de l’Atlas enchaînent une nouvelle série de victoires', 'le club casablancais s’impose dans le derby',
      'les Lionnes de l’Atlas se qualifient pour la phase finale', 'les stades se remplissent à nouveau',
      'le championnat national gagne en intensité', 'les jeunes athlètes brillent aux championnats d’Afrique',
      'le promu tangérois crée la surprise', 'les travaux des stades avancent à grande vitesse',
      'la fédération soupçonne des matchs arrangés en division inférieure', 'les clubs peinent à boucler leur budget',
    ],
    places: [...MOROCCAN_CITIES, 'à domicile', 'en Afrique du Sud', 'au Caire', 'à Abidjan'],
    quotes: [
      'Nous jouons pour tout un peuple', 'Ce titre, on l’a arraché', 'Le Mondial commence maintenant',
      'Nos jeunes n’ont peur de personne', 'Il faut rester humbles', 'Un derby n’est jamais un match comme les autres',
    ],
    speakers: ['le sélectionneur', 'la capitaine', 'l’entraîneur du club', 'le président de la fédération', 'le jeune buteur'],
    roles: [
      ['entraîneur', 'entraîneuse'],
      ['ancien international', 'ancienne internationale'],
      ['journaliste sportif', 'journaliste sportive'],
      ['préparateur physique', 'préparatrice physique'],
      ['président de club', 'présidente de club'],
      ['supporter depuis trente ans', 'supportrice depuis trente ans'],
    ],
    debates: [
      'instaurer un plafond salarial dans le championnat', 'généraliser l’arbitrage vidéo',
      'rendre le sport obligatoire au lycée', 'construire des stades plus petits',
      'limiter le nombre de joueurs étrangers',
    ],
    bodyQuotes: [
      'On savait que ce serait un match difficile, mais les joueurs ont montré un caractère exceptionnel jusqu’au bout.',
      'Le centre de formation est notre meilleure assurance, c’est là que se prépare l’équipe des dix prochaines années.',
      'Quand le stade chante comme ce soir, les jambes ne sont plus lourdes, on joue pour les gens.',
      'Nous avons des talents partout dans le pays, il faut simplement aller les chercher et leur donner leur chance.',
      'Je ne pense pas encore au titre, je pense au prochain match et à la manière de corriger nos erreurs.',
    ],
    headings: [
      'Un collectif en confiance', 'Le banc a fait la différence', 'Objectif Mondial 2030', 'Une formation qui paie',
      'Des tribunes enfin pleines', 'La fin de saison s’annonce serrée',
    ],
    listItems: [
      'Deux matchs amicaux prévus en Europe pendant la trêve', 'La rénovation complète de la pelouse et des vestiaires',
      'L’intégration de cinq joueurs issus du centre de formation', 'Un nouveau système de billetterie électronique',
      'Un stage de préparation en altitude à Ifrane',
    ],
    sentences: [
      'Devant plus de {count} spectateurs, les locaux ont ouvert le score juste avant la pause sur un coup franc parfaitement enroulé.',
      'L’entraîneur a choisi de faire tourner son effectif, laissant plusieurs cadres sur le banc au coup d’envoi.',
      'Avec cette victoire, le club revient à deux points du leader à sept journées de la fin du championnat.',
      'Les travaux du grand stade de Casablanca avancent à un rythme soutenu, selon le comité d’organisation.',
      'Le jeune milieu de terrain, formé au club, a disputé cette saison son premier match en équipe nationale.',
      'En athlétisme, le demi-fond reste la discipline reine, portée par une longue tradition de champions.',
      'Le match s’est achevé sur le score de {score}, au terme d’une seconde période largement dominée par les visiteurs.',
    ],
    captions: [
      'Les supporters dans les tribunes {city}, {monthYear}.',
      'Un joueur célèbre un but lors d’un match de championnat, {monthYear}.',
      'Le chantier d’un stade {city}, {monthYear}.',
      'Une course de demi-fond lors d’un meeting d’athlétisme, {monthYear}.',
    ],
    titles: [
      '{Team} s’impose {score} {versus}',
      '{Team} concède le nul {versus}',
      '{Team} chute à domicile {versus}',
      'Botola : {team} s’impose {score} {versus}',
      'Derby : {team} l’emporte {score} et prend la tête',
    ],
    titleBoost: 1.5,
    extras: {
      team: [
        'le club casablancais', 'l’équipe fassie', 'le promu tangérois', 'la formation de Rabat', 'le club oujdi',
        'le club de Safi', 'l’équipe agadirie', 'le club de Kénitra',
      ],
      versus: [
        'face au club de Berkane', 'face à l’équipe de Settat', 'contre le voisin de Salé', 'face au champion en titre',
        'contre la lanterne rouge', 'face au club de Khouribga', 'face au leader du championnat',
      ],
      score: ['1-0', '2-1', '3-1', '2-0', '3-2', '4-1', '1-0 dans les dernières minutes'],
    },
  },

  planete: {
    kickers: ['Climat', 'Biodiversité', 'Environnement', 'Océans', 'Sécheresse', 'Planète'],
    themes: [
      'Climat', 'Sécheresse', 'Biodiversité', 'Océans', 'Forêts', 'Pollution', 'Canicule', 'Oasis', 'Déchets',
      'Inondations',
    ],
    actors: [
      'le ministère de l’Environnement', 'une association de protection de la nature', 'le parc national',
      'la commune', 'une équipe de chercheurs', 'l’agence des eaux et forêts', 'la région',
      'un collectif de pêcheurs', 'l’observatoire du littoral', 'une ONG environnementale',
    ],
    verbs: ['lance', 'présente', 'dévoile', 'prépare', 'finance', 'étend', 'annonce'],
    objects: [
      'un plan de sauvegarde des forêts d’arganiers', 'un inventaire des espèces menacées',
      'un plan de protection du littoral', 'une campagne de reboisement', 'un programme de sauvegarde des oasis',
      'une étude sur la qualité de l’air', 'un réseau de stations météorologiques',
      'une opération de nettoyage des plages', 'un plan contre les incendies de forêt', 'une carte des zones inondables',
    ],
    subjects: [
      'la sécheresse', 'le recul des forêts d’arganiers', 'la protection du littoral', 'la pollution plastique',
      'la sauvegarde des oasis', 'la qualité de l’air', 'la biodiversité marine', 'le risque d’inondation',
      'l’érosion des sols', 'la canicule',
    ],
    facts: [
      'les températures battent de nouveaux records', 'les barrages sont remplis à moins d’un tiers de leur capacité',
      'les oasis perdent leurs palmiers', 'la pollution plastique envahit les plages',
      'les incendies de forêt se multiplient dans le Rif', 'les pêcheurs constatent la raréfaction de certaines espèces',
      'les nappes phréatiques s’épuisent', 'les vagues de chaleur arrivent de plus en plus tôt',
      'les orages provoquent des inondations soudaines',
      'les scientifiques soupçonnent une pollution industrielle dans l’estuaire',
    ],
    places: NATURE_PLACES,
    quotes: [
      'La nature nous envoie la facture', 'Nos oasis meurent en silence', 'Il n’a pas plu depuis des mois',
      'La mer se vide sous nos yeux', 'Chaque arbre planté compte', 'Le climat a déjà changé',
    ],
    speakers: [
      'une climatologue', 'le directeur du parc national', 'un pêcheur de Dakhla', 'la présidente de l’association',
      'un agriculteur du Drâa',
    ],
    roles: [
      ['climatologue', 'climatologue'],
      ['biologiste marin', 'biologiste marine'],
      ['agriculteur dans la vallée du Drâa', 'agricultrice dans la vallée du Drâa'],
      ['pêcheur à Dakhla', 'pêcheuse à Dakhla'],
      ['ingénieur forestier', 'ingénieure forestière'],
      ['militant écologiste', 'militante écologiste'],
    ],
    debates: [
      'interdire les sacs plastiques pour de bon', 'limiter les forages illégaux', 'protéger davantage les zones humides',
      'réduire les cultures d’exportation les plus gourmandes en eau', 'créer de nouvelles aires marines protégées',
    ],
    bodyQuotes: [
      'Quand j’étais enfant, la source coulait toute l’année, aujourd’hui elle est sèche dès le mois de mai.',
      'Nous mesurons chaque année des températures que nos modèles prévoyaient pour dans vingt ans.',
      'Les filets reviennent de plus en plus vides, et les jeunes ne veulent plus devenir pêcheurs.',
      'Un arganier met des décennies à grandir, il suffit de quelques heures pour le perdre dans un incendie.',
      'La sécheresse n’est plus une exception, c’est devenu la norme avec laquelle il faut apprendre à vivre.',
    ],
    headings: [
      'Des signaux d’alerte', 'Une nature sous pression', 'Des habitants démunis', 'La science en éclaireur',
      'S’adapter avant qu’il ne soit trop tard', 'Des solutions locales',
    ],
    listItems: [
      'Le reboisement de plusieurs milliers d’hectares d’ici cinq ans', 'L’interdiction des forages non déclarés',
      'La création d’une aire marine protégée au large de Dakhla',
      'Un réseau de surveillance de la qualité de l’air dans les grandes villes',
      'Des aides pour les agriculteurs qui adoptent des cultures économes en eau',
    ],
    sentences: [
      'Le thermomètre a dépassé les quarante-sept degrés à l’ombre, un niveau jamais enregistré dans la région.',
      'Dans la vallée du Drâa, les palmiers meurent les uns après les autres, faute d’eau dans les nappes.',
      'Les chercheurs ont recensé plusieurs espèces d’oiseaux qui ne s’arrêtent plus dans la lagune au printemps.',
      'Sur les plages, les bénévoles ont ramassé plusieurs tonnes de déchets plastiques en une seule matinée.',
      'Les barrages ne sont remplis qu’à {pct} de leur capacité, selon les derniers relevés communiqués par les autorités.',
      'Les incendies de l’été dernier ont détruit plusieurs centaines d’hectares de forêt dans le Rif.',
      'Les scientifiques estiment que les sécheresses seront plus longues et plus fréquentes d’ici {futureYear}.',
    ],
    captions: [
      'Un barrage presque à sec {city}, {monthYear}.',
      'Une oasis touchée par la sécheresse {city}, {monthYear}.',
      'Des bénévoles ramassent des déchets sur une plage {city}, {monthYear}.',
      'Une forêt d’arganiers {city}, {monthYear}.',
    ],
  },

  chroniques: {
    kickers: ['Chronique', 'Billet', 'Humeur', 'Carnet', 'Chronique urbaine', 'Mot du jour'],
    ownKickersOnly: true,
    themes: [
      'Vie quotidienne', 'Ville', 'Langue', 'Souvenirs', 'Cuisine', 'Transports', 'Ramadan', 'Famille',
      'Réseaux sociaux', 'Voisinage',
    ],
    actors: [
      'le tramway', 'le café du coin', 'le vendeur de msemen', 'la grand-mère', 'le chauffeur de petit taxi',
      'le marchand de journaux', 'l’épicier du quartier', 'la voisine du troisième', 'le gardien de voitures',
      'le hammam du quartier', 'le marchand de fruits et légumes', 'le coiffeur du coin', 'la boulangerie du quartier',
      'le cireur de chaussures', 'le vieux cinéma', 'le souk du dimanche',
    ],
    verbs: ['raconte', 'observe', 'réinvente', 'connaît', 'défend', 'résume'],
    objects: [
      'la ville qui change', 'nos petites habitudes', 'l’art de la conversation', 'le goût du thé à la menthe',
      'la patience des files d’attente', 'la politesse d’autrefois', 'le bruit des klaxons', 'la mémoire du quartier',
      'le temps qui passe', 'les secrets de la médina', 'l’art de marchander', 'la solidarité des voisins',
      'les rituels du vendredi', 'le charme des choses simples',
    ],
    subjects: [
      'la ville qui change', 'la politesse', 'le temps qui passe', 'l’art de la conversation', 'la mémoire du quartier',
      'la darija', 'le thé à la menthe', 'la nostalgie', 'la vie de quartier', 'la course contre la montre',
      'l’art de marchander', 'la solidarité', 'la lenteur', 'la pause de l’après-midi',
    ],
    facts: [
      'les cafés se remplissent dès la fin de l’après-midi', 'les klaxons ont remplacé les conversations',
      'les enfants ne jouent plus dans la rue', 'les téléphones ont envahi les dîners de famille',
      'les vieux cinémas ferment un à un', 'les quartiers se transforment à toute vitesse',
      'les voisins ne se saluent plus', 'le four collectif du quartier a fermé ses portes',
      'tout le monde a un avis sur tout', 'personne ne prend plus le temps de flâner',
      'les souks se vident au profit des centres commerciaux',
      'les jeunes parlent une langue que leurs parents ne comprennent plus',
      'les terrasses débordent dès le premier rayon de soleil', 'chacun filme tout sans rien regarder',
    ],
    places: [
      ...MOROCCAN_CITIES.slice(0, 10), 'dans la médina', 'sur la corniche', 'au coin de la rue', 'dans le quartier Maârif',
      'à Derb Sultan', 'dans le vieux Fès',
    ],
    quotes: [
      'Avant, on prenait le temps', 'Ici, tout le monde se connaît', 'Le thé, ça ne se boit pas debout',
      'La ville ne dort jamais', 'On était plus pauvres, mais plus patients', 'Le marchandage, c’est une conversation',
      'Le quartier, c’est une famille élargie', 'Prends le temps, la vie est longue',
    ],
    speakers: [
      'ma grand-mère', 'le chauffeur de taxi', 'un vieux voisin', 'la marchande de fleurs', 'le patron du café',
      'l’épicier du coin', 'une étudiante pressée', 'le coiffeur du quartier',
    ],
    roles: [
      ['retraité du quartier', 'retraitée du quartier'],
      ['patron de café', 'patronne de café'],
      ['chauffeur de taxi', 'chauffeuse de taxi'],
      ['épicier', 'épicière'],
      ['étudiant en lettres', 'étudiante en lettres'],
    ],
    debates: [
      'ralentir un peu', 'réapprendre à flâner', 'ranger son téléphone à table', 'dire bonjour à ses voisins',
      'sauver les cafés de quartier', 'écrire encore des lettres', 'marcher au lieu de klaxonner',
      'réapprendre à marchander', 'éteindre la télévision le soir', 'offrir du thé aux inconnus',
    ],
    bodyQuotes: [
      'Mon père tenait déjà ce café, et je sers encore le thé dans les mêmes verres qu’à l’époque.',
      'Dans mon taxi, j’entends toute la ville se plaindre, rire et se disputer avant neuf heures du matin.',
      'Avant, on connaissait le prénom de chaque enfant de la rue, aujourd’hui on ne connaît même plus ses voisins.',
      'Le quartier a changé de visage, mais l’odeur du pain chaud le matin est restée la même.',
    ],
    headings: [
      'Un matin comme les autres', 'La ville en accéléré', 'Le goût des choses simples', 'Ce qui reste',
      'Petite philosophie du quotidien', 'Éloge de la lenteur',
    ],
    listItems: [
      'Le verre de thé trop sucré servi sans qu’on le demande', 'Le klaxon qui répond à un autre klaxon',
      'La voisine qui sait tout avant tout le monde', 'Le vendeur ambulant qui connaît votre commande par cœur',
      'La radio allumée dans la boutique du coiffeur',
    ],
    sentences: [
      'Il est sept heures du matin, et le café du coin sert déjà son premier nous-nous à un habitué pressé.',
      'Dans le tramway, chacun regarde son écran, mais tout le monde écoute la conversation de la voisine.',
      'La ville change si vite qu’on finit par chercher des repères dans les enseignes qui n’existent plus.',
      'Ma grand-mère disait que l’on juge une maison à la manière dont on y sert le thé aux invités.',
      'Il y a, dans chaque quartier, un épicier qui fait office de banquier, de confident et de bureau de poste.',
      'On peut passer une heure à discuter du prix des tomates sans jamais vraiment parler des tomates.',
      'Le soir, sur la corniche, les familles marchent lentement, comme si la ville accordait enfin une trêve.',
      'Nous avons gagné du temps en tout, sauf peut-être dans l’art de ne rien faire.',
    ],
    captions: [
      'La terrasse d’un café {city}, {monthYear}.',
      'Le tramway traverse le centre-ville {city}, {monthYear}.',
      'Une ruelle de la médina, {monthYear}.',
    ],
    titles: [
      '{Actor}, {epithet}',
      'Éloge {deActor}, {epithet}',
      'Ce que {actor} nous dit {deSubject}',
      'Petite histoire {deActor} et {deSubject}',
      'Lettre {aActor}, {epithet}',
      '{Actor} et {subject}',
      '{DeSubject} et {deSubject2}',
    ],
    topicSentenceWeight: 0.6,
    soft: true,
    predicates: [
      'ne passe jamais de mode', 'en dit long sur nous', 'fait partie du décor', 'résiste au temps',
      'se perd peu à peu', 'revient à la mode', 'rassemble toutes les générations', 'traverse les époques',
    ],
    standfirsts: [
      '{Place}, {fact}. Notre chroniqueur s’attarde sur {subject}, ce petit rien qui en dit long sur nous.',
      '{Actor} {verb} {object}, pour qui sait regarder. Une chronique douce-amère sur {subject} et ce qu’il reste de nos habitudes.',
      'On croit tout savoir {deSubject}, et pourtant {fact}. Petite méditation sur nos habitudes, entre sourire et nostalgie.',
      'Il paraît {queFact}. Notre chroniqueur a voulu vérifier par lui-même, et il en a profité pour {debate}.',
      'Au fond, {subject} nous ressemble. {Fact} {place}, et c’est peut-être, à bien y réfléchir, une assez bonne nouvelle.',
    ],
    extras: {
      epithet: [
        'ce grand théâtre des matins pressés', 'ce dernier salon où l’on cause', 'ce témoin discret de nos vies',
        'cette institution que l’on oublie', 'ce miroir de la ville', 'ce refuge des jours difficiles',
        'ce gardien de nos habitudes', 'ce conteur qui s’ignore', 'cette petite république du quotidien',
        'ce baromètre de l’humeur générale',
      ],
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Template compilation
// ---------------------------------------------------------------------------------------------

interface Bank {
  readonly topic: Topic;
  readonly kickers: readonly string[];
  readonly ownKickersOnly: boolean;
  readonly themes: readonly string[];
  readonly actors: readonly NounPhrase[];
  readonly verbs: readonly string[];
  readonly objects: readonly NounPhrase[];
  readonly subjects: readonly NounPhrase[];
  readonly facts: readonly Clause[];
  readonly places: readonly NounPhrase[];
  /** The places that are towns (« à Fès »), for photo captions. */
  readonly cities: readonly NounPhrase[];
  readonly quotes: readonly string[];
  readonly speakers: readonly NounPhrase[];
  readonly roles: readonly (readonly [string, string])[];
  readonly debates: readonly Infinitive[];
  readonly predicates: readonly string[];
  readonly amounts: readonly string[];
  readonly bodyQuotes: readonly string[];
  readonly headings: readonly string[];
  readonly listItems: readonly string[];
  readonly titles: readonly Template[];
  /** Cumulative weights of `titles`. */
  readonly titleWeights: readonly number[];
  readonly sentences: readonly Template[];
  readonly topicSentenceCount: number;
  readonly topicSentenceWeight: number;
  readonly standfirsts: readonly Template[];
  readonly captions: readonly Template[];
}

/** Per-generation state: the random stream, the bank and agreement memory. */
interface Ctx {
  readonly r: Random;
  readonly b: Bank;
  /** Whether the last generated person is a woman, for « interrogé{e} ». */
  fem: boolean;
  /** Index of the last subject picked, so that {subject2} differs from it. */
  subject: number;
}

type Slot = (c: Ctx) => string;
type Part = string | Slot;

interface Template {
  readonly parts: readonly Part[];
  /** Names of the built-in slots used, for capacity estimates. */
  readonly slots: readonly string[];
  /** Number of combinations contributed by topic-specific extra pools. */
  readonly extraCapacity: number;
}

function pickSubject(c: Ctx): NounPhrase {
  const i = Math.floor(c.r.next() * c.b.subjects.length);
  c.subject = i;
  return c.b.subjects[i];
}

function pickOtherSubject(c: Ctx): NounPhrase {
  const n = c.b.subjects.length;
  let i = Math.floor(c.r.next() * (n - 1));
  if (i >= c.subject && c.subject >= 0) i++;
  c.subject = i;
  return c.b.subjects[i];
}

function personWithRole(c: Ctx): string {
  const person = makePerson(c.r);
  c.fem = person.feminine;
  const roles = c.r.next() < 0.8 ? c.b.roles : GENERIC_ROLES;
  const role = c.r.pick(roles)[person.feminine ? 1 : 0];
  return `${person.firstName} ${person.lastName}, ${role}`;
}

const SLOTS: Record<string, Slot> = {
  actor: (c) => c.r.pick(c.b.actors).text,
  Actor: (c) => c.r.pick(c.b.actors).cap,
  deActor: (c) => c.r.pick(c.b.actors).de,
  aActor: (c) => c.r.pick(c.b.actors).a,
  queActor: (c) => c.r.pick(c.b.actors).que,
  verb: (c) => c.r.pick(c.b.verbs),
  object: (c) => c.r.pick(c.b.objects).text,
  Object: (c) => c.r.pick(c.b.objects).cap,
  subject: (c) => pickSubject(c).text,
  Subject: (c) => pickSubject(c).cap,
  deSubject: (c) => pickSubject(c).de,
  DeSubject: (c) => cap(pickSubject(c).de),
  aSubject: (c) => pickSubject(c).a,
  subject2: (c) => pickOtherSubject(c).text,
  deSubject2: (c) => pickOtherSubject(c).de,
  fact: (c) => c.r.pick(c.b.facts).text,
  Fact: (c) => c.r.pick(c.b.facts).cap,
  queFact: (c) => c.r.pick(c.b.facts).que,
  place: (c) => c.r.pick(c.b.places).text,
  Place: (c) => c.r.pick(c.b.places).cap,
  debate: (c) => c.r.pick(c.b.debates).text,
  Debate: (c) => c.r.pick(c.b.debates).cap,
  deDebate: (c) => c.r.pick(c.b.debates).de,
  quote: (c) => c.r.pick(c.b.quotes),
  speaker: (c) => c.r.pick(c.b.speakers).text,
  Speaker: (c) => c.r.pick(c.b.speakers).cap,
  pred: (c) => c.r.pick(c.b.predicates),
  eval: (c) => c.r.pick(EVALUATIONS),
  theme: (c) => c.r.pick(c.b.themes),
  pct: (c) => c.r.pick(PERCENTS),
  rate: (c) => c.r.pick(RATES),
  amount: (c) => c.r.pick(c.b.amounts),
  count: (c) => c.r.pick(COUNTS),
  year: (c) => c.r.pick(PAST_YEARS),
  futureYear: (c) => c.r.pick(FUTURE_YEARS),
  when: (c) => c.r.pick(WHEN),
  monthYear: (c) => c.r.pick(MONTH_YEARS),
  source: (c) => c.r.pick(SOURCES),
  interviewed: (c) => c.r.pick(INTERVIEWED),
  city: (c) => c.r.pick(c.b.cities).text,
  connector: (c) => c.r.pick(CONNECTORS),
  person: personWithRole,
  e: (c) => (c.fem ? 'e' : ''),
  says: (c) => c.r.pick(SAYS),
  fragment: (c) => c.r.pick(FRAGMENTS),
  followup: (c) => c.r.pick(FOLLOWUPS),
  concern: (c) => c.r.pick(CONCERNS),
};

// Pre-normalise the shared pools that slots read directly.
for (const pool of [INTERVIEWED, EVALUATIONS, SAYS, FRAGMENTS, SOURCES, CONNECTORS, WHEN, FOLLOWUPS, CONCERNS, GENERIC_PREDICATES]) {
  for (let i = 0; i < pool.length; i++) pool[i] = typo(pool[i]);
}

function compile(template: string, extras: Record<string, readonly string[]> = {}): Template {
  const parts: Part[] = [];
  const slots: string[] = [];
  let extraCapacity = 1;
  const pieces = template.split(/\{(\w+)\}/);
  for (let i = 0; i < pieces.length; i++) {
    if (i % 2 === 0) {
      if (pieces[i] !== '') parts.push(typo(pieces[i]));
      continue;
    }
    const name = pieces[i];
    const slot = SLOTS[name];
    if (slot) {
      parts.push(slot);
      slots.push(name);
      continue;
    }
    const lower = name.charAt(0).toLowerCase() + name.slice(1);
    const pool = extras[lower];
    if (!pool) throw new Error(`french-text: unknown slot {${name}} in template "${template}"`);
    const values = (lower === name ? pool : pool.map(cap)).map(typo);
    parts.push((c) => c.r.pick(values));
    extraCapacity *= values.length;
  }
  return { parts, slots, extraCapacity };
}

/** How many values a built-in slot can take in a bank. */
function slotSize(name: string, b: Bank): number {
  switch (name) {
    case 'actor':
    case 'Actor':
    case 'deActor':
    case 'aActor':
    case 'queActor':
      return b.actors.length;
    case 'verb':
      return b.verbs.length;
    case 'object':
    case 'Object':
      return b.objects.length;
    case 'subject':
    case 'Subject':
    case 'deSubject':
    case 'DeSubject':
    case 'aSubject':
      return b.subjects.length;
    case 'subject2':
    case 'deSubject2':
      return b.subjects.length - 1;
    case 'fact':
    case 'Fact':
    case 'queFact':
      return b.facts.length;
    case 'place':
    case 'Place':
      return b.places.length;
    case 'debate':
    case 'Debate':
    case 'deDebate':
      return b.debates.length;
    case 'quote':
      return b.quotes.length;
    case 'speaker':
    case 'Speaker':
      return b.speakers.length;
    case 'pred':
      return b.predicates.length;
    case 'eval':
      return EVALUATIONS.length;
    case 'theme':
      return b.themes.length;
    case 'says':
      return SAYS.length;
    case 'e':
      return 1;
    default:
      return 100; // numbers, dates, people…: plenty
  }
}

function capacity(t: Template, b: Bank): number {
  let n = t.extraCapacity;
  for (const name of t.slots) n *= slotSize(name, b);
  return n;
}

function render(template: Template, c: Ctx): string {
  const parts = template.parts;
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    out += typeof part === 'string' ? part : part(c);
  }
  return out;
}

const COMPILED_SHARED_TITLES = SHARED_TITLES.map((t) => compile(t));
const COMPILED_NEWS_TITLES = [...COMPILED_SHARED_TITLES, ...NEWS_TITLES.map((t) => compile(t))];
const COMPILED_SHARED_SENTENCES = SHARED_SENTENCES.map((t) => compile(t));
const COMPILED_NEWS_SENTENCES = [...COMPILED_SHARED_SENTENCES, ...NEWS_SENTENCES.map((t) => compile(t))];
const COMPILED_SOFT_SENTENCES = [...COMPILED_SHARED_SENTENCES, ...SOFT_SENTENCES.map((t) => compile(t))];
const COMPILED_NEWS_STANDFIRSTS = NEWS_STANDFIRSTS.map((t) => compile(t));
const COMPILED_GENERIC_CAPTIONS = GENERIC_CAPTIONS.map((t) => compile(t));
const NORMALISED_GENERIC_HEADINGS = GENERIC_HEADINGS.map(typo);
const NORMALISED_GENERIC_BODY_QUOTES = GENERIC_BODY_QUOTES.map(typo);
const NORMALISED_GENERIC_KICKERS = GENERIC_KICKERS.map(typo);

const AMOUNTS: Record<Currency, string[]> = {
  dirhams: amountsFor('dirhams'),
  dollars: amountsFor('dollars'),
  euros: amountsFor('euros'),
};

function isCity(place: string): boolean {
  return place.startsWith('à ') && place !== 'à domicile' && !place.startsWith('à travers');
}

function buildBank(topic: Topic, raw: RawBank): Bank {
  const extras = raw.extras ?? {};
  const topicSentences = raw.sentences.map((t) => compile(t, extras));
  const soft = raw.soft ?? false;
  if (soft && !raw.standfirsts) throw new Error(`french-text: soft topic ${topic} needs its own standfirsts`);
  const bank: Bank = {
    topic,
    kickers: raw.kickers.map(typo),
    ownKickersOnly: raw.ownKickersOnly ?? false,
    themes: raw.themes.map(typo),
    actors: raw.actors.map(nounPhrase),
    verbs: raw.verbs.map(typo),
    objects: raw.objects.map(nounPhrase),
    subjects: raw.subjects.map(nounPhrase),
    facts: raw.facts.map(clause),
    places: raw.places.map(nounPhrase),
    cities: (raw.places.some(isCity) ? raw.places.filter(isCity) : raw.places).map(nounPhrase),
    quotes: raw.quotes.map(typo),
    speakers: raw.speakers.map(nounPhrase),
    roles: raw.roles.map(([m, f]) => [typo(m), typo(f)] as const),
    debates: raw.debates.map(infinitive),
    predicates: (soft && raw.predicates ? raw.predicates : [...(raw.predicates ?? []), ...GENERIC_PREDICATES]).map(typo),
    amounts: AMOUNTS[raw.currency ?? 'dirhams'],
    bodyQuotes: [...raw.bodyQuotes.map(typo), ...NORMALISED_GENERIC_BODY_QUOTES],
    headings: [...raw.headings.map(typo), ...NORMALISED_GENERIC_HEADINGS],
    listItems: raw.listItems.map(typo),
    titles: [],
    titleWeights: [],
    sentences: [...topicSentences, ...(soft ? COMPILED_SOFT_SENTENCES : COMPILED_NEWS_SENTENCES)],
    topicSentenceCount: topicSentences.length,
    topicSentenceWeight: raw.topicSentenceWeight ?? 0.35,
    standfirsts: raw.standfirsts
      ? [...raw.standfirsts.map((t) => compile(t, extras)), ...(soft ? [] : COMPILED_NEWS_STANDFIRSTS)]
      : COMPILED_NEWS_STANDFIRSTS,
    captions: [...raw.captions.map((t) => compile(t, extras)), ...COMPILED_GENERIC_CAPTIONS],
  };
  const generic = soft ? COMPILED_SHARED_TITLES : COMPILED_NEWS_TITLES;
  const own = (raw.titles ?? []).map((t) => compile(t, extras));
  const boost = raw.titleBoost ?? 1;
  const titles = [...generic, ...own];
  const weights: number[] = [];
  let total = 0;
  titles.forEach((t, i) => {
    total += Math.sqrt(capacity(t, bank)) * (i >= generic.length ? boost : 1);
    weights.push(total);
  });
  return { ...bank, titles, titleWeights: weights };
}

/** Index drawn with the given cumulative weights. */
function pickWeighted(rng: Random, cumulative: readonly number[]): number {
  const x = rng.next() * cumulative[cumulative.length - 1];
  let i = 0;
  while (i < cumulative.length - 1 && cumulative[i] <= x) i++;
  return i;
}

const BANKS = {} as Record<Topic, Bank>;
for (const topic of TOPICS) BANKS[topic] = buildBank(topic, RAW_BANKS[topic]);

function bankFor(topic: Topic): Bank {
  const bank = BANKS[topic];
  if (!bank) throw new RangeError(`french-text: unknown topic "${String(topic)}"`);
  return bank;
}

function context(rng: Random, topic: Topic): Ctx {
  return { r: rng, b: bankFor(topic), fem: false, subject: -1 };
}

/** Renders a template from `pool` until its word count is within [min, max] (bounded retries). */
function renderWithin(c: Ctx, pool: readonly Template[], min: number, max: number): string {
  let text = '';
  for (let attempt = 0; attempt < 24; attempt++) {
    text = render(c.r.pick(pool), c);
    const words = countWords(text);
    if (words >= min && words <= max) return text;
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Rubrics → topics
// ---------------------------------------------------------------------------------------------

const RUBRIC_TOPICS: ReadonlyMap<string, Topic> = new Map<string, Topic>([
  ['maroc', 'politique'],
  ['politique', 'politique'],
  ['societe', 'societe'],
  ['culture', 'culture'],
  ['economie', 'economie'],
  ['economie-mondiale', 'economie'],
  ['entreprises', 'entreprises'],
  ['finances', 'finances'],
  ['finances-et-marches', 'finances'],
  ['marches', 'finances'],
  ['bourse', 'finances'],
  ['durabilite', 'durabilite'],
  ['opinions', 'opinions'],
  ['tribunes', 'opinions'],
  ['debats', 'opinions'],
  ['monde', 'monde'],
  ['international', 'monde'],
  ['afrique', 'monde'],
  ['asie', 'monde'],
  ['ameriques', 'monde'],
  ['amerique-du-nord', 'monde'],
  ['amerique-latine', 'monde'],
  ['etats-unis', 'monde'],
  ['europe', 'monde'],
  ['oceanie', 'monde'],
  ['moyen-orient', 'monde'],
  ['maghreb', 'monde'],
  ['geopolitique', 'geopolitique'],
  ['chroniques', 'chroniques'],
  ['sports', 'sports'],
  ['sport', 'sports'],
  ['football', 'sports'],
  ['planete', 'planete'],
  ['environnement', 'planete'],
  ['climat', 'planete'],
]);

/** The topic whose vocabulary suits a rubric slug; unknown slugs get 'societe'. */
export function topicForRubricSlug(slug: string): Topic {
  return RUBRIC_TOPICS.get(slug.trim().toLowerCase()) ?? 'societe';
}

// ---------------------------------------------------------------------------------------------
// Public generators
// ---------------------------------------------------------------------------------------------

const TITLE_MIN_WORDS = 6;
const TITLE_MAX_WORDS = 14;
const SENTENCE_MIN_WORDS = 12;
const SENTENCE_MAX_WORDS = 25;

/** A headline of 6 to 14 words, no final period. */
export function makeTitle(rng: Random, topic: Topic): string {
  const c = context(rng, topic);
  const b = c.b;
  let title = '';
  for (let attempt = 0; attempt < 12; attempt++) {
    title = render(b.titles[pickWeighted(c.r, b.titleWeights)], c);
    const words = countWords(title);
    if (words >= TITLE_MIN_WORDS && words <= TITLE_MAX_WORDS) return title;
  }
  return title;
}

/**
 * A photo of the topic for the media library: its caption (what, where, when) and its alt text,
 * which says what the picture shows (the caption without its date), never a headline.
 */
export function makeImageDescription(rng: Random, topic: Topic): { caption: string; altText: string } {
  const c = context(rng, topic);
  const caption = render(c.r.pick(c.b.captions), c);
  const altText = caption.replace(/,?\s+en \S+ \d{4}\.$/, '').replace(/\.$/, '');
  return { caption, altText };
}

/** A 1–3 word label above the headline: « Décryptage », « Enquête », « Parlement »… */
export function makeKicker(rng: Random, topic: Topic): string {
  const b = bankFor(topic);
  if (b.ownKickersOnly || rng.next() < 0.5) return rng.pick(b.kickers);
  return rng.pick(NORMALISED_GENERIC_KICKERS);
}

/** One or two sentences, 25 to 45 words. */
export function makeStandfirst(rng: Random, topic: Topic): string {
  const c = context(rng, topic);
  return renderWithin(c, c.b.standfirsts, 25, 45);
}

/** Index of an unused template in [from, to), starting at a random position; -1 if all are used. */
function unusedIn(c: Ctx, used: readonly number[], from: number, to: number): number {
  const n = to - from;
  if (n <= 0) return -1;
  const start = Math.floor(c.r.next() * n);
  for (let k = 0; k < n; k++) {
    const index = from + ((start + k) % n);
    if (!used.includes(index)) return index;
  }
  return -1;
}

/** One sentence of 12 to 25 words; templates already in `used` are avoided while others remain. */
function makeSentence(c: Ctx, used: number[] | null): string {
  const b = c.b;
  const topicCount = b.topicSentenceCount;
  const all = b.sentences;
  const wantTopic = topicCount > 0 && c.r.next() < b.topicSentenceWeight;
  let index: number;
  if (used === null) {
    index = wantTopic ? Math.floor(c.r.next() * topicCount) : topicCount + Math.floor(c.r.next() * (all.length - topicCount));
  } else {
    index = wantTopic ? unusedIn(c, used, 0, topicCount) : unusedIn(c, used, topicCount, all.length);
    if (index < 0) index = wantTopic ? unusedIn(c, used, topicCount, all.length) : unusedIn(c, used, 0, topicCount);
    if (index < 0) {
      // every template used: forget all but the most recent ones and start over
      used.splice(0, Math.max(0, used.length - 10));
      index = unusedIn(c, used, topicCount, all.length);
      if (index < 0) index = topicCount + Math.floor(c.r.next() * (all.length - topicCount));
    }
    used.push(index);
  }
  let text = '';
  for (let attempt = 0; attempt < 8; attempt++) {
    text = render(all[index], c);
    const words = countWords(text);
    if (words >= SENTENCE_MIN_WORDS && words <= SENTENCE_MAX_WORDS) return text;
    // out of range: try the same template with other fillers, then fall back to a generic one
    if (attempt >= 3) index = topicCount + Math.floor(c.r.next() * (all.length - topicCount));
  }
  return text;
}

function makeParagraph(c: Ctx, sentences: number, used: number[] | null): string {
  let text = makeSentence(c, used);
  for (let i = 1; i < sentences; i++) text += ' ' + makeSentence(c, used);
  return text;
}

/** One paragraph of 60 to 100 words (at least three sentences), for benchmark bodies. */
function makeShortParagraph(c: Ctx): string {
  const used: number[] = [];
  let text = makeSentence(c, used);
  let words = countWords(text);
  // each sentence has at most 25 words, so stopping at >= 60 keeps the total under 85
  while (words < 60) {
    const sentence = makeSentence(c, used);
    text += ' ' + sentence;
    words += countWords(sentence);
  }
  return text;
}

function pickUnused(rng: Random, pool: readonly string[], used: number[]): string {
  if (used.length >= pool.length) used.length = 0;
  let i = Math.floor(rng.next() * pool.length);
  while (used.includes(i)) i = (i + 1) % pool.length;
  used.push(i);
  return pool[i];
}

function makeQuoteBlock(c: Ctx, used: number[]): BodyBlock {
  const text = pickUnused(c.r, c.b.bodyQuotes, used);
  return { type: 'quote', text, attribution: personWithRole(c) };
}

function makeImageBlock(c: Ctx, mediaId: number): BodyBlock {
  return { type: 'image', mediaId, caption: render(c.r.pick(c.b.captions), c) };
}

/**
 * An article body.
 *
 * - `paragraphs: 1` (benchmark mode): a single paragraph of 60–100 words, followed by an image
 *   block only if `imageIds` is non-empty.
 * - `paragraphs >= 2`: paragraphs of 3–6 sentences (12–25 words each); a level-2 heading every
 *   two or three paragraphs (always at least one from 4 paragraphs up); at least one quote block
 *   with an attribution (« Prénom Nom, rôle »), one more every five paragraphs; sometimes a list;
 *   images from `imageIds` after the first paragraph and then every few paragraphs.
 * - `paragraphs <= 0`: an empty body.
 */
export function makeBody(rng: Random, topic: Topic, options: { paragraphs: number; imageIds?: readonly number[] }): BodyBlock[] {
  const c = context(rng, topic);
  const count = Math.floor(options.paragraphs);
  const imageIds = options.imageIds ?? [];
  const blocks: BodyBlock[] = [];
  if (!(count >= 1)) return blocks;

  if (count === 1) {
    blocks.push({ type: 'paragraph', text: makeShortParagraph(c) });
    if (imageIds.length > 0) blocks.push(makeImageBlock(c, imageIds[0]));
    return blocks;
  }

  const usedSentences: number[] = [];
  const usedHeadings: number[] = [];
  const usedQuotes: number[] = [];

  // positions (paragraph indexes after which a block is inserted)
  const firstQuoteAfter = count === 2 ? 0 : rng.int(1, Math.min(count - 2, 3));
  let listAfter = -1;
  if (count >= 3 && rng.chance(0.5)) {
    listAfter = rng.int(1, count - 2);
    if (listAfter === firstQuoteAfter) listAfter = listAfter + 1 <= count - 2 ? listAfter + 1 : listAfter - 1;
    if (listAfter < 1 || listAfter === firstQuoteAfter) listAfter = -1;
  }
  let imageIndex = 0;
  let lastHeadingBefore = 0;
  let headingGap = rng.int(2, 3);

  for (let p = 0; p < count; p++) {
    const sentenceCount = rng.int(3, 6);
    if (p >= 2 && p - lastHeadingBefore >= headingGap) {
      blocks.push({ type: 'heading', level: 2, text: pickUnused(rng, c.b.headings, usedHeadings) });
      lastHeadingBefore = p;
      headingGap = rng.int(2, 3);
    }
    blocks.push({ type: 'paragraph', text: makeParagraph(c, sentenceCount, usedSentences) });

    if (imageIndex < imageIds.length && (p === 0 || (p >= 3 && p % 4 === 3 && p < count - 1))) {
      blocks.push(makeImageBlock(c, imageIds[imageIndex++]));
    }
    if (p === firstQuoteAfter || (p > firstQuoteAfter && (p - firstQuoteAfter) % 5 === 0 && p < count - 1)) {
      blocks.push(makeQuoteBlock(c, usedQuotes));
    }
    if (p === listAfter) {
      blocks.push({ type: 'list', ordered: rng.chance(0.3), items: rng.pickSome(c.b.listItems, rng.int(3, 5)) });
    }
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Authors
// ---------------------------------------------------------------------------------------------

const BIO_SERVICES = ['politique', 'économie', 'société', 'culture', 'international', 'sports', 'planète'];

const BIO_BEATS = [
  'l’actualité parlementaire', 'les questions d’éducation et de santé', 'l’économie et les entreprises',
  'les marchés financiers', 'la transition énergétique', 'l’actualité africaine', 'les relations internationales',
  'le football et l’athlétisme', 'les questions climatiques', 'la vie culturelle', 'les transports et l’urbanisme',
];

const BIO_INVESTIGATIONS = [
  'la gestion de l’eau dans le Souss', 'les coulisses des marchés publics', 'la précarité des étudiants',
  'le financement des clubs de football', 'l’essor des start-up de la fintech', 'les migrations en Méditerranée',
  'la restauration des médinas', 'le coût du logement dans les grandes villes', 'la pêche artisanale à Dakhla',
];

const BIO_YEARS = ['2008', '2010', '2011', '2013', '2014', '2016', '2017', '2019', '2020', '2021', '2022'];

/** A two- or three-sentence author bio. Uses gendered agreements only when the first name is known. */
export function makeAuthorBio(rng: Random, name: string): string {
  const firstName = name.trim().split(/\s+/)[0] ?? name;
  const feminine = FIRST_NAME_IS_FEMININE.get(firstName);
  const e = feminine ? 'e' : '';
  const year = rng.pick(BIO_YEARS);
  const beat = rng.pick(BIO_BEATS);
  const service = rng.pick(BIO_SERVICES);
  const investigation = rng.pick(BIO_INVESTIGATIONS);

  let first: string;
  switch (rng.int(0, 3)) {
    case 0:
      first = `${name} est journaliste au service ${service} depuis ${year}.`;
      break;
    case 1:
      first = `${name} a rejoint la rédaction en ${year}, après plusieurs années passées dans la presse régionale.`;
      break;
    case 2:
      first = `Journaliste depuis ${year}, ${name} couvre ${beat}.`;
      break;
    default:
      first = `${name} suit ${beat} pour la rédaction depuis ${year}.`;
  }

  const neutral = [
    `Ses enquêtes portent notamment sur ${investigation}.`,
    `On lui doit plusieurs reportages remarqués sur ${investigation}.`,
    `Avant le journalisme, ${firstName} a étudié le droit et les sciences politiques à Rabat.`,
    `${firstName} anime également une lettre d’information hebdomadaire consacrée à ${beat}.`,
  ];
  const gendered =
    feminine === undefined
      ? []
      : [
          `Diplômé${e} d’une école de journalisme de Rabat, ${feminine ? 'elle' : 'il'} s’intéresse particulièrement à ${investigation}.`,
          `Passionné${e} de terrain, ${feminine ? 'elle' : 'il'} a notamment enquêté sur ${investigation}.`,
        ];
  const pool = [...neutral, ...gendered];
  const second = rng.pick(pool);
  let bio = `${first} ${second}`;
  if (rng.chance(0.4)) {
    const third = rng.pick(pool);
    if (third !== second) bio += ` ${third}`;
  }
  return bio;
}

// ---------------------------------------------------------------------------------------------
// Tags
// ---------------------------------------------------------------------------------------------

export const TAG_NAMES: readonly string[] = [
  'Élections', 'Énergie', 'Sécheresse', 'Coupe d’Afrique', 'Intelligence artificielle', 'Crédit', 'Tourisme',
  'Diplomatie', 'Inflation', 'Emploi', 'Éducation', 'Santé', 'Logement', 'Eau', 'Climat', 'Agriculture',
  'Industrie automobile', 'Aéronautique', 'Start-up', 'Bourse de Casablanca', 'Banques', 'Assurances',
  'Fiscalité', 'Loi de finances', 'Parlement', 'Gouvernement', 'Partis politiques', 'Régionalisation',
  'Justice', 'Corruption', 'Droits des femmes', 'Jeunesse', 'Migrations', 'Union européenne',
  'Afrique de l’Ouest', 'Sahel', 'États-Unis', 'Chine', 'Méditerranée', 'Mondial 2030', 'Football',
  'Athlétisme', 'Cinéma', 'Musique', 'Littérature', 'Patrimoine', 'Festivals', 'Hydrogène vert',
  'Dessalement', 'Énergies renouvelables', 'Biodiversité', 'Océans', 'Transports', 'Numérique', 'Télécoms',
  'Immobilier', 'Pouvoir d’achat', 'Commerce extérieur', 'Phosphates', 'Ramadan', 'Réseaux sociaux',
  'Protection sociale', 'Recherche scientifique', 'Économie circulaire',
];
