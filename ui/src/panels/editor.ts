/**
 * The Markdown editor: CodeMirror 6 with Markdown highlighting, soft wrap, undo history, the
 * search panel (find/replace) and the newsroom's formatting shortcuts. It knows nothing of saving:
 * it reports changes, and the app decides what to do with them.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab, toggleBlockComment, toggleComment } from '@codemirror/commands';
import { deleteMarkupBackward, insertNewlineContinueMarkup, markdownLanguage } from '@codemirror/lang-markdown';
import { LanguageSupport, syntaxHighlighting } from '@codemirror/language';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { type ChangeSet, Compartment, EditorSelection, EditorState, Prec, type Text, Transaction, type Extension } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  keymap,
  placeholder,
  type KeyBinding,
} from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import {
  blockInsertion,
  headingLevel,
  insertLink,
  nextHeadingLevel,
  setHeading,
  toggleWrap,
  type Edit,
} from '../logic/markdownFormat';
import { PUBLISH_SHORTCUT } from '../logic/shortcuts';
import { textChanges } from '../logic/sync';

/**
 * CodeMirror's standard editing keys without its comment commands: in Markdown they wrap text
 * in `<!-- -->`, which silently drops it from the published story, and their Mod-/ is the app's
 * key for the shortcut list.
 */
const EDITING_KEYS = defaultKeymap.filter(
  (binding) => binding.run !== toggleComment && binding.run !== toggleBlockComment,
);

export interface EditorHooks {
  /**
   * The user changed the text (not `setDoc`): the document is now `doc`, by `changes` (one or
   * more transactions). The document, not a string: making the string costs every keystroke.
   */
  onChange(doc: Text, changes: ChangeSet): void;
  /** The editor lost focus: a moment to save at once. */
  onBlur(): void;
  /** The top visible line changed (for scroll sync); fractional. */
  onScroll(topLine: number): void;
  /** Mod-Shift-p: the photos picker. */
  onInsertPhoto(): void;
  /** The Publish shortcut, which CodeMirror's history keymap would take on a Mac (redo selection). */
  onPublish(): void;
}

export class EditorPanel {
  readonly root: HTMLElement;
  readonly view: EditorView;
  private readonly hooks: EditorHooks;
  /** Set while `setDoc` replaces the text, so it is not reported as an edit. */
  private loading = false;
  /** Set while we scroll programmatically (scroll sync), so it is not echoed back. */
  private syncing = false;
  /** Spell and grammar checking, loaded after the first paint; every article's state gets it. */
  private readonly proofing = new Compartment();
  private proofingExtension: Extension = [];

  constructor(hooks: EditorHooks) {
    this.hooks = hooks;
    this.root = document.createElement('div');
    this.root.className = 'editor';
    this.root.dataset.testid = 'editor';
    this.view = new EditorView({
      parent: this.root,
      state: EditorState.create({ doc: '', extensions: this.extensions() }),
    });
    this.view.scrollDOM.addEventListener('scroll', () => {
      if (!this.syncing) this.hooks.onScroll(this.topLine());
    }, { passive: true });
  }

  private extensions(): Extension[] {
    const run = (make: (doc: string, from: number, to: number) => Edit) => (view: EditorView) => {
      const { from, to } = view.state.selection.main;
      const edit = make(view.state.doc.toString(), from, to);
      view.dispatch({
        changes: edit.changes,
        selection: EditorSelection.single(edit.anchor, edit.head),
        scrollIntoView: true,
        userEvent: 'input.format',
      });
      return true;
    };
    const heading = (level: number | 'cycle') => (view: EditorView) => {
      const changes = [];
      const seen = new Set<number>();
      for (const range of view.state.selection.ranges) {
        for (let pos = range.from; pos <= range.to; ) {
          const line = view.state.doc.lineAt(pos);
          if (!seen.has(line.number)) {
            seen.add(line.number);
            const target = level === 'cycle' ? nextHeadingLevel(headingLevel(line.text)) : level;
            // Cycling must reach "no heading" too, which setHeading's toggle gives for an equal level.
            const change = level === 'cycle' && target === 0
              ? setHeading(line.text, line.from, headingLevel(line.text))
              : setHeading(line.text, line.from, target);
            changes.push(change);
          }
          pos = line.to + 1;
        }
      }
      view.dispatch({ changes, userEvent: 'input.format' });
      return true;
    };
    const formatting: KeyBinding[] = [
      { key: 'Mod-b', run: run((d, f, t) => toggleWrap(d, f, t, '**')) },
      { key: 'Mod-i', run: run((d, f, t) => toggleWrap(d, f, t, '_')) },
      { key: 'Mod-k', run: run(insertLink) },
      { key: 'Mod-Alt-1', run: heading(1) },
      { key: 'Mod-Alt-2', run: heading(2) },
      { key: 'Mod-Alt-3', run: heading(3) },
      { key: 'Mod-Shift-h', run: heading('cycle') },
      { key: 'Mod-Shift-p', run: () => { this.hooks.onInsertPhoto(); return true; } },
      { key: PUBLISH_SHORTCUT, run: () => { this.hooks.onPublish(); return true; } },
      { key: 'Enter', run: insertNewlineContinueMarkup },
      { key: 'Backspace', run: deleteMarkupBackward },
    ];
    return [
      history(),
      drawSelection(),
      highlightActiveLine(),
      EditorView.lineWrapping,
      // The language alone, not markdown(): that helper pulls in the HTML, CSS and JavaScript
      // grammars (~300 kB) for embedded HTML, which an article body does not need.
      new LanguageSupport(markdownLanguage),
      syntaxHighlighting(classHighlighter),
      search({ top: true }),
      highlightSelectionMatches(),
      placeholder('Write the story in Markdown…'),
      this.proofing.of(this.proofingExtension),
      Prec.high(keymap.of(formatting)),
      keymap.of([...EDITING_KEYS, ...historyKeymap, ...searchKeymap, indentWithTab]),
      EditorView.contentAttributes.of({
        'aria-label': 'Article body',
        'aria-multiline': 'true',
        spellcheck: 'true',
        autocorrect: 'on',
        autocapitalize: 'sentences',
        'data-testid': 'editor-content',
      }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged && !this.loading) this.hooks.onChange(update.state.doc, update.changes);
      }),
      EditorView.domEventHandlers({
        blur: () => {
          this.hooks.onBlur();
          return false;
        },
      }),
    ];
  }

  /** Turns spell and grammar checking (proofing/) on, for this article and those opened after it. */
  setProofing(extension: Extension): void {
    this.proofingExtension = extension;
    this.view.dispatch({ effects: this.proofing.reconfigure(extension) });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  /** Replaces the document (opening another article): no change event, fresh undo history. */
  setDoc(text: string): void {
    this.loading = true;
    this.view.setState(EditorState.create({ doc: text, extensions: this.extensions() }));
    this.view.scrollDOM.scrollTop = 0;
    this.loading = false;
  }

  /**
   * Brings the text up to `text` (changed by another program) in place: only the stretches that
   * differ are replaced, so the cursor and selection map through it and the scroll position
   * stays. Not reported as an edit (nothing to save back) and not on the undo history (undo must
   * not take back someone else's change). Returns whether anything changed.
   */
  applyExternal(text: string): boolean {
    const changes = textChanges(this.text, text);
    if (changes.length === 0) return false;
    this.loading = true;
    try {
      this.view.dispatch({
        changes,
        annotations: [Transaction.addToHistory.of(false), Transaction.userEvent.of('external')],
      });
    } finally {
      this.loading = false;
    }
    return true;
  }

  focus(): void {
    this.view.focus();
  }

  /** Puts a block (a photo) on its own paragraph at the cursor, then focuses the editor. */
  insertBlock(block: string): void {
    const pos = this.view.state.selection.main.head;
    const c = blockInsertion(this.view.state.doc.toString(), pos, block);
    this.view.dispatch({
      changes: { from: c.from, to: c.to, insert: c.insert },
      selection: EditorSelection.cursor(c.cursor),
      scrollIntoView: true,
      userEvent: 'input.photo',
    });
    this.view.focus();
  }

  /** The source line at the top of the viewport, with the fraction scrolled past it. */
  topLine(): number {
    const top = this.view.scrollDOM.scrollTop;
    const block = this.view.lineBlockAtHeight(top - this.view.documentPadding.top);
    const line = this.view.state.doc.lineAt(block.from).number;
    const frac = block.height > 0 ? Math.min(1, Math.max(0, (top - this.view.documentPadding.top - block.top) / block.height)) : 0;
    return line + frac;
  }

  /** Scrolls so that `line` (fractional) is at the top, without reporting it back as a user scroll. */
  scrollToLine(line: number): void {
    const doc = this.view.state.doc;
    const n = Math.min(doc.lines, Math.max(1, Math.floor(line)));
    const block = this.view.lineBlockAt(doc.line(n).from);
    const top = block.top + (line - n) * block.height + this.view.documentPadding.top;
    this.syncing = true;
    this.view.scrollDOM.scrollTop = top;
    requestAnimationFrame(() => {
      this.syncing = false;
    });
  }
}
