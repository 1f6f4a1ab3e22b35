/**
 * The editor floor's page (crates/bare-window's `editor-floor`, measured by scripts/bench-app.sh):
 * Newsroom's own editor panel holding the article, beside the article's HTML in a frame sized to
 * its content, and nothing else of the app: no library, inspector, IPC, saving or checking. The
 * bench writes `article.md` and its rendered `article.html` beside this page.
 *
 * Typing into it is measured as Newsroom's is (ui/src/app/perf.ts): from the editor's change to
 * the next frame painted, the one that shows the letter.
 */
import { recordLetter, startPerfSamples } from '../../src/app/perf';
import { EditorPanel } from '../../src/panels/editor';

async function fetchText(name: string): Promise<string> {
  const response = await fetch(name);
  if (!response.ok) throw new Error(`${name}: ${response.status}`);
  return response.text();
}

function frameLoaded(frame: HTMLIFrameElement): Promise<Document> {
  return new Promise((resolve) => {
    const doc = frame.contentDocument;
    if (doc?.readyState === 'complete' && doc.getElementById('content')) resolve(doc);
    else frame.addEventListener('load', () => resolve(frame.contentDocument!), { once: true });
  });
}

async function show(): Promise<void> {
  const frame = document.querySelector('iframe')!;
  const [text, html, doc] = await Promise.all([fetchText('article.md'), fetchText('article.html'), frameLoaded(frame)]);
  startPerfSamples();
  const editor = new EditorPanel({ onChange: recordLetter, onBlur() {}, onScroll() {}, onInsertPhoto() {}, onPublish() {} });
  document.getElementById('editor-slot')!.append(editor.root);
  editor.setDoc(text);
  doc.getElementById('content')!.innerHTML = html;
  const fit = () => {
    frame.style.height = `${Math.max(doc.documentElement.scrollHeight, doc.body.scrollHeight)}px`;
  };
  new ResizeObserver(fit).observe(doc.body);
}

show().catch((err: unknown) => {
  document.body.textContent = `The editor floor could not load its article: ${String(err)}`;
});
