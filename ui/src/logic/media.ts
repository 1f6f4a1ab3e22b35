/** Photo URLs under the shell's `media` scheme and small photo helpers. */
import type { ImageFormat, PhotoFile } from '../types';

/** The shell's URI scheme for photo files (src-tauri/src/media.rs). */
export const MEDIA_SCHEME = 'media';

/**
 * Tauri's `convertFileSrc` (@tauri-apps/api/core): the URL of `path` under a custom scheme, in the
 * form this platform's webview reaches it — `media://localhost/<path>` on macOS and Linux,
 * `http://media.localhost/<path>` on Windows (WebView2 cannot register a scheme of its own). It
 * encodes `path` as one URI component; the shell decodes it.
 */
export type ConvertFileSrc = (path: string, protocol?: string) => string;

/** The URL of one file the `media` scheme serves, by its name there ("<hash>.<ext>", "thumb/<hash>.<ext>"). */
export type MediaUrl = (name: string) => string;

/** Media URLs built by Tauri's helper, never by hand, so each platform gets its own form. */
export function mediaUrls(convert: ConvertFileSrc): MediaUrl {
  return (name) => convert(name, MEDIA_SCHEME);
}

const EXTENSIONS: Record<ImageFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif' };

const HASH = /^[0-9a-f]{64}$/;

/** The thumbnail (`thumb/<hash>.<ext>`) — null for anything the scheme would refuse anyway. */
export function thumbUrl(url: MediaUrl, file: PhotoFile | null): string | null {
  if (!file || !HASH.test(file.hash)) return null;
  return url(`thumb/${file.hash}.${EXTENSIONS[file.format]}`);
}

/** The original (`<hash>.<ext>`). */
export function originalUrl(url: MediaUrl, file: PhotoFile | null): string | null {
  if (!file || !HASH.test(file.hash)) return null;
  return url(`${file.hash}.${EXTENSIONS[file.format]}`);
}

/** Base64 of binary data, chunked so large pasted images do not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** A file name for a pasted image that has none ("pasted-2026-11-03-1412.png"). */
export function pastedFileName(mime: string, now: Date): string {
  const ext = mime === 'image/jpeg' ? 'jpg' : mime.replace(/^image\//, '').replace(/[^a-z0-9]/g, '') || 'png';
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `pasted-${stamp}.${ext}`;
}

const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'gif'];

/** Whether a dropped path looks like an image we accept (the core checks the bytes anyway). */
export function isImagePath(path: string): boolean {
  const ext = path.split('.').pop()?.toLowerCase() ?? '';
  return IMAGE_EXTENSIONS.includes(ext);
}
