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

/** The files named by static imports (`import … from "./x.js"`, `import "./x.js"`) in a chunk. */
const staticImports = (code) =>
  [...code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)].map((m) => m[1]);
/** The files named by dynamic imports (`import(\`./x.js\`)`) in a chunk. */
const dynamicImports = (code) =>
  [...code.matchAll(/import\(\s*[`"']([^`"']+\.js)[`"']\s*\)/g)].map((m) => m[1]);

/** `roots` and every file they import statically, transitively. */
function withStaticImports(roots) {
  const seen = new Set();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(dist, file), 'utf8');
    for (const ref of staticImports(code)) queue.push(resolveRef(file, ref));
  }
  return [...seen];
}

/** What a page loads before it runs: its <script>/<link> files and their static imports. */
function startupFiles(htmlPath) {
  const html = readFileSync(join(dist, htmlPath), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) =>
    resolveRef(htmlPath, m[1]),
  );
  return withStaticImports(refs);
}

/** The chunks a page can import later (dynamic imports, transitively), each without what it already loaded. */
function lazyChunks(loaded) {
  const have = new Set(loaded);
  const lazy = [];
  const queue = [...loaded];
  while (queue.length > 0) {
    const file = queue.shift();
    if (!file.endsWith('.js')) continue;
    for (const ref of dynamicImports(readFileSync(join(dist, file), 'utf8'))) {
      const chunk = resolveRef(file, ref);
      if (have.has(chunk)) continue;
      const files = withStaticImports([chunk]).filter((f) => !have.has(f));
      for (const f of files) have.add(f);
      lazy.push({ chunk, files });
      queue.push(...files);
    }
  }
  return lazy;
}

function sizeOf(files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip };
}

function line(name, files) {
  const { raw, gzip } = sizeOf(files);
  return `${name.padEnd(24)} ${String(files.length).padStart(2)} files  ${(raw / 1024).toFixed(1).padStart(7)} KiB  ${(gzip / 1024).toFixed(1).padStart(6)} KiB gzip  (${gzip} B)`;
}

function report(name, htmlPath) {
  const files = startupFiles(htmlPath);
  console.log(line(`${name} start-up`, files));
  for (const { chunk, files: more } of lazyChunks(files))
    console.log(line(`  lazy ${posix.basename(chunk)}`, more));
  return files;
}

console.log('Bundle sizes (what each page loads before it runs, then each chunk it may import later):');
const popupFiles = report('popup', manifest.action.default_popup);
report('options', manifest.options_ui.page);
const popupCode = popupFiles.map((file) => readFileSync(join(dist, file), 'utf8')).join('\n');
// markdown-it's linkify and entity tables are unmistakable; neither belongs in the popup.
if (/linkify|&ThickSpace;|ThickSpace/.test(popupCode)) {
  console.error('The popup bundle contains the Markdown renderer.');
  process.exit(1);
}
console.log('popup bundle: no Markdown renderer');
