import type { Media } from '../../entities/editorial/media.entity';
import { readSetting } from '../config/settings';

/** The standard crops: name → width × height. */
export const RENDITION_SIZES = {
  thumbnail: [320, 180],
  card: [640, 360],
  hero: [1280, 720],
  square: [400, 400],
  social: [1200, 630],
} as const;

export type RenditionKey = keyof typeof RENDITION_SIZES;

let baseUrl: string | undefined;

/** MEDIA_BASE_URL, read once: every card builds a rendition URL, and each read of process.env goes through C++. */
function mediaBaseUrl(): string {
  baseUrl ??= (readSetting('MEDIA_BASE_URL') ?? 'https://images.newsroom.example').replace(/\/$/, '');
  return baseUrl;
}

export function originalUrl(media: Media): string {
  return `${mediaBaseUrl()}/${media.storageKey}`;
}

/**
 * A crop URL for an image CDN that takes width, height and a focal point as query
 * parameters (imgix, Thumbor and most others have an equivalent). Never upscales.
 */
export function mediaRendition(media: Media, name: RenditionKey) {
  const [w, h] = RENDITION_SIZES[name];
  const scale = Math.min(1, media.width / w, media.height / h);
  const width = Math.max(1, Math.round(w * scale));
  const height = Math.max(1, Math.round(h * scale));
  const url = `${originalUrl(media)}?w=${width}&h=${height}&fit=crop&fp-x=${media.focalX}&fp-y=${media.focalY}`;
  return { name, url, width, height };
}

export function mediaRenditions(media: Media) {
  return (Object.keys(RENDITION_SIZES) as RenditionKey[]).map((name) => mediaRendition(media, name));
}
