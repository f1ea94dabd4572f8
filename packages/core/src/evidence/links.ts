/**
 * Video and web links as evidence. sid.35 accepts a Google Drive or YouTube link, and reuses
 * social-media uploads (TikTok, Instagram); a link is checked for its form (host and video id),
 * since the product cannot fetch a video to measure it: the uploader records its duration.
 */
export const VIDEO_HOSTS = ['youtube', 'google_drive', 'tiktok', 'instagram'] as const;
export type VideoHost = (typeof VIDEO_HOSTS)[number];

export interface VideoLink {
  readonly host: VideoHost;
  readonly videoId: string;
  /** One spelling per video, so that the same video linked twice is recognised as a duplicate. */
  readonly canonicalUrl: string;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const DRIVE_ID = /^[A-Za-z0-9_-]{10,200}$/;
const TIKTOK_ID = /^\d{8,25}$/;
const INSTAGRAM_ID = /^[A-Za-z0-9_-]{5,64}$/;

const hostOf = (url: URL): string => url.hostname.toLowerCase().replace(/^(www\.|m\.)/, '');
const segments = (url: URL): string[] => url.pathname.split('/').filter(Boolean);

function youtube(url: URL): VideoLink | undefined {
  const host = hostOf(url);
  const parts = segments(url);
  let id: string | undefined;
  if (host === 'youtu.be') id = parts[0];
  else if (host === 'youtube.com' || host === 'music.youtube.com') {
    if (parts[0] === 'watch') id = url.searchParams.get('v') ?? undefined;
    else if (['shorts', 'embed', 'live', 'v'].includes(parts[0] ?? '')) id = parts[1];
  }
  if (!id || !YOUTUBE_ID.test(id)) return undefined;
  return { host: 'youtube', videoId: id, canonicalUrl: `https://www.youtube.com/watch?v=${id}` };
}

function googleDrive(url: URL): VideoLink | undefined {
  if (hostOf(url) !== 'drive.google.com') return undefined;
  const parts = segments(url);
  let id: string | undefined;
  if (parts[0] === 'file' && parts[1] === 'd') id = parts[2];
  else if (parts[0] === 'open' || parts[0] === 'uc') id = url.searchParams.get('id') ?? undefined;
  if (!id || !DRIVE_ID.test(id)) return undefined;
  return { host: 'google_drive', videoId: id, canonicalUrl: `https://drive.google.com/file/d/${id}/view` };
}

function tiktok(url: URL): VideoLink | undefined {
  if (hostOf(url) !== 'tiktok.com') return undefined;
  const parts = segments(url);
  const at = parts.indexOf('video');
  const user = parts[0];
  const id = at >= 0 ? parts[at + 1] : undefined;
  if (!user?.startsWith('@') || !id || !TIKTOK_ID.test(id)) return undefined;
  return { host: 'tiktok', videoId: id, canonicalUrl: `https://www.tiktok.com/${user}/video/${id}` };
}

function instagram(url: URL): VideoLink | undefined {
  if (hostOf(url) !== 'instagram.com') return undefined;
  const [kind, id] = segments(url);
  if (!kind || !['reel', 'reels', 'p', 'tv'].includes(kind) || !id || !INSTAGRAM_ID.test(id))
    return undefined;
  return { host: 'instagram', videoId: id, canonicalUrl: `https://www.instagram.com/reel/${id}/` };
}

const parseHttps = (text: string): URL | undefined => {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'https:' && !url.username && !url.password ? url : undefined;
  } catch {
    return undefined;
  }
};

/** A video link in a recognised form, or undefined (wrong host, no id, not https). */
export function parseVideoLink(text: string): VideoLink | undefined {
  const url = parseHttps(text);
  if (!url) return undefined;
  return youtube(url) ?? googleDrive(url) ?? tiktok(url) ?? instagram(url);
}

/** A web page as evidence (a publication link, a service portal): any https address without credentials. */
export function parseWebLink(text: string): { canonicalUrl: string } | undefined {
  const url = parseHttps(text);
  if (!url) return undefined;
  url.hash = '';
  return { canonicalUrl: url.toString() };
}

/**
 * The pseudo-indicator under which a contest winner's files are linked to the innovation made from
 * it (docs/decisions/0042). It is no rubric indicator: the files are kept with the innovation, but
 * they support no answer, so they count toward no evidence figure, move no summary and do not make
 * the same file look "shared" when the operator links it to a real indicator.
 */
export const CONTEST_FILES_INDICATOR = 'lomba';

/** Whether a `linkedCodes` entry supports something scored (an answer, an SPD row, an agreement). */
export const supportsScoring = (code: string, count: number): boolean =>
  count > 0 && code !== CONTEST_FILES_INDICATOR;
