// The two inputs: paste, pick or drop a file on either side, swap sides,
// word counts. Files are decoded by the core (UTF-8, UTF-16, Windows-1252;
// PDFs and other binaries refused with a reason).
import { int } from './format.js';

const SIDES = ['summary', 'report'];

export class Inputs {
  #engine;
  #maxBytes;
  #onError;
  #onChange;
  #els = {};
  #names = { summary: '', report: '' };
  #loading = new Set(); // files still being decoded

  /**
   * `onChange(origin)` fires after any edit: 'typed', 'file' or 'swap'.
   * Files over `maxBytes` are refused before they are read into memory.
   */
  constructor(engine, { maxBytes, onError, onChange }) {
    this.#engine = engine;
    this.#maxBytes = maxBytes;
    this.#onError = onError;
    this.#onChange = onChange;
    for (const side of SIDES) {
      const els = {
        text: document.getElementById(`${side}-text`),
        file: document.getElementById(`${side}-file`),
        name: document.getElementById(`${side}-file-name`),
        count: document.getElementById(`${side}-count`),
        zone: document.querySelector(`.source[data-side="${side}"]`),
      };
      this.#els[side] = els;
      els.text.addEventListener('input', () => {
        this.#setName(side, '');
        this.#count(side);
        this.#onChange('typed');
      });
      els.file.addEventListener('change', () => {
        if (els.file.files[0]) this.load(side, els.file.files[0]);
        els.file.value = ''; // so picking the same file again still fires
      });
      els.zone.addEventListener('dragover', (e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        els.zone.classList.add('dragging');
      });
      els.zone.addEventListener('dragleave', (e) => {
        if (!els.zone.contains(e.relatedTarget)) els.zone.classList.remove('dragging');
      });
      els.zone.addEventListener('drop', (e) => {
        e.preventDefault();
        els.zone.classList.remove('dragging');
        const file = e.dataTransfer.files[0];
        if (file) this.load(side, file);
        else this.set(side, e.dataTransfer.getData('text/plain'), '');
      });
    }
    // A file dropped anywhere else would make the browser navigate away from the page.
    for (const type of ['dragover', 'drop']) window.addEventListener(type, (e) => e.preventDefault());
    document.getElementById('swap-button').addEventListener('click', () => this.swap());
  }

  text(side) {
    return this.#els[side].text.value;
  }

  name(side) {
    return this.#names[side] || (side === 'summary' ? 'pasted summary' : 'pasted report');
  }

  /** Resolves once every file being read has reached its text box. */
  async settled() {
    while (this.#loading.size) await Promise.allSettled([...this.#loading]);
  }

  /** Reads a dropped or picked file through the core's decoder. */
  load(side, file) {
    const loading = (async () => {
      try {
        await this.#engine.checkSize(file.size, side, { max_input_bytes: this.#maxBytes });
        const text = await this.#engine.decode(new Uint8Array(await file.arrayBuffer()), side);
        this.set(side, text, file.name);
        this.#onChange('file');
      } catch (error) {
        this.#onError(`${file.name}: ${error.message}`);
      }
    })();
    this.#loading.add(loading);
    loading.finally(() => this.#loading.delete(loading));
  }

  set(side, text, name) {
    this.#els[side].text.value = text;
    this.#setName(side, name);
    this.#count(side);
  }

  swap() {
    const [summary, report] = SIDES.map((side) => [this.text(side), this.#names[side]]);
    this.set('summary', ...report);
    this.set('report', ...summary);
    this.#onChange('swap');
  }

  #setName(side, name) {
    this.#names[side] = name;
    this.#els[side].name.textContent = name ? `Loaded from ${name}` : '';
  }

  #count(side) {
    // A quick whitespace count while editing; the comparison reports the core's own count.
    const words = this.text(side).match(/\S+/g)?.length ?? 0;
    this.#els[side].count.textContent = words ? `≈ ${int(words)} word${words === 1 ? '' : 's'}` : 'empty';
  }
}
