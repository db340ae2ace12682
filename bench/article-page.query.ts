import { CARD_FRAGMENT } from './home-page.query';

/**
 * The related-article card of the article page: the `Card` of the other pages with its
 * comment count (the page's "Continuer la lecture" shows it).
 */
export const RELATED_CARD_FRAGMENT = `fragment RelatedCard on Article {
  ...Card
  commentCount
}
${CARD_FRAGMENT}`;

/**
 * An article page as the front end asks for it: the article, its share links, its first ten
 * comment threads (five replies each) and four related articles as cards. The benchmark and
 * the operation-limit tests (test/limits/page-operations.ts) send this same query.
 */
export const ARTICLE_PAGE_QUERY = `query ArticlePage($slug: String!) {
  article(slug: $slug) {
    id title kicker standfirst publishedAt updatedAt path canonicalUrl language
    seo { metaTitle metaDescription }
    shareLinks { facebook x linkedin email }
    heroImage { altText credit caption rendition(name: HERO) { url width height } }
    body {
      __typename
      ... on ParagraphBlock { text }
      ... on HeadingBlock { text level }
      ... on QuoteBlock { text attribution }
      ... on ImageBlock { caption image { altText rendition(name: CARD) { url width height } } }
      ... on EmbedBlock { provider url caption }
      ... on ListBlock { ordered items }
    }
    breadcrumb { name path }
    authors { name path }
    tags { name path }
    corrections { text createdAt }
    readingTime { label }
    viewCount
    commentCount
    commentsOpen
    comments(first: 10) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id body createdAt likeCount replyCount removed author { displayName }
          guestName
          replies(first: 5) { nodes { id body createdAt likeCount removed author { displayName } guestName } }
        }
      }
    }
    related(first: 4) { ...RelatedCard }
  }
}
${RELATED_CARD_FRAGMENT}`;
