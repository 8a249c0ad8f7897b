// Prints the text of a PDF as a reader gets it by selecting all and copying
// in a PDF viewer built on pdf.js (Firefox's): each page's text items in
// the order the PDF draws them, a line break at each item that ends a line
// and at each page's end, and the viewer's Unicode normalisation of the
// copied text (ligatures spelt out). No blank lines, no form feeds: what a
// researcher pastes. The tests read documents the segmenter was never tuned
// on this way (tests/typeset.rs, tests/segmentation.rs); `--form-feeds`
// parts the pages with form feeds instead, for a test that must know them.
//
//   node scripts/pdf-copy.mjs [--form-feeds] FILE.pdf [FIRST [LAST]]
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const args = process.argv.slice(2);
const formFeeds = args[0] === '--form-feeds';
const [file, from, to] = formFeeds ? args.slice(1) : args;
if (!file) {
  console.error('usage: node scripts/pdf-copy.mjs [--form-feeds] FILE.pdf [FIRST [LAST]]');
  process.exit(2);
}
const fonts = new URL('../node_modules/pdfjs-dist/standard_fonts/', import.meta.url);
const pdf = await getDocument({
  data: new Uint8Array(readFileSync(file)),
  standardFontDataUrl: fonts.pathname,
  verbosity: 0,
}).promise;
const first = Number(from ?? 1);
const last = Number(to ?? pdf.numPages);
const pages = [];
for (let n = first; n <= last; n++) {
  const page = await pdf.getPage(n);
  const { items } = await page.getTextContent();
  pages.push(items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join(''));
}
process.stdout.write(pages.join(formFeeds ? '\f' : '\n').normalize('NFKC') + '\n');
