/** One exported article: editorial's fields, its readership (audience) and its comment count (discussion). */
export type ExportRow = {
  id: number;
  slug: string;
  title: string;
  language: string;
  url: string;
  publishedAt: string | null;
  updatedAt: string;
  /** Slug path of the primary rubric, e.g. "monde/europe". */
  rubric: string;
  /** Rubric names from the top, e.g. ["Monde", "Europe"]. */
  rubricPath: string[];
  /** Bylines in order. */
  authors: string[];
  tags: string[];
  wordCount: number;
  viewCount: number;
  commentCount: number;
};

export type ExportFormat = 'ndjson' | 'csv';

export const CSV_COLUMNS: Array<keyof ExportRow> = [
  'id',
  'slug',
  'title',
  'language',
  'url',
  'publishedAt',
  'updatedAt',
  'rubric',
  'rubricPath',
  'authors',
  'tags',
  'wordCount',
  'viewCount',
  'commentCount',
];

/** Lists in one CSV cell: rubric names with " > ", bylines and tags with " | ". */
const LIST_SEPARATOR: Partial<Record<keyof ExportRow, string>> = { rubricPath: ' > ', authors: ' | ', tags: ' | ' };

/** RFC 4180: quote a cell holding a comma, a quote or a line break, doubling its quotes. */
function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function formatRow(row: ExportRow, format: ExportFormat): string {
  if (format === 'ndjson') return `${JSON.stringify(row)}\n`;
  return `${CSV_COLUMNS.map((c) => {
    const value = row[c];
    return csvCell(Array.isArray(value) ? value.join(LIST_SEPARATOR[c] ?? ' | ') : value);
  }).join(',')}\r\n`;
}
