import { describe, expect, it, vi } from 'vitest';
import { bytesToBase64, isImagePath, mediaUrls, originalUrl, pastedFileName, thumbUrl } from '../src/logic/media';
import type { PhotoFile } from '../src/types';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
const { ipc, normalizeError } = await import('../src/ipc');

const file: PhotoFile = { hash: 'a'.repeat(64), format: 'jpeg', width: 10, height: 10, bytes: 100, original_name: 'x.jpg' };

describe('media helpers', () => {
  it('builds thumbnail and original URLs with the right extension, through the helper it is given', () => {
    const convert = vi.fn((path: string, protocol?: string) => `${protocol}:${path}`);
    const url = mediaUrls(convert);
    expect(thumbUrl(url, file)).toBe(`media:thumb/${'a'.repeat(64)}.jpg`);
    expect(originalUrl(url, { ...file, format: 'webp' })).toBe(`media:${'a'.repeat(64)}.webp`);
    expect(convert).toHaveBeenCalledWith(`thumb/${'a'.repeat(64)}.jpg`, 'media');
    expect(thumbUrl(url, null)).toBeNull();
    expect(thumbUrl(url, { ...file, hash: '../etc/passwd' })).toBeNull();
    expect(convert).toHaveBeenCalledTimes(2);
  });

  it('encodes bytes as base64, also large ones', () => {
    expect(bytesToBase64(new Uint8Array([104, 105]))).toBe('aGk=');
    const big = new Uint8Array(200_000).fill(65);
    expect(atob(bytesToBase64(big)).length).toBe(200_000);
  });

  it('names pasted images and recognizes image paths', () => {
    expect(pastedFileName('image/png', new Date(2026, 10, 3, 14, 5, 9))).toBe('pasted-2026-11-03-140509.png');
    expect(pastedFileName('image/jpeg', new Date(2026, 0, 1))).toMatch(/\.jpg$/);
    expect(isImagePath('/tmp/A.JPG')).toBe(true);
    expect(isImagePath('/tmp/notes.txt')).toBe(false);
  });
});

describe('ipc', () => {
  it('passes camelCase arguments to the commands', async () => {
    invoke.mockResolvedValueOnce([]);
    await ipc.attachPhotoFiles(3, ['/a.jpg'], true);
    expect(invoke).toHaveBeenLastCalledWith('attach_photo_files', { articleId: 3, paths: ['/a.jpg'], featured: true });
    invoke.mockResolvedValueOnce(null);
    await ipc.moveRelated(3, 1, 2);
    expect(invoke).toHaveBeenLastCalledWith('move_related', { articleId: 3, from: 1, to: 2 });
    invoke.mockResolvedValueOnce({ pages: [], images: [], index: null });
    await ipc.exportArticles([1], '/out', true);
    expect(invoke).toHaveBeenLastCalledWith('export_articles', { ids: [1], path: '/out', singleFile: true, ignoreEmbargo: false });
    invoke.mockResolvedValueOnce({ pages: [], images: [], index: null });
    await ipc.exportArticles([1], '/out', false, true);
    expect(invoke).toHaveBeenLastCalledWith('export_articles', { ids: [1], path: '/out', singleFile: false, ignoreEmbargo: true });
  });

  it('normalizes every rejection to {kind, message}', async () => {
    invoke.mockRejectedValueOnce({ kind: 'conflict', message: 'The slug “x” is taken.' });
    await expect(ipc.updateArticle(1, { slug: 'x' })).rejects.toEqual({ kind: 'conflict', message: 'The slug “x” is taken.' });
    invoke.mockRejectedValueOnce('plain text');
    await expect(ipc.listSections()).rejects.toEqual({ kind: 'internal', message: 'plain text' });
    expect(normalizeError(undefined).message).toMatch(/could not complete/);
    expect(normalizeError({ kind: 'weird', message: 'm' })).toEqual({ kind: 'internal', message: 'm' });
  });
});
