import type { Rubric } from '../../entities/editorial/rubric.entity';
import { rubricPath } from '../../src/editorial/public-paths';
import type { RubricTree } from '../../src/editorial/rubric-tree';
import type { BreadcrumbItemType } from './page-parts.type';

/** Accueil » each rubric of the lineage (root first): the site is French, so is its first crumb. */
function breadcrumbFor(lineage: Rubric[]): BreadcrumbItemType[] {
  return [
    { name: 'Accueil', path: '/', rubric: null },
    ...lineage.map((r) => ({ name: r.name, path: rubricPath(r.path), rubric: r })),
  ];
}

/**
 * Built breadcrumbs, per tree and rubric: every card shows its rubric's, and a page's cards
 * share a few rubrics. A tree never changes once read (a new one replaces it), and GraphQL
 * only reads what it is given, so one breadcrumb serves every card and request of that tree.
 */
const BREADCRUMBS = Symbol('breadcrumbs');

/** The breadcrumb of rubric `id` in `tree`, built once per tree. */
export function breadcrumbIn(tree: RubricTree, id: number): BreadcrumbItemType[] {
  return tree.derive(BREADCRUMBS, id, () => breadcrumbFor(tree.lineage(id)));
}
