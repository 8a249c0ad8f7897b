// The page's handle on the worker that runs the core. A new comparison
// cancels the one in flight by terminating its worker: the old answer is
// worthless and waiting for it would delay the new one.

const WASM_URL = new URL('./pkg/lacuna_bg.wasm', import.meta.url);
const WORKER_URL = new URL('./worker.js', import.meta.url);

export class Cancelled extends Error {
  name = 'Cancelled';
}

async function compileCore() {
  const response = await fetch(WASM_URL);
  if (!response.ok) throw new Error(`Could not load the comparison engine (${response.status}).`);
  // Streaming compile needs the application/wasm type; fall back for hosts that send another.
  return response.headers.get('content-type')?.startsWith('application/wasm')
    ? WebAssembly.compileStreaming(response)
    : WebAssembly.compile(await response.arrayBuffer());
}

export class Engine {
  #module = compileCore();
  #worker = null;
  #nextId = 1;
  /** id → {message, resolve, reject} */
  #pending = new Map();

  constructor() {
    this.#module.catch(() => {}); // reported through the first request instead
  }

  /** Starts the worker ahead of the first request, so the reader's first comparison does not wait for it. */
  warm() {
    this.#ensureWorker().catch(() => {});
  }

  /** Compares the two texts; rejects with `Cancelled` if a newer comparison starts first. */
  compare(summary, report, options) {
    for (const [id, request] of this.#pending) {
      if (request.message.type !== 'compare') continue;
      this.#pending.delete(id);
      request.reject(new Cancelled('A newer comparison replaced this one.'));
      this.#restart();
    }
    return this.#request({ type: 'compare', summary, report, options });
  }

  /** Decodes file bytes into text; `side` names the input in error messages. */
  decode(bytes, side) {
    // Copied, not transferred, so the request can be replayed on a respawned worker.
    return this.#request({ type: 'decode', bytes, side });
  }

  /** Word diff of a report sentence against a summary sentence. */
  wordDiff(report, summary) {
    return this.#request({ type: 'wordDiff', report, summary });
  }

  #request(fields) {
    const message = { id: this.#nextId++, ...fields };
    return new Promise((resolve, reject) => {
      this.#pending.set(message.id, { message, resolve, reject });
      this.#post(message);
    });
  }

  async #post(message) {
    try {
      (await this.#ensureWorker()).postMessage(message);
    } catch (error) {
      this.#fail(message.id, error);
    }
  }

  async #ensureWorker() {
    if (!this.#worker) {
      const module = await this.#module;
      // Another request may have spawned it while we awaited the module.
      if (!this.#worker) {
        this.#worker = new Worker(WORKER_URL, { type: 'module', name: 'lacuna-core' });
        this.#worker.onmessage = ({ data }) => this.#settle(data);
        this.#worker.onerror = (event) => {
          event.preventDefault();
          this.#failAll(new Error(`The comparison engine stopped: ${event.message || 'it could not start'}.`));
        };
        this.#worker.postMessage({ id: 0, type: 'init', module });
      }
    }
    return this.#worker;
  }

  /** Replaces the worker, re-sending what the old one had not answered yet. */
  #restart() {
    this.#worker?.terminate();
    this.#worker = null;
    for (const { message } of this.#pending.values()) this.#post(message);
  }

  #settle({ id, ok, value, error }) {
    if (id === 0) {
      if (!ok) this.#failAll(new Error(`The comparison engine could not start: ${error}`));
      return;
    }
    const request = this.#pending.get(id);
    if (!request) return;
    this.#pending.delete(id);
    if (ok) request.resolve(value);
    else request.reject(new Error(error));
  }

  #fail(id, error) {
    const request = this.#pending.get(id);
    if (!request) return;
    this.#pending.delete(id);
    request.reject(error);
  }

  #failAll(error) {
    for (const id of [...this.#pending.keys()]) this.#fail(id, error);
    this.#worker?.terminate();
    this.#worker = null;
  }
}
