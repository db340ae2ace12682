/** The fields an article card shows, editorial's and the other subgraphs'. */
const CARD = `id title slug path publishedAt readingTime { label } authors { name } rubric { name } commentCount viewCount`;

/** What a web front end asks for its home page. */
export const HOME_PAGE = `query HomePage { homePage {
  headline { lead { ${CARD} } secondary { ${CARD} } }
  selection { ${CARD} }
  rubricBlocks { rubric { name path } articles { ${CARD} } }
  trending(limit: 5) { ${CARD} }
} }`;

/** What a web front end asks for an article page. */
export const ARTICLE_PAGE = `query ArticlePage($slug: String!) { article(slug: $slug) {
  ${CARD} standfirst body { __typename }
  viewCount commentCount commentsOpen
  comments(first: 10) { edges { node { id bodyHtml replies(first: 3) { edges { node { id bodyHtml } } } } } }
  related(first: 4) { ${CARD} }
} }`;
