// Lacuna's JavaScript API: the core's functions, behind one `init` and with
// every failure thrown as an `Error` that says what to fix. The core does the
// work and owns every rule; this layer only checks what the WebAssembly glue
// cannot (argument types, initialisation) and names traps as what they are.
import initCore, * as core from './lacuna.js';

let ready = false;

/**
 * Loads and instantiates the WebAssembly module; call it once and await it
 * before anything else (later calls return at once). `wasm` is where the
 * module is: a URL or path, a `Response` or a promise of one, its bytes, or a
 * compiled `WebAssembly.Module`. Left out, it is `lacuna_bg.wasm` beside this
 * file, which suits pages served with the package and bundlers that follow
 * `new URL(…, import.meta.url)`; in Node.js pass the bytes.
 */
export async function init(wasm) {
  if (ready) return;
  try {
    await initCore(wasm === undefined ? undefined : { module_or_path: wasm });
  } catch (error) {
    const from = typeof wasm === 'string' || wasm instanceof URL ? ` from ${wasm}` : '';
    throw new Error(`Could not load Lacuna's WebAssembly module${from}: ${error.message}`, { cause: error });
  }
  ready = true;
}

/**
 * Compares a summary with the report it summarises. The core hands the
 * result over as JSON text, parsed here: faster than building the objects
 * through the WebAssembly boundary (README, "Performance").
 */
export function compare(summary, report, options) {
  return JSON.parse(compareJson(summary, report, options));
}

/**
 * `compare`'s result as JSON text (plain ASCII), for a result bound for
 * another thread: a worker that posts the text for the page to parse hands
 * it over faster than one that posts the parsed objects.
 */
export function compareJson(summary, report, options) {
  return call('compare', () => core.compareJson(string(summary, 'summary'), string(report, 'report'), options));
}

/** Rebuilds the paragraphs, headings and sentences of one text (handed over as JSON text, as `compare`). */
export function segment(text) {
  return JSON.parse(call('segment', () => core.segmentJson(string(text, 'text'))));
}

/**
 * Word diff of a report sentence against a summary sentence drawing on it
 * (the `text` of two linked sentences); its ranges index into those texts.
 */
export function wordDiff(reportSentence, summarySentence) {
  return call('wordDiff', () => core.wordDiff(string(reportSentence, 'reportSentence'), string(summarySentence, 'summarySentence')));
}

/**
 * Decodes a file's bytes (UTF-8, UTF-16 with a byte-order mark or
 * Windows-1252) into text, refusing PDFs and other binaries; `side` names the
 * input in error messages.
 */
export function decode(bytes, side = 'text') {
  return call('decode', () => {
    const view = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
    if (!(view instanceof Uint8Array)) throw new TypeError(`bytes must be a Uint8Array or an ArrayBuffer, got ${kind(bytes)}.`);
    return core.decode(view, string(side, 'side'));
  });
}

/**
 * Throws the error `compare` would give for an input of `bytes` over the
 * options' `max_input_bytes`: call it with a file's size before reading the
 * file, so a huge file is refused without being loaded.
 */
export function checkSize(bytes, side = 'text', options = undefined) {
  return call('checkSize', () => {
    if (typeof bytes !== 'number' || !(bytes >= 0)) throw new TypeError(`bytes must be a number from 0, got ${kind(bytes)}.`);
    core.checkSize(bytes, string(side, 'side'), options);
  });
}

function call(name, run) {
  if (!ready) throw new Error(`Lacuna is not initialised: await init() before calling ${name}().`);
  try {
    return run();
  } catch (error) {
    // A trap is a bug in the core, not a problem with the input; say so rather than "unreachable".
    if (error instanceof WebAssembly.RuntimeError) {
      throw new Error(`Lacuna's engine failed inside ${name}() (${error.message}); this is a bug, please report it.`, { cause: error });
    }
    throw error;
  }
}

function string(value, name) {
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string, got ${kind(value)}.`);
  return value;
}

function kind(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? (value.constructor?.name ?? 'an object') : typeof value;
}
