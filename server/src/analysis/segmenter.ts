// Word segmentation behind a small interface. nodejieba (native) is preferred; where its
// binding cannot load (another OS/arch than the package was built on, a failed native
// build) jieba-wasm takes over. Loading the dictionary takes about a second, so it
// happens lazily, off the path of the first diagnostics.
export interface Token { word: string; tag: string }
export interface Segmenter {
  readonly name: 'nodejieba' | 'jieba-wasm';
  cut(text: string): string[];
  tag(text: string): Token[];
}

type Loader = () => Segmenter;

const loadNodejieba: Loader = () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const jieba = require('nodejieba') as { load(): void; cut(s: string, hmm?: boolean): string[]; tag(s: string): Token[] };
  jieba.load();
  return { name: 'nodejieba', cut: (s) => jieba.cut(s, true), tag: (s) => jieba.tag(s) };
};

const loadJiebaWasm: Loader = () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wasm = require('jieba-wasm') as { cut(s: string, hmm?: boolean): string[]; tag(s: string, hmm?: boolean): { word: string; tag: string }[] };
  return { name: 'jieba-wasm', cut: (s) => wasm.cut(s, true), tag: (s) => wasm.tag(s, true).map((t) => ({ word: t.word, tag: t.tag })) };
};

let cached: Segmenter | null = null;
let failure: string | null = null;

/** Load a segmenter now (blocking). `prefer` forces one implementation (tests run both). */
export function loadSegmenter(prefer?: 'nodejieba' | 'jieba-wasm'): Segmenter {
  if (prefer === 'jieba-wasm') return loadJiebaWasm();
  if (prefer === 'nodejieba') return loadNodejieba();
  if (cached) return cached;
  try {
    cached = loadNodejieba();
  } catch (e) {
    failure = `nodejieba unavailable (${(e as Error).message.split('\n')[0]}); using jieba-wasm`;
    cached = loadJiebaWasm();
  }
  return cached;
}

export const segmenterWarning = (): string | null => failure;

/** Load in the background after the current turn of the event loop. */
export function warmSegmenter(onReady?: (s: Segmenter) => void): void {
  if (cached) { onReady?.(cached); return; }
  setTimeout(() => { const s = loadSegmenter(); onReady?.(s); }, 50).unref?.();
}
