// <lacuna-compare>: the comparer as one tag for other sites. It shows the web
// app's views in a compact form (headline figures, the coverage strip, ranked
// omissions, the two texts side by side with their links), built by the app's
// own render modules and styled by its own sheets, which scripts/build.sh
// copies into ui/ beside this file (each .css as a module exporting its text).
// Documents reach its shadow root only as text nodes. The work runs in a
// worker, and the element fetches nothing but its own worker and wasm from
// beside this module.
import elementCss from './element.css.js';
import { Cancelled, Engine } from './engine.js';
import { h, scrollPaneTo } from './ui/dom.js';
import { int, ms } from './ui/format.js';
import { Linking } from './ui/linking.js';
import { CoverageMap } from './ui/render/coverage-map.js';
import { DocumentView } from './ui/render/document.js';
import { renderFigures, renderNotices } from './ui/render/figures.js';
import { statusLegend } from './ui/render/legend.js';
import { OmissionsList } from './ui/render/omissions.js';
import baseCss from './ui/styles/base.css.js';
import viewsCss from './ui/styles/views.css.js';

const ACCEPT = '.txt,.md,.markdown,.text,text/plain,text/markdown';
const ALIGNMENT_HINT = 'Hover over, click or tab to a summary sentence to see the report sentences it draws on and what it kept of them.';

/**
 * The app's shared sheets and the element's layout, parsed once and adopted by
 * every instance: constructed sheets are no inline style, so the element works
 * under a `style-src 'self'` policy, and there is nothing to fetch.
 */
const SHEETS = [baseCss, viewsCss, elementCss].map((css) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
});

export class LacunaCompareElement extends HTMLElement {
  static observedAttributes = ['summary', 'report', 'inputs'];

  #summary = '';
  #report = '';
  #options = undefined;
  #result = null;
  #engine = null;
  #run = 0; // the latest comparison; older ones' answers are dropped
  #scheduled = false;
  #ui;
  #views;
  #map;
  #omissions;
  #linking;
  #marked = [];

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = SHEETS;
    this.#ui = this.#build();
    root.append(this.#ui.frame);
  }

  /** The executive summary's text. Setting it (or the attribute) compares once both texts are there. */
  get summary() {
    return this.#summary;
  }

  set summary(text) {
    this.#summary = String(text ?? '');
    this.#schedule();
  }

  /** The full report's text. */
  get report() {
    return this.#report;
  }

  set report(text) {
    this.#report = String(text ?? '');
    this.#schedule();
  }

  /** Settings passed to the core's `compare` (see `Options`); setting them compares again. */
  get options() {
    return this.#options;
  }

  set options(options) {
    this.#options = options ?? undefined;
    this.#schedule();
  }

  /** The last comparison shown, or null. */
  get result() {
    return this.#result;
  }

  attributeChangedCallback(name, _old, value) {
    if (name === 'inputs') this.#ui.inputs.hidden = value === null;
    else this[name] = value;
  }

  connectedCallback() {
    // A page may set properties before this module defined the element: those
    // landed on the instance and hide the accessors, so pass them through.
    for (const name of ['summary', 'report', 'options']) {
      if (!Object.hasOwn(this, name)) continue;
      const value = this[name];
      delete this[name];
      this[name] = value;
    }
    this.#core().warm();
    this.#schedule();
  }

  disconnectedCallback() {
    // Frees the worker; being put back in the page starts a new one.
    this.#engine?.close();
    this.#engine = null;
  }

  /**
   * Compares the current texts now and shows the result. Resolves to the
   * result once it is on screen (after `lacuna-done`); rejects with the core's
   * error (after `lacuna-error`), or with an error named "Cancelled" if a newer
   * comparison replaced this one.
   */
  async compare() {
    const id = ++this.#run;
    const started = performance.now();
    this.#setError('');
    this.#setStatus('Comparing…');
    this.#ui.results.setAttribute('aria-busy', 'true');
    let result;
    try {
      result = await this.#core().compare(this.#summary, this.#report, this.#options);
      if (id !== this.#run || !(await this.#show(result)) || id !== this.#run) {
        throw new Cancelled('A newer comparison replaced this one.');
      }
    } catch (error) {
      if (!(error instanceof Cancelled) && id === this.#run) this.#fail(error.message);
      throw error;
    }
    this.#ui.results.removeAttribute('aria-busy');
    this.#result = result;
    const { stats } = result;
    this.#setStatus(`Compared ${int(stats.summary_words)} summary words with ${int(stats.report_words)} report words `
      + `in ${ms(performance.now() - started)}.`);
    this.dispatchEvent(new CustomEvent('lacuna-done', { bubbles: true, composed: true, detail: { result } }));
    return result;
  }

  #core() {
    this.#engine ??= new Engine();
    return this.#engine;
  }

  /** Compares after the current task once both texts are there, so setting both costs one comparison. */
  #schedule() {
    if (this.#scheduled || !this.isConnected) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      // Failures are reported through lacuna-error and the element itself.
      if (this.isConnected && this.#summary.trim() && this.#report.trim()) this.compare().catch(() => {});
    });
  }

  /** Renders a result; resolves false if a newer one replaced it meanwhile. */
  async #show(result) {
    const ui = this.#ui;
    ui.results.hidden = false;
    renderNotices(ui.notices, result.notices);
    renderFigures(ui.figures, result);
    this.#map.show(result.report);
    this.#omissions.show(result.omissions);
    ui.omissionsCount.textContent = int(result.omissions.length);
    this.#linking.clear(h('p', { class: 'hint', text: ALIGNMENT_HINT }));
    this.#mark([]);
    const built = await Promise.all([this.#views.summary.show(result.summary), this.#views.report.show(result.report)]);
    if (built.includes(false)) return false;
    this.#map.setViewport(this.#views.report.visibleRange());
    return true;
  }

  #build() {
    const pane = (side, title) => {
      const doc = h('div', { class: 'doc', tabindex: side === 'report' ? 0 : -1, 'aria-label': `${title} text` });
      const section = h('section', { class: 'pane', part: `pane ${side}`, 'aria-labelledby': `${side}-title` },
        h('h3', { id: `${side}-title`, class: 'pane-title', text: title }), doc);
      return { section, doc };
    };
    const summary = pane('summary', 'Summary');
    const report = pane('report', 'Full report');
    const ui = {
      inputs: h('div', { class: 'inputs', part: 'inputs', hidden: true },
        ['summary', 'report'].map((side) => this.#fileInput(side))),
      status: h('p', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' }),
      error: h('p', { class: 'error', part: 'error', role: 'alert' }),
      notices: h('div', { class: 'notices', part: 'notices' }),
      figures: h('dl', { class: 'figures', part: 'figures' }),
      canvas: h('canvas', { class: 'coverage-map', tabindex: 0, role: 'img', 'aria-describedby': 'map-caption', height: 48 }),
      caption: h('p', { id: 'map-caption', class: 'map-caption', 'aria-live': 'polite' }),
      omissionsList: h('ol', { class: 'omissions', 'aria-labelledby': 'omissions-title' }),
      omissionsMore: h('button', { type: 'button', class: 'button small more', hidden: true }),
      omissionsCount: h('span', { class: 'count' }),
      linkBody: h('div', { class: 'alignment-body' }),
      linkAnnounce: h('p', { class: 'visually-hidden', 'aria-live': 'polite' }),
    };
    ui.results = h('div', { class: 'results', part: 'results', role: 'region', 'aria-label': 'What the summary leaves out', hidden: true },
      ui.notices,
      ui.figures,
      h('div', { class: 'map', part: 'map' },
        h('p', { class: 'map-title', text: 'Coverage of the report, paragraph by paragraph (taller marks are better covered)' }),
        ui.canvas, ui.caption),
      statusLegend(),
      h('div', { class: 'workspace' },
        h('section', { class: 'panel', part: 'omissions', 'aria-labelledby': 'omissions-title' },
          h('h3', { id: 'omissions-title' }, 'Omitted passages ', ui.omissionsCount),
          ui.omissionsList, ui.omissionsMore),
        summary.section,
        report.section,
        h('section', { class: 'alignment', part: 'alignment', 'aria-labelledby': 'alignment-title' },
          h('h3', { id: 'alignment-title', text: 'Alignment' }), ui.linkAnnounce, ui.linkBody)));
    ui.frame = h('div', { class: 'frame', part: 'frame' }, ui.inputs, ui.status, ui.error, ui.results);

    this.#views = { summary: new DocumentView(summary.doc, 'summary'), report: new DocumentView(report.doc, 'report') };
    this.#map = new CoverageMap(ui.canvas, ui.caption, (id) => this.#showParagraph(id));
    this.#omissions = new OmissionsList(ui.omissionsList, ui.omissionsMore, (omission) => this.#showOmission(omission));
    // The engine is looked up per call: it is replaced when the element is put back in a page.
    this.#linking = new Linking(this.#views, ui.linkBody, ui.linkAnnounce, { wordDiff: (r, s) => this.#core().wordDiff(r, s) });
    ui.omissionsList.addEventListener('keydown', (e) => {
      const step = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 }[e.key];
      if (!step) return;
      e.preventDefault();
      this.#omissions.step(step);
    });
    let frame = 0;
    report.doc.addEventListener('scroll', () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => this.#map.setViewport(this.#views.report.visibleRange()));
    }, { passive: true });
    return ui;
  }

  /** A file picker for one side; the core decodes the file in the worker. */
  #fileInput(side) {
    const name = h('span', { class: 'file-name' });
    const input = h('input', { type: 'file', class: 'visually-hidden', accept: ACCEPT });
    input.addEventListener('change', async () => {
      const file = input.files[0];
      input.value = ''; // so picking the same file again still fires
      if (!file) return;
      try {
        const text = await this.#core().decode(new Uint8Array(await file.arrayBuffer()), side);
        name.textContent = file.name;
        this[side] = text;
      } catch (error) {
        this.#fail(`${file.name}: ${error.message}`);
      }
    });
    return h('div', { class: 'file' },
      h('label', { class: 'button small' }, `${side === 'summary' ? 'Summary' : 'Full report'} file…`, input), name);
  }

  #showOmission(omission) {
    const view = this.#views.report;
    const sentences = omission.sentences.map((id) => view.sentenceEl(id));
    this.#mark([...sentences, ...omission.paragraphs.map((id) => view.paragraphEl(id))]);
    if (sentences[0]) scrollPaneTo(view.container, sentences[0]);
  }

  #showParagraph(id) {
    const el = this.#views.report.paragraphEl(id);
    if (!el) return;
    this.#mark([el]);
    scrollPaneTo(this.#views.report.container, el);
  }

  #mark(els) {
    for (const el of this.#marked) el.classList.remove('current');
    this.#marked = els.filter(Boolean);
    for (const el of this.#marked) el.classList.add('current');
  }

  #setStatus(text) {
    this.#ui.status.textContent = text;
  }

  #setError(text) {
    this.#ui.error.textContent = text;
  }

  /** Shows what went wrong and tells the page through `lacuna-error`. */
  #fail(message) {
    this.#ui.results.removeAttribute('aria-busy');
    this.#setStatus('');
    this.#setError(message);
    this.dispatchEvent(new CustomEvent('lacuna-error', { bubbles: true, composed: true, detail: { message } }));
  }
}

if (!customElements.get('lacuna-compare')) customElements.define('lacuna-compare', LacunaCompareElement);
