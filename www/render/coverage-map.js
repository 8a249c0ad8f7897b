// The coverage map: the whole report at a glance, one mark per paragraph in
// reading order. Colour gives the verdict and height repeats it (covered
// tall, omitted short), so the map reads without colour vision too.
import { pct, sectionLabel, statusWord } from '../format.js';

const HEIGHTS = { covered: 1, partial: 0.6, omitted: 0.28 };
const TICK_BAND = 10; // CSS pixels above the marks reserved for heading ticks

export class CoverageMap {
  #canvas;
  #caption;
  #onPick;
  #paragraphs = [];
  #cursor = -1;
  #viewport = null;

  /** `onPick(paragraphId)` is called when the reader chooses a place on the map. */
  constructor(canvas, caption, onPick) {
    this.#canvas = canvas;
    this.#caption = caption;
    this.#onPick = onPick;
    new ResizeObserver(() => this.draw()).observe(canvas);
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => this.draw());
    canvas.addEventListener('click', (e) => this.#pick(this.#indexAt(e.clientX)));
    canvas.addEventListener('mousemove', (e) => {
      const i = this.#indexAt(e.clientX);
      canvas.title = i < 0 ? '' : this.#describe(i);
    });
    canvas.addEventListener('keydown', (e) => this.#onKey(e));
  }

  show(report) {
    this.#paragraphs = report.paragraphs;
    this.#cursor = -1;
    const body = report.paragraphs.filter((p) => p.kind !== 'heading').length;
    this.#canvas.setAttribute('aria-label',
      `Coverage map of ${body} report paragraphs. Use the left and right arrow keys to move through them.`);
    this.#caption.textContent = '';
    this.draw();
  }

  /** Marks the stretch of report currently visible in the report pane. */
  setViewport(range) {
    this.#viewport = range;
    this.draw();
  }

  draw() {
    const canvas = this.#canvas;
    const ratio = devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (!width || !height) return;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const n = this.#paragraphs.length;
    if (!n) return;

    const style = getComputedStyle(canvas);
    const colour = (name) => style.getPropertyValue(`--${name}`).trim();
    const colours = { covered: colour('covered'), partial: colour('partial'), omitted: colour('omitted') };
    const cell = width / n;
    const barTop = TICK_BAND;
    const barHeight = height - TICK_BAND;

    ctx.fillStyle = colour('map-track');
    ctx.fillRect(0, barTop, width, barHeight);
    this.#paragraphs.forEach((p, i) => {
      const x = i * cell;
      if (p.kind === 'heading') {
        ctx.fillStyle = colour('map-tick');
        ctx.fillRect(Math.floor(x), 0, Math.max(1, cell), TICK_BAND - 2);
        return;
      }
      const h = HEIGHTS[p.status];
      if (!h) return;
      ctx.fillStyle = colours[p.status];
      // Cells narrower than a pixel still get one, so a lone covered paragraph stays visible.
      ctx.fillRect(x, barTop + barHeight * (1 - h), Math.max(cell - (cell > 3 ? 0.5 : 0), 1), barHeight * h);
    });

    if (this.#viewport) {
      const [first, last] = this.#viewport;
      ctx.strokeStyle = colour('text');
      ctx.lineWidth = 1.5;
      ctx.strokeRect(first * cell + 0.75, barTop - 1, Math.max((last - first + 1) * cell - 1.5, 3), barHeight + 0.25);
    }
    if (this.#cursor >= 0) {
      ctx.fillStyle = colour('text');
      ctx.fillRect(this.#cursor * cell + cell / 2 - 1, 0, 2, height);
    }
  }

  #indexAt(clientX) {
    const box = this.#canvas.getBoundingClientRect();
    const n = this.#paragraphs.length;
    if (!n || !box.width) return -1;
    return Math.min(n - 1, Math.max(0, Math.floor(((clientX - box.left) / box.width) * n)));
  }

  #describe(i) {
    const p = this.#paragraphs[i];
    const where = sectionLabel(p.section);
    if (p.kind === 'heading') return `Heading: ${p.text}`;
    const score = p.coverage == null ? '' : `, ${pct(p.coverage)} conveyed`;
    return `Paragraph ${i + 1} of ${this.#paragraphs.length} · ${where} · ${statusWord(p.status, 'report')}${score}`;
  }

  #pick(i) {
    if (i < 0) return;
    this.#cursor = i;
    this.#caption.textContent = this.#describe(i);
    this.draw();
    this.#onPick(i);
  }

  #onKey(e) {
    const n = this.#paragraphs.length;
    if (!n) return;
    const page = Math.max(1, Math.round(n / 20));
    const steps = { ArrowRight: 1, ArrowLeft: -1, PageDown: page, PageUp: -page, Home: -n, End: n };
    if (!(e.key in steps)) return;
    e.preventDefault();
    this.#pick(Math.min(n - 1, Math.max(0, (this.#cursor < 0 ? -1 : this.#cursor) + steps[e.key])));
  }
}
