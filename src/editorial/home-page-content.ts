import type { Article } from '../../entities/editorial/article.entity';
import type { MagazineIssue } from '../../entities/editorial/magazine-issue.entity';
import type { Rubric } from '../../entities/editorial/rubric.entity';

/** The home page as assembled for one request (home-page.service.ts); the editorial runtime keeps it per request. */
export type HomePageContent = {
  magazineIssue: MagazineIssue | null;
  headline: Article[];
  selection: Article[];
  rubricBlocks: Array<{ rubric: Rubric; articles: Article[] }>;
};
