/**
 * The live preview: a sandboxed iframe (no script runs in it) loading preview.html, which links
 * the export stylesheet. The parent writes the article into it: header, featured photo,
 * corrections and related links from the metadata (as text nodes, in the export's markup), the
 * body as the core's sanitized HTML.
 *
 * The iframe is sized to its content and the pane around it scrolls, so scroll sync and clicks
 * are handled entirely in the parent: a transparent layer over the iframe receives the clicks
 * and asks the iframe's document which link is under the pointer (`elementFromPoint`) — a
 * sandbox without allow-scripts may refuse event listeners inside the frame.
 */
import { h } from '../dom';
import { BlockPatcher } from '../logic/blockPatcher';
import { EXPORT_STACKS, settleFontStacks } from '../logic/fontStacks';
import { afterNextPaint } from '../logic/frames';
import { originalUrl, type MediaUrl } from '../logic/media';
import { lineToOffset, normalizeAnchors, offsetToLine, parseSourcepos, type Anchor } from '../logic/scrollSync';
import { isInternalLink, type Article, type Correction, type PhotoUse, type PreviewPatch, type RelatedLink } from '../types';
import { correctionEntry } from './corrections';

export interface PreviewHooks {
  onOpenArticle(id: number): void;
  onScroll(line: number): void;
  /** Photo URLs under the shell's `media` scheme (the featured photo). */
  mediaUrl: MediaUrl;
}

export interface PreviewMeta {
  article: Article;
  photos: PhotoUse[];
  related: RelatedLink[];
  /** Printed after the body, before the related links, as the export closes the page. */
  corrections: Correction[];
}

const ARTICLE_LINK = /^#article-(\d+)$/;

/**
 * Blocks shown at once when an article opens (more than a tall window holds); the rest follow
 * after that first paint, so a long article's preview does not wait for all of it to be laid out.
 */
export const FIRST_PAINT_BLOCKS = 40;

export class PreviewPanel {
  readonly root: HTMLElement;
  readonly frame: HTMLIFrameElement;
  private readonly overlay: HTMLElement;
  private readonly hooks: PreviewHooks;
  private ready = false;
  private meta: PreviewMeta | null = null;
  /** The body's HTML as last given whole (on open); typing's patches change only the page. */
  /** The body's blocks as the article opened (the core's, see `ArticleView.preview`). */
  private blocks: string[] = [];
  private anchors: Anchor[] | null = null;
  private syncing = false;
  private resize: ResizeObserver | null = null;
  /** Keeps #content in step with the HTML, re-parsing only the blocks that changed. */
  private patcher: BlockPatcher | null = null;
  private drawn = false;

  /**
   * `declared` is a `.preview` element already in the page (index.html declares the main one, so
   * its frame loads while the script starts); without it the panel makes its own.
   */
  constructor(hooks: PreviewHooks, declared: HTMLElement | null = null, src = 'preview.html') {
    this.hooks = hooks;
    const frame = declared?.querySelector('iframe');
    const overlay = declared?.querySelector<HTMLElement>('.preview-overlay');
    if (declared && frame && overlay) {
      this.root = declared;
      this.frame = frame;
      this.overlay = overlay;
    } else {
      this.frame = h('iframe', { title: 'Preview', sandbox: 'allow-same-origin', src, tabindex: '-1', 'data-testid': 'preview-frame' });
      this.overlay = h('div', { class: 'preview-overlay', 'aria-hidden': 'true' });
      this.root = h('div', { class: 'preview', 'data-testid': 'preview', role: 'region', 'aria-label': 'Preview', tabindex: '0' }, h('div', { class: 'preview-sheet' }, this.frame, this.overlay));
    }
    // A declared frame may have finished loading before this script ran; one still loading may
    // have its elements but not yet its stylesheet, whose font stacks onFrameLoaded reads.
    const doc = this.doc;
    if (doc?.readyState === 'complete' && doc.getElementById('content')) this.onFrameLoaded();
    else this.frame.addEventListener('load', () => this.onFrameLoaded());
    this.overlay.addEventListener('click', (e) => this.onClick(e));
    this.overlay.addEventListener('mousemove', (e) => {
      this.overlay.classList.toggle('over-link', this.linkAt(e) !== null);
    });
    this.root.addEventListener('scroll', () => {
      if (this.syncing) return;
      this.hooks.onScroll(offsetToLine(this.getAnchors(), this.root.scrollTop));
    }, { passive: true });
  }

  private onFrameLoaded(): void {
    this.ready = true;
    // Before the article is drawn in it: each absent family would cost a lookup per style drawn.
    if (this.doc) settleFontStacks(this.doc, EXPORT_STACKS);
    this.paint({ body: true, staged: true });
    const body = this.doc?.body;
    if (body && !this.resize && typeof ResizeObserver !== 'undefined') {
      this.resize = new ResizeObserver(() => this.fit());
      this.resize.observe(body);
    }
  }

  private get doc(): Document | null {
    return this.frame.contentDocument;
  }

  /**
   * The whole article (on open), or its metadata, photos and related links (after they changed):
   * the body is redrawn only when its `blocks` are given, else it stays as typing left it.
   */
  setArticle(meta: PreviewMeta, blocks?: string[]): void {
    // Another article starts at its top, so it can be drawn in stages.
    const another = this.meta?.article.id !== meta.article.id;
    if (another) this.root.scrollTop = 0;
    this.meta = meta;
    if (blocks !== undefined) this.blocks = blocks;
    this.paint({ body: blocks !== undefined || another, staged: another });
  }

  /** Only the body, redrawn whole from `blocks` (its text came from elsewhere); the header stays. */
  showBody(blocks: string[]): void {
    this.blocks = blocks;
    const patcher = this.ready ? this.contentPatcher() : null;
    if (!patcher) return;
    patcher.reset(blocks);
    this.afterChange();
  }

  /**
   * Only the body (the typing path): the core's patch replaces the changed blocks, the rest
   * stays; `redraw` empties the body first. Otherwise nothing changes, and the answer says why:
   * the patch does not fit what is shown (the caller asks for a redraw), or the frame has not
   * loaded yet (it will show the article as opened; the next keystroke redraws it).
   */
  applyPatch(patch: PreviewPatch, redraw: boolean): 'shown' | 'misfit' | 'unready' {
    const patcher = this.ready ? this.contentPatcher() : null;
    if (!patcher) return 'unready';
    if (!patcher.apply(patch, redraw)) return 'misfit';
    this.afterChange();
    return 'shown';
  }

  private contentPatcher(): BlockPatcher | null {
    const content = this.doc?.getElementById('content');
    if (!content) return null;
    // The frame's document is replaced if it ever reloads: follow it.
    if (!this.patcher || !this.patcher.showsIn(content)) this.patcher = new BlockPatcher(content);
    return this.patcher;
  }

  /**
   * Draws the article's header, photo, corrections and related links, and with `body` its body
   * from the HTML last given, in two stages when `staged` (the pane is at the top).
   */
  private paint({ body, staged }: { body: boolean; staged: boolean }): void {
    const doc = this.doc;
    if (!this.ready || !doc) return;
    const header = doc.getElementById('header');
    const featured = doc.getElementById('featured');
    const dateline = doc.getElementById('dateline');
    const content = doc.getElementById('content');
    const corrections = doc.getElementById('corrections');
    const related = doc.getElementById('related');
    if (!header || !featured || !dateline || !content || !corrections || !related) return;
    const a = this.meta?.article;
    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text: string) => {
      const e = doc.createElement(tag);
      if (cls) e.className = cls;
      e.textContent = text;
      return e;
    };
    header.replaceChildren();
    featured.replaceChildren();
    corrections.replaceChildren();
    related.replaceChildren();
    if (a) {
      // The export's header, in its order (export/templates/page.html): section, kicker, headline.
      if (a.section) header.append(el('p', 'section', a.section));
      if (a.kicker) header.append(el('p', 'kicker', a.kicker));
      header.append(el('h1', '', a.headline || 'Untitled'));
      if (a.dek) header.append(el('p', 'dek', a.dek));
      if (a.byline) {
        const meta = el('p', 'meta', '');
        meta.append(el('span', 'byline', `By ${a.byline}`));
        header.append(meta);
      }
      const use = this.meta?.photos.find((p) => p.role === 'featured');
      if (use) featured.append(this.figure(doc, use));
      dateline.textContent = a.dateline;
      dateline.hidden = !a.dateline;
      const printed = this.correctionsAside(doc);
      if (printed) corrections.append(printed);
      const links = this.meta?.related ?? [];
      if (links.length > 0) {
        const aside = el('aside', 'related', '');
        aside.append(el('h2', '', 'Related'));
        const ul = doc.createElement('ul');
        for (const link of links) {
          const li = doc.createElement('li');
          const anchor = el('a', '', link.title || (isInternalLink(link) ? 'Untitled' : link.url));
          anchor.setAttribute('href', isInternalLink(link) ? `#article-${link.id}` : link.url);
          li.append(anchor);
          ul.append(li);
        }
        aside.append(ul);
        related.append(aside);
      }
    }
    if (a && !this.drawn) {
      // Asked before the rest of the body is: the mark is the first paint of the article.
      this.drawn = true;
      afterNextPaint(() => performance.mark('preview-drawn'));
    }
    const patcher = body ? this.contentPatcher() : null;
    if (patcher && staged) {
      patcher.resetInStages(this.blocks, FIRST_PAINT_BLOCKS);
      afterNextPaint(() => {
        if (patcher.finish()) this.afterChange();
      });
    } else {
      patcher?.reset(this.blocks);
    }
    this.afterChange();
  }

  /** The export's closing list of corrections and updates (templates/page.html); `null` with none. */
  private correctionsAside(doc: Document): HTMLElement | null {
    const entries = (this.meta?.corrections ?? []).map((c) => correctionEntry(doc, 'p', c)).filter((p) => p !== null);
    if (entries.length === 0) return null;
    const aside = doc.createElement('aside');
    aside.className = 'corrections';
    aside.setAttribute('aria-labelledby', 'corrections-heading');
    const heading = doc.createElement('h2');
    heading.id = 'corrections-heading';
    heading.textContent = 'Corrections and updates';
    aside.append(heading, ...entries);
    return aside;
  }

  private figure(doc: Document, use: PhotoUse): HTMLElement {
    const fig = doc.createElement('figure');
    fig.className = 'featured';
    const url = originalUrl(this.hooks.mediaUrl, use.photo.file);
    if (url && use.photo.file) {
      const img = doc.createElement('img');
      img.src = url;
      img.alt = use.photo.alt;
      img.width = use.photo.file.width;
      img.height = use.photo.file.height;
      fig.append(img);
    } else {
      const waiting = doc.createElement('div');
      waiting.className = 'awaiting-photo';
      waiting.textContent = 'Photo awaiting its file';
      fig.append(waiting);
    }
    const caption = use.caption_override ?? use.photo.caption;
    if (caption || use.photo.credit) {
      const cap = doc.createElement('figcaption');
      cap.textContent = caption;
      if (use.photo.credit) {
        const credit = doc.createElement('span');
        credit.className = 'credit';
        credit.textContent = use.photo.credit;
        cap.append(' ', credit);
      }
      fig.append(cap);
    }
    return fig;
  }

  private afterChange(): void {
    performance.mark('preview-updated');
    this.anchors = null;
    // The ResizeObserver on the frame's body refits after layout, without forcing a layout of
    // the whole article here on every keystroke.
    if (!this.resize) this.fit();
    // Images change the height as they load; listeners inside a sandboxed frame may not fire,
    // so re-measure a few times while they arrive.
    const pending = [...(this.doc?.images ?? [])].some((img) => !img.complete);
    if (pending) for (const ms of [100, 400, 1200, 3000]) setTimeout(() => this.fit(), ms);
  }

  /** Sizes the iframe to its content, so the pane (not the frame) scrolls. */
  fit(): void {
    const doc = this.doc;
    if (!doc?.documentElement) return;
    const height = Math.max(doc.documentElement.scrollHeight, doc.body?.scrollHeight ?? 0);
    this.frame.style.height = `${height}px`;
    this.anchors = null;
  }

  private getAnchors(): Anchor[] {
    if (this.anchors) return this.anchors;
    const doc = this.doc;
    const raw: Anchor[] = [];
    if (doc) {
      const base = this.frame.offsetTop + (this.frame.parentElement?.offsetTop ?? 0);
      const docTop = doc.documentElement.getBoundingClientRect().top;
      doc.querySelectorAll<HTMLElement>('#content [data-sourcepos]').forEach((el) => {
        const pos = parseSourcepos(el.getAttribute('data-sourcepos'));
        if (pos) raw.push({ line: pos.start, top: base + el.getBoundingClientRect().top - docTop });
      });
    }
    this.anchors = normalizeAnchors(raw);
    return this.anchors;
  }

  /** Scrolls the preview to show source line `line` at the top (from the editor's scroll). */
  scrollToLine(line: number): void {
    const anchors = this.getAnchors();
    if (anchors.length === 0) return;
    this.syncing = true;
    this.root.scrollTop = line <= 1 ? 0 : lineToOffset(anchors, line);
    requestAnimationFrame(() => {
      this.syncing = false;
    });
  }

  private linkAt(e: MouseEvent): HTMLAnchorElement | null {
    const doc = this.doc;
    if (!doc) return null;
    const rect = this.frame.getBoundingClientRect();
    const target = doc.elementFromPoint(e.clientX - rect.left, e.clientY - rect.top);
    return (target?.closest('a[href]') as HTMLAnchorElement | null) ?? null;
  }

  private onClick(e: MouseEvent): void {
    const link = this.linkAt(e);
    const m = ARTICLE_LINK.exec(link?.getAttribute('href') ?? '');
    if (m) this.hooks.onOpenArticle(Number(m[1]));
  }

  /** Finds article links (for tests and keyboard users): the ids linked from the body. */
  linkedArticleIds(): number[] {
    const ids: number[] = [];
    this.doc?.querySelectorAll('a[href^="#article-"]').forEach((a) => {
      const m = ARTICLE_LINK.exec(a.getAttribute('href') ?? '');
      if (m) ids.push(Number(m[1]));
    });
    return ids;
  }
}
