import type { Rubric } from '../../entities/editorial/rubric.entity';
import { rubricPath } from '../../src/editorial/public-paths';
import type { BreadcrumbItemType } from './page-parts.type';

/** Accueil » each rubric of the lineage (root first): the site is French, so is its first crumb. */
export function breadcrumbFor(lineage: Rubric[]): BreadcrumbItemType[] {
  return [
    { name: 'Accueil', path: '/', rubric: null },
    ...lineage.map((r) => ({ name: r.name, path: rubricPath(r.path), rubric: r })),
  ];
}
