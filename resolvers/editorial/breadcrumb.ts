import type { Rubric } from '../../entities/editorial/rubric.entity';
import { rubricPath } from '../../src/editorial/public-paths';
import type { BreadcrumbItemType } from './page-parts.type';

/** Home » each rubric of the lineage (root first). */
export function breadcrumbFor(lineage: Rubric[]): BreadcrumbItemType[] {
  return [
    { name: 'Home', path: '/', rubric: null },
    ...lineage.map((r) => ({ name: r.name, path: rubricPath(r.path), rubric: r })),
  ];
}
