// Prints the size of what each extension page loads from dist/ (raw and gzip), following static imports,
// and checks that the popup stays free of the options page's Markdown renderer.
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(new URL(import.meta.url).pathname), '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));

/** A reference from `fromFile` resolved to a path inside dist/ (absolute references start at its root). */
function resolveRef(fromFile, ref) {
  const path = ref.startsWith('/') ? ref : posix.join(posix.dirname(`/${fromFile}`), ref);
  return posix.normalize(path).slice(1);
}

function filesOf(htmlPath) {
  const html = readFileSync(join(dist, htmlPath), 'utf8');
  const seen = new Set();
  const queue = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) =>
    resolveRef(htmlPath, match[1]),
  );
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(dist, file), 'utf8');
    for (const match of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
      queue.push(resolveRef(file, match[1]));
    }
  }
  return [...seen];
}

function report(name, htmlPath) {
  const files = filesOf(htmlPath);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  console.log(
    `${name.padEnd(8)} ${String(files.length).padStart(2)} files  ${(raw / 1024).toFixed(1).padStart(7)} KiB  ${(gzip / 1024).toFixed(1).padStart(6)} KiB gzip`,
  );
  return files;
}

console.log('Bundle sizes (what each page loads):');
const popupFiles = report('popup', manifest.action.default_popup);
report('options', manifest.options_ui.page);
const popupCode = popupFiles.map((file) => readFileSync(join(dist, file), 'utf8')).join('\n');
// markdown-it's linkify and entity tables are unmistakable; neither belongs in the popup.
if (/linkify|&ThickSpace;|ThickSpace/.test(popupCode)) {
  console.error('The popup bundle contains the Markdown renderer.');
  process.exit(1);
}
console.log('popup bundle: no Markdown renderer');
