/**
 * Notes a clipping could carry that must never become markup, run scripts or load anything in the
 * preview or the copied HTML. `visible` is text that must still be shown, as written.
 * Payloads set `globalThis.pwned` so a test can also check that nothing ran.
 */
export interface HostileNote {
  name: string;
  note: string;
  visible: string[];
}

export const HOSTILE_NOTES: HostileNote[] = [
  {
    name: 'img onerror',
    note: '<img src=x onerror="globalThis.pwned=1">',
    visible: ['<img src=x onerror="globalThis.pwned=1">'],
  },
  {
    name: 'script block',
    note: '<script>globalThis.pwned=1</script>',
    visible: ['<script>globalThis.pwned=1</script>'],
  },
  {
    name: 'inline script',
    note: 'before <script>globalThis.pwned=1</script> after',
    visible: ['before <script>'],
  },
  {
    name: 'iframe',
    note: '<iframe src="https://evil.example/"></iframe>',
    visible: ['<iframe src="https://evil.example/">'],
  },
  { name: 'svg onload', note: '<svg onload="globalThis.pwned=1"></svg>', visible: ['<svg onload='] },
  {
    name: 'html anchor',
    note: '<a href="javascript:globalThis.pwned=1">click</a>',
    visible: ['<a href="javascript:'],
  },
  { name: 'div onclick', note: '<div onclick="globalThis.pwned=1">x</div>', visible: ['<div onclick='] },
  {
    name: 'style',
    note: '<style>body{display:none}</style>',
    visible: ['<style>body{display:none}</style>'],
  },
  {
    name: 'meta refresh',
    note: '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    visible: ['<meta http-equiv='],
  },
  { name: 'base href', note: '<base href="https://evil.example/">', visible: ['<base href='] },
  { name: 'object', note: '<object data="https://evil.example/x.swf"></object>', visible: ['<object data='] },
  { name: 'html comment', note: 'a <!-- hidden --> b', visible: ['<!-- hidden -->'] },
  {
    name: 'javascript link',
    note: '[x](javascript:globalThis.pwned=1)',
    visible: ['[x](javascript:globalThis.pwned=1)'],
  },
  {
    name: 'mixed-case javascript link',
    note: '[x](JaVaScRiPt:globalThis.pwned=1)',
    visible: ['[x](JaVaScRiPt:'],
  },
  {
    name: 'entity-encoded javascript link',
    note: '[x](&#106;avascript:globalThis.pwned=1)',
    visible: ['[x](javascript:'],
  },
  {
    name: 'javascript reference link',
    note: '[x][evil]\n\n[evil]: javascript:globalThis.pwned=1',
    visible: ['[x][evil]'],
  },
  {
    name: 'javascript autolink',
    note: '<javascript:globalThis.pwned=1>',
    visible: ['<javascript:globalThis.pwned=1>'],
  },
  {
    name: 'data link',
    note: '[x](data:text/html,<script>globalThis.pwned=1</script>)',
    visible: ['[x](data:text/html,<script>'],
  },
  { name: 'vbscript link', note: '[x](vbscript:msgbox(1))', visible: ['[x](vbscript:msgbox(1))'] },
  { name: 'file link', note: '[x](file:///etc/passwd)', visible: ['[x](file:///etc/passwd)'] },
  { name: 'protocol-relative link', note: '[x](//evil.example/path)', visible: ['[x](//evil.example/path)'] },
  { name: 'image', note: '![](http://evil.example/x.png)', visible: ['http://evil.example/x.png'] },
  {
    name: 'image with alt and title',
    note: '![tracking pixel](http://evil.example/x.png "t")',
    visible: ['tracking pixel'],
  },
  {
    name: 'data image',
    note: '![x](data:image/png;base64,iVBORw0KGgo=)',
    visible: ['![x](data:image/png;base64,'],
  },
  {
    name: 'image in a list',
    note: '- ![pic](https://evil.example/x.png)\n  - <img src=x>',
    visible: ['pic', '<img src=x>'],
  },
  {
    name: 'link title with quotes',
    note: '[x](https://example.com/ "a\\" onmouseover=\\"globalThis.pwned=1")',
    visible: ['x'],
  },
  {
    name: 'quote in a bare URL',
    note: 'https://example.com/"onmouseover="globalThis.pwned=1',
    visible: ['onmouseover='],
  },
  {
    name: 'javascript @[card]',
    note: '@[card](javascript:globalThis.pwned=1)',
    visible: ['@[card](javascript:'],
  },
  {
    name: 'quote in @[card]',
    note: '@[card](https://example.com/"onmouseover="globalThis.pwned=1)',
    visible: ['example.com'],
  },
  {
    name: 'fence info attribute',
    note: '```html" onmouseover="globalThis.pwned=1\n<script>globalThis.pwned=1</script>\n```',
    visible: ['<script>globalThis.pwned=1</script>'],
  },
  {
    name: 'inline code',
    note: '`<img src=x onerror=globalThis.pwned=1>`',
    visible: ['<img src=x onerror=globalThis.pwned=1>'],
  },
  {
    name: 'entities',
    note: '&lt;script&gt;globalThis.pwned=1&lt;/script&gt;',
    visible: ['<script>globalThis.pwned=1</script>'],
  },
  {
    name: 'attribute syntax',
    note: '[x](https://example.com/){onclick=globalThis.pwned=1}',
    visible: ['{onclick=globalThis.pwned=1}'],
  },
];
