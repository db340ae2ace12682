import { CARD_FRAGMENT } from './home-page.query';

/** A rubric page as the front end asks for it: its header, sub-rubrics and 30 cards. */
export const RUBRIC_PAGE_QUERY = `query RubricPage($slug: String!) {
  rubric(slug: $slug) {
    id name description path
    breadcrumb { name path }
    children { name path }
    articles(first: 30) { pageInfo { hasNextPage endCursor } edges { cursor node { ...Card } } }
  }
}
${CARD_FRAGMENT}`;
