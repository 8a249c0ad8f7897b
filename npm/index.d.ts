// Types of Lacuna's JavaScript API (index.js). The result model (Comparison,
// Document, Omission, WordDiff, Options, …) is generated from the Rust types
// into lacuna.d.ts by wasm-bindgen and tsify; it is re-exported from here, never
// written out twice.
import type { Comparison, Document, Options, WordDiff } from './lacuna.js';

export type * from './lacuna.js';

/**
 * Where the WebAssembly module is: a URL or path, a `Response` (or a promise
 * of one), its bytes, or a compiled module.
 */
export type WasmSource =
  | string
  | URL
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module
  | Promise<Response | BufferSource | WebAssembly.Module>;

/**
 * Loads and instantiates the WebAssembly module; call it once and await it
 * before anything else (later calls return at once). Without `wasm` it loads
 * `lacuna_bg.wasm` beside the package's `index.js`; in Node.js pass the bytes.
 * Rejects with an `Error` naming the source if the module cannot be loaded.
 */
export function init(wasm?: WasmSource): Promise<void>;

/**
 * Compares a summary with the report it summarises. `options` may set any
 * subset of the settings. Throws an `Error` with a message for people when an
 * input is empty, not text or too large, an option is unknown or out of range,
 * an argument has the wrong type, or `init` has not finished.
 */
export function compare(summary: string, report: string, options?: Options | null): Comparison;

/**
 * `compare`'s result as JSON text (plain ASCII), for a result bound for
 * another thread: a worker that posts the text for the page to parse hands
 * it over faster than one that posts the parsed objects. Throws as `compare`.
 */
export function compareJson(summary: string, report: string, options?: Options | null): string;

/** Rebuilds the paragraphs, headings and sentences of one text (no verdicts). */
export function segment(text: string): Document;

/**
 * Word diff of a report sentence against a summary sentence drawing on it:
 * pass the `text` of two linked sentences; the spans' ranges index into them.
 */
export function wordDiff(reportSentence: string, summarySentence: string): WordDiff;

/**
 * Decodes a file's bytes (UTF-8, UTF-16 with a byte-order mark or
 * Windows-1252) into text; throws for PDFs and other binaries. `side` names
 * the input in error messages.
 */
export function decode(bytes: Uint8Array | ArrayBuffer, side?: 'summary' | 'report' | 'text'): string;

/**
 * Throws the error `compare` would give for an input of `bytes` over the
 * options' `max_input_bytes`: call it with a file's size before reading the
 * file, so a huge file is refused without being loaded.
 */
export function checkSize(bytes: number, side?: 'summary' | 'report' | 'text', options?: Partial<Options>): void;
