import type { DataSource } from 'typeorm';
import { Newsletter } from '../../entities/accounts/newsletter.entity';

const DEMO_NEWSLETTERS = [
  { slug: 'la-matinale', name: 'La matinale', description: 'L’essentiel de l’actualité, chaque matin à 7 heures.' },
  { slug: 'economie', name: 'Économie', description: 'Marchés, entreprises et politique économique, chaque semaine.' },
  { slug: 'sports', name: 'Sports', description: 'Résultats, analyses et grands rendez-vous sportifs.' },
  { slug: 'culture', name: 'Culture', description: 'Livres, cinéma, musique et expositions : nos choix de la semaine.' },
];

/** The demo newsletters, once: does nothing if the accounts database already has some. */
export async function seedAccountsDemo(ds: DataSource): Promise<void> {
  const repo = ds.getRepository(Newsletter);
  if ((await repo.count()) > 0) return;
  await ds.transaction((m) => m.getRepository(Newsletter).insert(DEMO_NEWSLETTERS.map((n, position) => ({ ...n, position }))));
}
