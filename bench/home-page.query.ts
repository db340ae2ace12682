/** The article card every page of the front end shows (editorial fields only). */
export const CARD_FRAGMENT = `fragment Card on Article {
  id title slug kicker standfirst publishedAt path
  readingTime { label }
  heroImage { altText rendition(name: CARD) { url width height } }
  authors { name path }
  rubric { name breadcrumb { name path } }
}`;

/** The home page as the site's front end asks for it: the query every benchmark run sends. */
export const HOME_PAGE_QUERY = `query HomePage {
  homePage(articlesPerBlock: 4) {
    headline { lead { ...Card } secondary { ...Card } }
    selection { ...Card }
    rubricBlocks { rubric { name path } articles { ...Card } }
    magazineIssue { number title onSaleDate }
  }
}
${CARD_FRAGMENT}`;
