/**
 * Known robots by user agent. Crawlers, link previewers, monitors, headless browsers and HTTP
 * libraries announce themselves; counting them would make the most-read list a list of what
 * Googlebot re-crawled. Robots that pose as browsers are not caught here (rate limits bound
 * what one address can add), and a request without a user agent counts as a robot: every
 * browser sends one.
 *
 * Generic words (bot, crawl, spider) are matched only as a whole word or right before a
 * version slash, so a phone named "CUBOT" or "Robotics" in a user agent is not a robot.
 */
const BOT_PATTERNS: RegExp[] = [
  /(?:^|[^a-z])bot(?:[^a-z]|$)/i,
  /[a-z]bot\//i,
  /crawl|spider|slurp|scrap(?:er|y)/i,
  /googlebot|bingbot|yandex|baiduspider|duckduckbot|applebot|petalbot|bytespider|seznam|sogou|exabot|qwant/i,
  /ahrefs|semrush|mj12|dotbot|rogerbot|screaming frog|sitebulb|dataforseo/i,
  /gptbot|chatgpt-user|oai-searchbot|ccbot|claudebot|claude-web|anthropic-ai|perplexity|cohere-ai|google-extended|diffbot/i,
  /facebookexternalhit|facebookcatalog|meta-externalagent|twitterbot|linkedinbot|slackbot|discordbot|telegrambot|whatsapp|skypeuripreview|embedly|pinterest|redditbot|iframely|vkshare/i,
  /headlesschrome|phantomjs|puppeteer|playwright|selenium|webdriver|lighthouse|pagespeed|chrome-lighthouse|gtmetrix/i,
  /pingdom|uptimerobot|statuscake|site24x7|newrelicpinger|datadog|checkly|monitor/i,
  /curl\/|wget\/|httpie|python-requests|python-urllib|python-httpx|aiohttp|go-http-client|java\/|okhttp|apache-httpclient|libwww-perl|axios\/|node-fetch|undici|make-fetch-happen|got \(|ruby|php\//i,
  /^node(?:\/|$)/i,
  /feedfetcher|feedly|rss|nutch|heritrix|archive\.org_bot|ia_archiver/i,
];

export function isBot(userAgent: string | null | undefined): boolean {
  const ua = userAgent?.trim();
  if (!ua) return true;
  return BOT_PATTERNS.some((pattern) => pattern.test(ua));
}

/**
 * Remembers the verdict for the user agents seen most recently: a browser's user agent is one
 * of a few hundred strings, and testing a dozen patterns on each beacon was measurable.
 */
export class BotVerdicts {
  private readonly verdicts = new Map<string, boolean>();

  constructor(private readonly capacity = 2000) {}

  isBot(userAgent: string | null | undefined): boolean {
    const key = userAgent ?? '';
    let verdict = this.verdicts.get(key);
    if (verdict === undefined) {
      verdict = isBot(key);
      if (this.verdicts.size >= this.capacity) this.verdicts.clear();
      if (key.length <= 512) this.verdicts.set(key, verdict);
    }
    return verdict;
  }
}
