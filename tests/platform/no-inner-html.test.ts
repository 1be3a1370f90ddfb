import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeExtensionFiles, filesUnder, REPO_ROOT } from '../support/extension-files';

/**
 * The extension shows text it does not control (page titles, notes, URLs). It stays safe because no code
 * under src/ ever parses a string as HTML or code: the pages are Preact, the preview is built from
 * markdown-it tokens. This guard fails on any such sink in src/, comments aside, and on a manifest that
 * loosens the extension's content security policy or loads a script from elsewhere. The same page and
 * manifest checks run on the build in tests/e2e/shipped-files.test.ts, after `vite build`.
 */

const ROOT = REPO_ROOT;
const SRC = join(ROOT, 'src');

/** Sinks that turn a string into markup or code, each with what to use instead. */
const SINKS: { name: string; pattern: RegExp }[] = [
  { name: 'innerHTML', pattern: /\binnerHTML\b/ },
  { name: 'outerHTML', pattern: /\bouterHTML\b/ },
  { name: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\b/ },
  { name: 'document.write', pattern: /\bdocument\s*\.\s*write(?:ln)?\b/ },
  { name: 'dangerouslySetInnerHTML', pattern: /\bdangerouslySetInnerHTML\b/ },
  { name: 'new Function', pattern: /\bnew\s+Function\b/ },
  { name: 'eval(', pattern: /\beval\s*\(/ },
  { name: 'srcdoc', pattern: /\bsrcdoc\b/i },
  { name: 'setHTMLUnsafe', pattern: /\b(?:setHTMLUnsafe|parseHTMLUnsafe)\b/ },
  { name: 'createContextualFragment', pattern: /\bcreateContextualFragment\b/ },
];

const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/;

/** A `/` after one of these starts a regular expression literal, not a division. */
const BEFORE_REGEX =
  /(?:^|[=(,:;!&|?{}[+\-*%>~^]|\b(?:return|typeof|case|do|else|in|of|void|yield|await))\s*$/;

/**
 * The code with its comments blanked out (newlines kept, so line numbers stay). Strings, template literals
 * and regular expression literals are kept as they are: `'https://example.com'` holds no comment.
 */
function stripComments(code: string): string {
  let out = '';
  let i = 0;
  while (i < code.length) {
    const char = code[i] as string;
    const next = code[i + 1];
    if (char === '/' && next === '/') {
      const end = code.indexOf('\n', i);
      i = end === -1 ? code.length : end;
    } else if (char === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      const stop = end === -1 ? code.length : end + 2;
      out += code.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (char === '"' || char === "'" || char === '`') {
      const end = endOfQuoted(code, i, char);
      out += code.slice(i, end);
      i = end;
    } else if (char === '/' && BEFORE_REGEX.test(out.slice(-20))) {
      const end = endOfRegex(code, i);
      out += code.slice(i, end);
      i = end;
    } else {
      out += char;
      i++;
    }
  }
  return out;
}

/** The index after a quoted string or template literal opened at `start` (`${...}` is read as text). */
function endOfQuoted(code: string, start: number, quote: string): number {
  for (let i = start + 1; i < code.length; i++) {
    if (code[i] === '\\') i++;
    else if (code[i] === quote) return i + 1;
    else if (code[i] === '\n' && quote !== '`') return i;
  }
  return code.length;
}

/** The index after a regular expression literal opened at `start`; a `/` inside `[...]` does not end it. */
function endOfRegex(code: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < code.length; i++) {
    const char = code[i];
    if (char === '\\') i++;
    else if (char === '\n') return i;
    else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if (char === '/' && !inClass) return i + 1;
  }
  return code.length;
}

/** The sinks found in a file's text, as `line: name`, comments left out. */
function findSinks(text: string, isHtml = false): string[] {
  const code = isHtml
    ? text.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => comment.replace(/[^\n]/g, ' '))
    : stripComments(text);
  const found: string[] = [];
  for (const [index, line] of code.split('\n').entries()) {
    for (const { name, pattern } of SINKS) if (pattern.test(line)) found.push(`${index + 1}: ${name}`);
  }
  return found;
}

describe('the sink scanner', () => {
  it('finds each sink in code', () => {
    const code = [
      'el.innerHTML = html;',
      'el.outerHTML = html;',
      "el.insertAdjacentHTML('beforeend', html);",
      'document.write(html); document .writeln(x);',
      '<div dangerouslySetInnerHTML={{ __html: html }} />',
      "const f = new Function('return 1');",
      'eval (code);',
      "frame.setAttribute('srcdoc', html);",
      'el.setHTMLUnsafe(html);',
      'range.createContextualFragment(html);',
    ].join('\n');
    expect(findSinks(code)).toEqual([
      '1: innerHTML',
      '2: outerHTML',
      '3: insertAdjacentHTML',
      '4: document.write',
      '5: dangerouslySetInnerHTML',
      '6: new Function',
      '7: eval(',
      '8: srcdoc',
      '9: setHTMLUnsafe',
      '10: createContextualFragment',
    ]);
  });

  it('leaves out comments, and reads strings and regular expressions as code', () => {
    const code = [
      '// the preview never goes through innerHTML',
      '/* no outerHTML,',
      '   no eval(x) */ const url = "https://example.com"; el.innerHTML = url;',
      "const re = /[/'\"]/g; const s = '//'; el.outerHTML = s; // innerHTML",
      `\`\${a}//\${b}\`; document.write(x);`,
      'const sum = a / b; el.srcdoc = c; const t = 1 / 2; /* eval( */',
      'retrieval(x); page.evaluate(y); Functional(z);',
    ].join('\n');
    expect(findSinks(code)).toEqual(['3: innerHTML', '4: outerHTML', '5: document.write', '6: srcdoc']);
  });

  it('leaves out HTML comments in HTML files', () => {
    expect(findSinks('<!-- innerHTML -->\n<iframe srcdoc="x"></iframe>', true)).toEqual(['2: srcdoc']);
  });
});

describe('src/', () => {
  const files = Array.from(filesUnder(SRC)).filter((path) => CODE_FILE.test(path) || path.endsWith('.html'));

  it('has code to scan', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('never parses a string as HTML or code', () => {
    const found = files.flatMap((path) =>
      findSinks(readFileSync(path, 'utf8'), path.endsWith('.html')).map(
        (where) => `${relative(ROOT, path)}:${where}`,
      ),
    );
    expect(found).toEqual([]);
  });
});

describeExtensionFiles(SRC, join(ROOT, 'manifest.json'));
