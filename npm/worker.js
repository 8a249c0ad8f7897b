// Runs the Lacuna core off the main thread (see engine.js), through the same
// public API a page would use. Requests: {id, type, ...}; replies:
// {id, ok, value|error}.
import { checkSize, compareJson, decode, init, wordDiff } from './index.js';

let ready;

const handlers = {
  // The main thread compiles the module once and hands it to every worker it
  // spawns, so a respawn after a cancelled comparison costs no recompilation.
  init: ({ module }) => {
    ready = init(module);
    return ready.then(() => true);
  },
  // As text, parsed by the engine on the page's side: cheaper than cloning the objects.
  compare: ({ summary, report, options }) => compareJson(summary, report, options),
  decode: ({ bytes, side }) => decode(bytes, side),
  checkSize: ({ bytes, side, options }) => checkSize(bytes, side, options),
  wordDiff: ({ report, summary }) => wordDiff(report, summary),
};

self.onmessage = async ({ data }) => {
  const { id, type } = data;
  try {
    if (type !== 'init') await ready;
    const started = performance.now();
    const value = await handlers[type](data);
    self.postMessage({ id, ok: true, value, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ id, ok: false, error: error?.message ?? String(error) });
  }
};
