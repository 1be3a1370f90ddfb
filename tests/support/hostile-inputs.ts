/**
 * Clippings a hostile or careless page (its <title>), a pasted URL or a typed note could carry. None may
 * become markup, run a script, open a non-http(s) link or break the structure (its one `#`, its
 * `##` sections, one `###` per item, `## あとがき` only when set) in the Markdown, the preview or the copied
 * HTML. Payloads set `window.pwned` (some also call `alert`), so a test can check that nothing ran.
 *
 * Each case sets only what it attacks; a test fills the rest with plain values. `group` names the kind of
 * attack, so an end-to-end test can pick a few of each.
 */

export type HostileGroup =
  /** HTML and script in the title. */
  | 'html-title'
  /** HTML and script in the note. */
  | 'html-note'
  /** The URL field itself: non-http(s) schemes, and http(s) URLs that carry markup. */
  | 'url'
  /** Markdown links, autolinks and images in the note that point at non-http(s) URLs. */
  | 'link-note'
  /** Markdown, Zenn and KaTeX syntax in the title. */
  | 'markdown-title'
  /** Notes that try to open sections or items of their own, or swallow the items after them. */
  | 'structure-note'
  /** Zenn's own syntax in the note: embeds, KaTeX, `:::` blocks. */
  | 'zenn-note'
  /** Invisible, control, bidirectional and malformed text. */
  | 'unicode'
  /** Very long text, and text that is slow to parse. */
  | 'long';

export interface HostileInput {
  name: string;
  group: HostileGroup;
  title?: string;
  note?: string;
  url?: string;
}

const PWN = 'window.pwned=1';

function inGroup(group: HostileGroup, inputs: Omit<HostileInput, 'group'>[]): HostileInput[] {
  return inputs.map((input) => ({ ...input, group }));
}

/** Every C0 control character, DEL and NEL. */
const CONTROLS = `${Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).join('')}\u007F\u0085`;

const htmlTitles = inGroup('html-title', [
  { name: 'title: script element', title: `<script>${PWN}</script>スクリプト` },
  { name: 'title: img onerror with alert', title: `<img src=x onerror="${PWN};alert(1)">画像` },
  { name: 'title: svg onload', title: `<svg onload="${PWN}"><circle r="9"/></svg>SVG` },
  {
    name: 'title: iframe srcdoc',
    title: `<iframe srcdoc="<script>parent.pwned=1</script>"></iframe>フレーム`,
  },
  { name: 'title: javascript anchor', title: `<a href="javascript:${PWN}">クリック</a>` },
  { name: 'title: style element', title: '<style>*{display:none!important}</style>スタイル' },
  {
    name: 'title: event handler attributes',
    title: `<div onmouseover="${PWN}" onclick="${PWN}" style="position:fixed;inset:0">x</div>`,
  },
  {
    name: 'title: HTML entities',
    title: '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#60;b&#62; &#x3C;i&#x3E;',
  },
  { name: 'title: HTML comment', title: '前 <!-- 隠れるかも --> 後' },
  { name: 'title: unterminated comment', title: '<!-- ここから先が消える?' },
  { name: 'title: closing title and textarea', title: `</title></textarea><script>${PWN}</script>` },
  { name: 'title: attribute breakout', title: `" autofocus onfocus="${PWN}" x="` },
  { name: 'title: details ontoggle', title: `<details open ontoggle="${PWN}">開く</details>` },
  {
    name: 'title: mXSS through math and style',
    title: `<math><mtext><table><mglyph><style><img src=x onerror=${PWN}>`,
  },
  { name: 'title: br tag', title: '改行<br>タグ<br/>入り' },
]);

const htmlNotes = inGroup('html-note', [
  { name: 'note: script element', note: `<script>${PWN}</script>` },
  { name: 'note: img onerror with alert', note: `<img src=x onerror="${PWN};alert(1)">` },
  { name: 'note: svg onload', note: `<svg onload="${PWN}"><circle r="9"/></svg>` },
  {
    name: 'note: iframe srcdoc',
    note: `<iframe srcdoc="&lt;script&gt;parent.pwned=1&lt;/script&gt;"></iframe>`,
  },
  { name: 'note: iframe javascript src', note: `<iframe src="javascript:${PWN}"></iframe>` },
  { name: 'note: javascript anchor', note: `<a href="javascript:${PWN}">クリック</a>` },
  { name: 'note: style element', note: '<style>\nbody { display: none }\n</style>' },
  { name: 'note: onclick paragraph', note: `<p onclick="${PWN}">クリックしてね</p>` },
  {
    name: 'note: object and embed',
    note: `<object data="javascript:${PWN}"></object><embed src="javascript:${PWN}">`,
  },
  { name: 'note: formaction', note: `<form><button formaction="javascript:${PWN}">送信</button></form>` },
  { name: 'note: meta refresh', note: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  { name: 'note: comment hiding a heading', note: '前\n<!--\n# 隠れた見出し\n-->\n後' },
  { name: 'note: entities', note: `&lt;img src=x onerror=${PWN}&gt; &#x3C;script&#x3E; &amp;amp;` },
  { name: 'note: br tags', note: '一行目<br>二行目<br/>三行目' },
  { name: 'note: HTML block around a heading', note: '<div>\n\n# 見出し\n\n</div>' },
  { name: 'note: HTML in a list', note: `- <img src=x onerror=${PWN}>\n- <b>太字</b>` },
  { name: 'note: video source onerror', note: `<video><source onerror="${PWN}"></video>` },
  { name: 'note: base href', note: '<base href="javascript:alert(1)//">' },
  {
    name: 'note: mXSS through noscript',
    note: `<noscript><p title="</noscript><img src=x onerror=${PWN}>">`,
  },
  { name: 'note: textarea breakout', note: `</textarea><script>${PWN}</script>` },
]);

const urls = inGroup('url', [
  { name: 'url: javascript', url: `javascript:${PWN}` },
  { name: 'url: mixed-case javascript', url: `JaVaScRiPt:${PWN}` },
  { name: 'url: javascript after spaces', url: `   javascript:${PWN}` },
  { name: 'url: javascript split by a tab', url: `java\tscript:${PWN}` },
  { name: 'url: javascript with a fake authority', url: `javascript://example.com/%0A${PWN}` },
  { name: 'url: data text/html', url: `data:text/html,<script>${PWN}</script>` },
  { name: 'url: data base64', url: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' },
  {
    name: 'url: data svg',
    url: `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${PWN}"/>`,
  },
  { name: 'url: file', url: 'file:///etc/passwd' },
  { name: 'url: vbscript', url: 'vbscript:msgbox(1)' },
  { name: 'url: chrome', url: 'chrome://settings/' },
  { name: 'url: chrome-extension', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html' },
  { name: 'url: about', url: 'about:blank' },
  { name: 'url: blob', url: 'blob:https://example.com/0b57bba3-a366-4f00-8000-000000000000' },
  { name: 'url: protocol-relative', url: '//evil.example/path' },
  {
    name: 'url: http with markup in the query',
    url: `https://example.com/search?q="><img src=x onerror=${PWN}>`,
  },
  { name: 'url: http with a Markdown link in the path', url: `https://example.com/a)](javascript:${PWN})` },
  { name: 'url: http with a card in the path', url: `https://example.com/@[card](javascript:${PWN})` },
  { name: 'url: http with a heading after a newline', url: 'https://example.com/a\n# 注入された見出し' },
  { name: 'url: http with a javascript fragment', url: `https://example.com/#javascript:${PWN}` },
]);

const linkNotes = inGroup('link-note', [
  { name: 'note link: javascript', note: `[クリック](javascript:${PWN})` },
  { name: 'note link: upper-case javascript', note: `[クリック](JAVASCRIPT:${PWN})` },
  { name: 'note link: entity-encoded javascript', note: `[x](&#106;avascript:${PWN})` },
  { name: 'note link: javascript with an encoded tab', note: `[x](java&#x09;script:${PWN})` },
  { name: 'note link: javascript in angle brackets', note: `[x](<javascript:${PWN}>)` },
  { name: 'note link: percent-encoded colon', note: `[x](javascript%3A${PWN})` },
  { name: 'note link: javascript autolink', note: `<javascript:${PWN}>` },
  { name: 'note link: mixed-case javascript autolink', note: '<JaVaScRiPt:alert(1)>' },
  { name: 'note link: data', note: '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)' },
  { name: 'note link: vbscript', note: '[x](vbscript:msgbox(1))' },
  { name: 'note link: file', note: '[x](file:///etc/passwd)' },
  { name: 'note link: chrome', note: '[設定](chrome://settings/)' },
  { name: 'note link: javascript reference', note: `[x][evil]\n\n[evil]: javascript:${PWN}` },
  { name: 'note link: javascript image', note: `![x](javascript:${PWN})` },
  { name: 'note link: tracking image', note: '![](https://evil.example/pixel.png)' },
  {
    name: 'note link: title attribute breakout',
    note: `[x](https://example.com/ "a\\" onmouseover=\\"${PWN}")`,
  },
  { name: 'note link: protocol-relative', note: '[x](//evil.example/path)' },
  { name: 'note link: bare javascript line', note: `javascript:${PWN}` },
]);

const markdownTitles = inGroup('markdown-title', [
  { name: 'title: leading #', title: '# 見出しのような題' },
  { name: 'title: ## あとがき', title: '## あとがき' },
  { name: 'title: # alone', title: '#' },
  { name: 'title: closing #s', title: 'タイトル ##' },
  { name: 'title: emphasis', title: '*強調* と _下線_ と **太字** と __下線二つ__' },
  { name: 'title: backticks', title: '`code` と ```fence``` と `' },
  { name: 'title: link', title: '[リンク](https://evil.example/) と [x][y]' },
  { name: 'title: square brackets', title: '[Go 1.21] slog [WIP]' },
  { name: 'title: pipes', title: 'a | b | c\n|---|---|' },
  { name: 'title: KaTeX', title: '$x^2$ と $$\\href{javascript:alert(1)}{y}$$' },
  { name: 'title: card embed', title: '@[card](https://evil.example/)' },
  { name: 'title: container', title: ':::message alert' },
  { name: 'title: strikethrough', title: '~~取り消し~~ と ~/.bashrc' },
  { name: 'title: bare URL', title: 'https://evil.example/ をタイトルに' },
  { name: 'title: autolink', title: '<https://evil.example/> と <mailto:a@example.com>' },
  { name: 'title: image', title: '![画像](https://evil.example/x.png)' },
  { name: 'title: footnotes', title: '脚注[^1] と ^[インライン脚注]' },
  { name: 'title: backslashes', title: '\\# \\\\ \\* 末尾\\' },
  { name: 'title: block syntax', title: '> 引用\n- リスト\n1. 番号\n---' },
  { name: 'title: email and www', title: 'foo@example.com と www.example.com' },
]);

const structureNotes = inGroup('structure-note', [
  { name: 'note: # h1', note: '# 注入された h1' },
  { name: 'note: ## あとがき', note: '## あとがき\n\n偽のあとがき' },
  { name: 'note: ### item', note: '### 偽の項目\n\nhttps://evil.example/' },
  { name: 'note: unclosed backtick fence', note: '```\nコードが閉じない\n# 見出し' },
  { name: 'note: unclosed tilde fence', note: '~~~js\nconst a = 1;' },
  { name: 'note: unclosed four-backtick fence', note: '````\n```\n# フェンスの中\n```' },
  { name: 'note: unclosed :::message', note: ':::message\n閉じない' },
  { name: 'note: unclosed :::details', note: ':::details 詳細\n閉じない' },
  { name: 'note: setext h2', note: 'text\n---' },
  { name: 'note: setext h1', note: 'text\n===' },
  { name: 'note: heading in a quote', note: '> ## x' },
  { name: 'note: headings in lists', note: '- ## x\n1. # y' },
  { name: 'note: heading in nested containers', note: '> - > # deep' },
  { name: 'note: indented heading', note: '   # 三つの空白' },
  { name: 'note: tab after #', note: '#\tタブ' },
  { name: 'note: empty headings', note: '#\n##\n###' },
  { name: 'note: heading inside :::message', note: ':::message\n# 見出し\n:::' },
  { name: 'note: thematic breaks', note: '---\n***\n___' },
  { name: 'note: table with a heading cell', note: '| a | b |\n|---|---|\n| # x | y |' },
  { name: 'note: hard break', note: '行末  \n次の行\\\n最後' },
  // The cases below aim at the edges of confineNote's line-by-line reading of CommonMark.
  { name: 'note: fence-like line in an indented code block', note: '    ```\n# 見出し' },
  { name: 'note: unclosed fence in a quote', note: '> ```\n引用の外' },
  { name: 'note: fence closed by an over-indented line', note: '```\ncode\n    ```' },
  { name: 'note: unclosed four-colon details', note: '::::details 詳細\n本文' },
  { name: 'note: setext h2 in a quote', note: '> a\n> ---' },
  { name: 'note: setext h2 in a list item', note: '10. a\n    ---' },
  { name: 'note: heading in a footnote', note: '脚注[^1]\n\n[^1]: # 脚注の見出し' },
  { name: 'note: unclosed KaTeX block', note: '$$\n\\frac{1}{2}' },
]);

const zennNotes = inGroup('zenn-note', [
  { name: 'zenn: javascript card', note: `@[card](javascript:${PWN})` },
  { name: 'zenn: quote in a card', note: `@[card](https://example.com/"onmouseover="${PWN})` },
  { name: 'zenn: youtube attribute', note: `@[youtube](x" onload="${PWN})` },
  { name: 'zenn: codesandbox javascript', note: `@[codesandbox](javascript:${PWN})` },
  { name: 'zenn: slideshare script', note: `@[slideshare](a"><script>${PWN}</script>)` },
  {
    name: 'zenn: tweet and gist javascript',
    note: `@[tweet](javascript:${PWN})\n\n@[gist](javascript:${PWN})`,
  },
  { name: 'zenn: KaTeX href', note: `$\\href{javascript:${PWN}}{x}$` },
  { name: 'zenn: KaTeX url block', note: `$$\n\\url{javascript:${PWN}}\n$$` },
  { name: 'zenn: mermaid click', note: '```mermaid\ngraph TD\nA-->B\nclick A "javascript:alert(1)"\n```' },
  { name: 'zenn: details summary HTML', note: `:::details <img src=x onerror=${PWN}>\n本文\n:::` },
  { name: 'zenn: message attribute', note: `:::message alert" onclick="${PWN}\n本文\n:::` },
]);

const unicode = inGroup('unicode', [
  { name: 'unicode: zero-width title', title: 'Zero\u200BWidth\uFEFF\u200D\u2060タイトル' },
  { name: 'unicode: zero-width before headings', note: '\u200B# 見出し?\n\uFEFF## あとがき\n\u200D### 項目' },
  { name: 'unicode: control characters in the title', title: `制御${CONTROLS}文字` },
  { name: 'unicode: control characters in the note', note: `制御${CONTROLS}文字\n\u0000# NUL の後` },
  { name: 'unicode: title of controls only', title: '\u0001\u0002\u0003' },
  { name: 'unicode: RLO in the title', title: 'invoice\u202Efdp.exe' },
  {
    name: 'unicode: isolates in the title',
    title: '\u2066左\u2069 \u2067右\u2069 \u2068x\u2069 閉じない\u2066\u202E',
  },
  {
    name: 'unicode: bidi in link text',
    note: '[\u202Emoc.elpmaxe//:sptth](https://evil.example/) \u202E逆向き',
  },
  { name: 'unicode: Arabic title', title: 'مرحبا بالعالم: دليل Kubernetes 1.28' },
  { name: 'unicode: Hebrew title and note', title: 'שלום עולם', note: 'טקסט מימין לשמאל 123 abc' },
  { name: 'unicode: lone surrogates in the title', title: 'a\uD800b\uDC00c\uDBFF' },
  { name: 'unicode: lone surrogates in the note', note: '前\uD83D後\uDE00' },
  { name: 'unicode: emoji ZWJ sequences', title: '👨‍👩‍👧‍👦 👩🏽‍💻 🏳️‍🌈 🧑‍🤝‍🧑', note: '家族 👨‍👩‍👧‍👦 と 🏴‍☠️' },
  { name: 'unicode: CRLF in the title', title: '一行目\r\n# 二行目' },
  { name: 'unicode: CRLF in the note', note: 'a\r\n# b\r\n\r\nc\r\n' },
  { name: 'unicode: CR only in the note', note: 'a\r# b\r---' },
  { name: 'unicode: tabs in the title', title: 'a\tb\t\tc\t' },
  { name: 'unicode: tabs in the note', note: '\t# タブで字下げ\n\tcode\n-\t# リスト' },
  {
    name: 'unicode: line and paragraph separators',
    title: '行\u2028区切り\u2029段落',
    note: '行\u2028# 区切り',
  },
  { name: 'unicode: NEL, VT and FF in the title', title: 'a\u0085b\u000Bc\u000Cd' },
  { name: 'unicode: combining marks', title: 'Z̷̛̺a̸̧͖l̵̨̛g̶̡̛o̷̢͝ テキスト' },
  { name: 'unicode: full-width and no-break spaces', note: '＃ 全角\n\u3000# 全角空白\n\u00A0# NBSP' },
]);

const long = inGroup('long', [
  { name: 'long: 5,000-character title', title: 'あ'.repeat(5_000) },
  { name: 'long: 10,000-character note', note: `${'長いメモ。'.repeat(1_999)}おわり` },
  {
    name: 'long: 5,000-character title of payloads',
    title: `<img src=x onerror=${PWN}>[x](javascript:alert(1))`.repeat(200).slice(0, 5_000),
  },
  { name: 'long: 10,000 characters of headings', note: '# 見出し\n'.repeat(1_429).slice(0, 10_000) },
  { name: 'long: 10,000 brackets', note: '['.repeat(10_000) },
  { name: 'long: 10,000 emphasis markers', note: '*a'.repeat(5_000) },
  { name: 'long: 10,000 quote markers', note: `${'>'.repeat(10_000)} # 深い` },
  { name: 'long: 10,000 spaces before a character', note: `a${' '.repeat(10_000)}b` },
  // 69 characters: list markers separated by runs of spaces, which each split two or three ways.
  { name: 'long: list markers and spaces', note: `${'-   '.repeat(16)}x` },
]);

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  ...htmlTitles,
  ...htmlNotes,
  ...urls,
  ...linkNotes,
  ...markdownTitles,
  ...structureNotes,
  ...zennNotes,
  ...unicode,
  ...long,
];

/** A case by its name; throws for a name that is not in the list, so a renamed case cannot go unnoticed. */
export function hostileInput(name: string): HostileInput {
  const found = HOSTILE_INPUTS.find((input) => input.name === name);
  if (!found) throw new Error(`no hostile input named ${JSON.stringify(name)}`);
  return found;
}
