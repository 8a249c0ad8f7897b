// A page that embeds Lacuna, written against the package's published types
// the way a consumer would import them (by package name, through its exports
// map). Type-checked under `strict` by tests/types/check.mjs; never run.
import { checkSize, compare, compareJson, decode, init, segment, wordDiff } from 'lacuna';
import type { Comparison, Document, FactKind, Omission, Options, Status, WasmSource, WordDiff } from 'lacuna';
import 'lacuna/element';
import type { LacunaCompareElement, LacunaDoneDetail } from 'lacuna/element';

export async function run(wasm: WasmSource, summary: string, report: string): Promise<string[]> {
  await init(wasm);
  await init(new URL('/assets/lacuna_bg.wasm', 'https://example.org'));
  await init(fetch('/assets/lacuna_bg.wasm'));

  const options: Options = { covered_threshold: 0.6, partial_threshold: 0.3, language: 'en' };
  const result: Comparison = compare(summary, report, options);
  compare(summary, report);
  compare(summary, report, null);
  const posted: string = compareJson(summary, report, options);

  const lines: string[] = [];
  lines.push(String((JSON.parse(posted) as Comparison).stats.coverage));
  const top: Omission | undefined = result.omissions[0];
  if (top) lines.push(`#${top.rank} ${top.section.join(' › ')}: ${top.key_terms.join(', ')} (${top.words} words)`);
  for (const paragraph of result.report.paragraphs) {
    const status: Status | undefined = paragraph.status;
    const coverage: number = paragraph.coverage ?? 0;
    lines.push(`${paragraph.id} ${paragraph.kind} ${status ?? 'unscored'} ${coverage.toFixed(2)}`);
  }
  const kinds: FactKind[] = result.facts.dropped.map((fact) => fact.kind);
  lines.push(kinds.join(','), result.notices.map((n) => n.code).join(','), String(result.stats.timings.total_ms));

  const sentence = result.summary.paragraphs[0]?.sentences[0];
  const link = sentence?.links[0];
  if (sentence && link) {
    const target = result.report.paragraphs[link.paragraph]?.sentences.find((s) => s.id === link.sentence);
    const diff: WordDiff = link.diff ?? wordDiff(target?.text ?? '', sentence.text);
    for (const span of diff.spans) {
      if (span.kind === 'dropped' && span.report) lines.push(target?.text.slice(span.report.start, span.report.end) ?? '');
    }
  }

  const doc: Document = segment(report);
  lines.push(String(doc.words), decode(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'summary'));
  checkSize(1_000, 'report', { max_input_bytes: 2_000 });

  // The types catch what the core would refuse at run time.
  // @ts-expect-error: a misspelt setting
  compare(summary, report, { covered_treshold: 0.6 });
  // @ts-expect-error: texts are strings
  compare(summary, 42);
  // @ts-expect-error: a language the core does not know
  compare(summary, report, { language: 'fr' });
  // @ts-expect-error: decode sides are summary, report or text
  decode(new Uint8Array(), 'left');
  // @ts-expect-error: a size is a number of bytes
  checkSize('1 KB');
  return lines;
}

export function embed(container: HTMLElement, summary: string, report: string): LacunaCompareElement {
  const element = document.createElement('lacuna-compare');
  element.summary = summary;
  element.report = report;
  element.options = { covered_threshold: 0.5 };
  element.addEventListener('lacuna-done', (event) => {
    const detail: LacunaDoneDetail = event.detail;
    container.dataset.coverage = String(detail.result.stats.coverage);
  });
  element.addEventListener('lacuna-error', (event) => {
    container.dataset.error = event.detail.message;
  });
  container.append(element);
  const found: LacunaCompareElement | null = document.querySelector('lacuna-compare');
  void found?.compare().then((result) => result.omissions.length);
  // @ts-expect-error: the result is read-only
  element.result = null;
  return element;
}
