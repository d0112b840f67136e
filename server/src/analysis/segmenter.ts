// Word segmentation behind a small interface. The analysis cuts only small windows around
// names (people.ts), and jieba-wasm does that with the same dictionary and algorithm as
// nodejieba at a third of the memory (about 75 MB of RSS against 235 MB for nodejieba's
// native dictionaries, which also take 1.3 s to load against 0.5 s): it is preferred, and
// nodejieba takes over where WebAssembly cannot load. Loading happens lazily, when the
// editor is idle, off the path of the first diagnostics.
export interface Token { word: string; tag: string }
export interface Segmenter {
  readonly name: 'nodejieba' | 'jieba-wasm';
  /** Words of text; hmm false: dictionary words only, an unknown character stays alone. */
  cut(text: string, hmm?: boolean): string[];
  tag(text: string): Token[];
}

type Loader = () => Segmenter;

const loadNodejieba: Loader = () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const jieba = require('nodejieba') as { load(): void; cut(s: string, hmm?: boolean): string[]; tag(s: string): Token[] };
  jieba.load();
  return { name: 'nodejieba', cut: (s, hmm = true) => jieba.cut(s, hmm), tag: (s) => jieba.tag(s) };
};

const loadJiebaWasm: Loader = () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wasm = require('jieba-wasm') as { cut(s: string, hmm?: boolean): string[]; tag(s: string, hmm?: boolean): { word: string; tag: string }[] };
  wasm.cut('加载', false); // the dictionary loads on the first cut (half a second): here, not in an analysis
  return { name: 'jieba-wasm', cut: (s, hmm = true) => wasm.cut(s, hmm), tag: (s) => wasm.tag(s, true).map((t) => ({ word: t.word, tag: t.tag })) };
};

let cached: Segmenter | null = null;
let failure: string | null = null;
// each implementation loads its dictionary once (a second or more)
const loaded = new Map<Segmenter['name'], Segmenter>();
const once = (name: Segmenter['name'], load: Loader): Segmenter => {
  let s = loaded.get(name);
  if (!s) loaded.set(name, (s = load()));
  return s;
};

/** Load a segmenter now (blocking). `prefer` forces one implementation (tests run both) without making it the analysis's. */
export function loadSegmenter(prefer?: 'nodejieba' | 'jieba-wasm'): Segmenter {
  if (prefer === 'jieba-wasm') return once(prefer, loadJiebaWasm);
  if (prefer === 'nodejieba') return once(prefer, loadNodejieba);
  if (cached) return cached;
  try {
    cached = once('jieba-wasm', loadJiebaWasm);
  } catch (e) {
    failure = `jieba-wasm unavailable (${(e as Error).message.split('\n')[0]}); using nodejieba`;
    cached = once('nodejieba', loadNodejieba);
  }
  return cached;
}

export const segmenterWarning = (): string | null => failure;

/** The segmenter if it has loaded, without loading it (analysis must never wait a second). */
export const loadedSegmenter = (): Segmenter | null => cached;

/** Load in the background after the current turn of the event loop. */
export function warmSegmenter(onReady?: (s: Segmenter) => void): void {
  if (cached) { onReady?.(cached); return; }
  setTimeout(() => { const s = loadSegmenter(); onReady?.(s); }, 50).unref?.();
}
