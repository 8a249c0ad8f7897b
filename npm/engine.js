// A handle on a worker that runs the Lacuna core off the main thread, shared
// by the web app and the <lacuna-compare> element. A new comparison cancels
// the one in flight by terminating its worker: the old answer is worthless
// and waiting for it would delay the new one.

export class Cancelled extends Error {
  name = 'Cancelled';
}

let compiled = null;

/** Compiles the module once per page; every worker of every engine instantiates that compilation. */
function compileCore() {
  compiled ??= (async () => {
    // Written out in full so bundlers see and ship the asset.
    const response = await fetch(new URL('./lacuna_bg.wasm', import.meta.url));
    if (!response.ok) throw new Error(`Could not load the comparison engine (${response.status}).`);
    // Streaming compile needs the application/wasm type; fall back for hosts that send another.
    return response.headers.get('content-type')?.startsWith('application/wasm')
      ? WebAssembly.compileStreaming(response)
      : WebAssembly.compile(await response.arrayBuffer());
  })();
  compiled.catch(() => {
    compiled = null; // a later engine may try again (e.g. back online)
  });
  return compiled;
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

  /** Rejects with the core's message if a file of `bytes` is over the options' size limit. */
  checkSize(bytes, side, options) {
    return this.#request({ type: 'checkSize', bytes, side, options });
  }

  /** Word diff of a report sentence against a summary sentence. */
  wordDiff(report, summary) {
    return this.#request({ type: 'wordDiff', report, summary });
  }

  /** Stops the worker; what was pending rejects with `Cancelled`. A later request starts a new one. */
  close() {
    this.#failAll(new Cancelled('The comparison engine was closed.'));
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
        // One expression, so bundlers recognise the worker and bundle it.
        this.#worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'lacuna-core' });
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
    if (ok) request.resolve(request.message.type === 'compare' ? JSON.parse(value) : value);
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
