/**
 * The operations a web front end and the editors' admin send, as the limits must let them
 * through. The firsthour lane's examples/*.graphql are to replace these once merged.
 */
import { ARTICLE_PAGE_QUERY, RELATED_CARD_FRAGMENT } from '../../bench/article-page.query';
import { HOME_PAGE_QUERY } from '../../bench/home-page.query';

export { ARTICLE_PAGE_QUERY, HOME_PAGE_QUERY };

/** The card with its comment count, as the rubric and search pages show it. */
const CARD = RELATED_CARD_FRAGMENT;

/** A rubric page: its header and 30 cards. */
export const RUBRIC_PAGE_QUERY = `query RubricPage($slug: String!) {
  rubric(slug: $slug) {
    id name description path
    breadcrumb { name path }
    children { name path }
    articles(first: 30) { pageInfo { hasNextPage endCursor } edges { node { ...RelatedCard } } }
  }
}
${CARD}`;

/** A search results page: 20 results. */
export const SEARCH_PAGE_QUERY = `query SearchPage($query: String!, $after: String) {
  search(query: $query, first: 20, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { ...RelatedCard }
  }
}
${CARD}`;

/** The editors' desk: the dashboard with its four sections. */
export const DASHBOARD_QUERY = `query Dashboard {
  editorialDashboard {
    myDrafts { totalCount items { id title status updatedAt version authors { name } rubric { name } } }
    inReview { totalCount items { id title status updatedAt version authors { name } rubric { name } } }
    scheduled { totalCount items { id title status publishedAt version authors { name } rubric { name } } }
    recentlyPublished { totalCount items { id title status publishedAt version viewCount commentCount authors { name } rubric { name } } }
  }
}`;

/** The editor's article form, with its revisions. */
export const ADMIN_ARTICLE_QUERY = `query AdminArticle($id: ID!) {
  adminArticle(id: $id) {
    id title kicker standfirst slug status version publishedAt embargoUntil unpublishAt updatedAt
    body { __typename ... on ParagraphBlock { text } ... on HeadingBlock { text level } ... on QuoteBlock { text attribution } }
    rubric { id name path }
    secondaryRubrics { id name }
    authors { id name }
    tags { id name }
    heroImage { id altText url }
    corrections { text createdAt }
    revisions { number articleVersion changedFields createdAt }
  }
}`;

/** The moderators' queue: 50 pending comments with their article. */
export const MODERATION_QUEUE_QUERY = `query ModerationQueue {
  commentModerationQueue(first: 50) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id body createdAt status reportCount guestName guestEmail author { id displayName } article { id title path } }
  }
}`;

/** Saving the article form. */
export const UPDATE_ARTICLE_MUTATION = `mutation UpdateArticle($id: ID!, $version: Int!, $input: ArticleInput!) {
  updateArticle(id: $id, version: $version, input: $input) { id version title updatedAt status }
}`;

export const FRONT_END_OPERATIONS = {
  home: { query: HOME_PAGE_QUERY, variables: {} },
  article: { query: ARTICLE_PAGE_QUERY, variables: { slug: 'placeholder' } },
  rubric: { query: RUBRIC_PAGE_QUERY, variables: { slug: 'monde' } },
  search: { query: SEARCH_PAGE_QUERY, variables: { query: 'economie' } },
};

export const ADMIN_OPERATIONS = {
  dashboard: { query: DASHBOARD_QUERY, variables: {} },
  adminArticle: { query: ADMIN_ARTICLE_QUERY, variables: { id: '1' } },
  moderationQueue: { query: MODERATION_QUEUE_QUERY, variables: {} },
  updateArticle: { query: UPDATE_ARTICLE_MUTATION, variables: { id: '1', version: 1, input: { title: 'Titre' } } },
};
