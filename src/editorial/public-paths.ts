/** Public URL paths of the site; `route` resolves them back. */
export const AUTHOR_PREFIX = 'auteurs';
export const TAG_PREFIX = 'sujets';

export const rubricPath = (rubricSlugPath: string) => `/${rubricSlugPath}`;
export const articlePath = (rubricSlugPath: string, articleSlug: string) => `/${rubricSlugPath}/${articleSlug}`;
export const authorPath = (slug: string) => `/${AUTHOR_PREFIX}/${slug}`;
export const tagPath = (slug: string) => `/${TAG_PREFIX}/${slug}`;

export function siteUrl(): string {
  return (process.env.SITE_URL ?? 'https://www.newsroom.example').replace(/\/$/, '');
}

export const absoluteUrl = (path: string) => `${siteUrl()}${path}`;

/** Share links for a public page, built from its absolute URL and title. */
export function shareLinks(url: string, title: string) {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return {
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${u}`,
    x: `https://x.com/intent/post?url=${u}&text=${t}`,
    linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
    email: `mailto:?subject=${t}&body=${u}`,
  };
}
