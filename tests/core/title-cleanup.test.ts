import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanTitle, DEFAULT_TITLE_RULES, type TitleRule } from '../../src/core/title-cleanup';
import { formatTitleRules, parseTitleRules, TITLE_RULES_LIMIT } from '../../src/core/title-rules-text';

/**
 * Page titles as browsers report them, with the heading the newsletter would want. Where a Neco Weekly
 * issue in /work/shared/reference wrote the same page as a `###` heading, the row says which one.
 * GitHub pull request authors are a stand-in login (`octocat`): the shape is GitHub's, the name is not.
 */
const GOLDEN: readonly [site: string, title: string, url: string, expected: string][] = [
  [
    'Zenn article',
    'Go1.22で登場するかも!?開発中の新機能イテレータを使ってみる! | Zenn',
    'https://zenn.dev/team_soda/articles/0b57bba3a3665f',
    'Go1.22で登場するかも!?開発中の新機能イテレータを使ってみる!',
  ],
  [
    'Zenn article (2022-09-30 heading)',
    'NGINXの運用をちょっとだけ楽にするKubernetes Controllerを実装してみた | Zenn',
    'https://zenn.dev/junya0530/articles/97b8926799b755',
    'NGINXの運用をちょっとだけ楽にするKubernetes Controllerを実装してみた',
  ],
  [
    'Zenn scrap',
    'Kubernetes 1.25でbetaになったCommon Expression Language (CEL)を試してみる | Zenn',
    'https://zenn.dev/zoetro/scraps/30eabefe3545d4',
    'Kubernetes 1.25でbetaになったCommon Expression Language (CEL)を試してみる',
  ],
  [
    'Zenn, a `|` inside the title kept',
    'Kubernetes | 運用 | ふりかえり | Zenn',
    'https://zenn.dev/example/articles/0123456789abcd',
    'Kubernetes | 運用 | ふりかえり',
  ],
  [
    'Qiita (2022-09-08 heading)',
    '[Kubernetes 1.25] Alpha: Pod内でのUser Namespaceを試してみた - Qiita',
    'https://qiita.com/junya19862/items/ca6964baaaaafe603aba',
    '[Kubernetes 1.25] Alpha: Pod内でのUser Namespaceを試してみた',
  ],
  [
    'Qiita with a tag',
    'AppArmor #Security - Qiita',
    'https://qiita.com/propella/items/a6b646916b48029c369e',
    'AppArmor',
  ],
  [
    'Qiita with a Japanese title and a tag',
    'TileTemplateについて #Unity - Qiita',
    'https://qiita.com/RyotaMurohoshi/items/78b490aa1343b2087fdd',
    'TileTemplateについて',
  ],
  [
    'Qiita without tags',
    'Pythonのimportについてまとめる - Qiita',
    'https://qiita.com/suzuki-hoge/items/f951d56290617df4279e',
    'Pythonのimportについてまとめる',
  ],
  [
    'Cybozu Inside Out, the inner ` - ` kept',
    'EPYCマシンの検証(2) - NUMAノードをまたぐメモリアクセス速度 - Cybozu Inside Out | サイボウズエンジニアのブログ',
    'https://blog.cybozu.io/entry/2018/03/29/170000',
    'EPYCマシンの検証(2) - NUMAノードをまたぐメモリアクセス速度',
  ],
  [
    'Cybozu Inside Out (2022-09-08 heading)',
    'サイボウズサマーインターン2022 報告 〜 Kubernetes基盤開発コース&ストレージコース - Cybozu Inside Out | サイボウズエンジニアのブログ',
    'https://blog.cybozu.io/entry/2022/09/07/135414',
    'サイボウズサマーインターン2022 報告 〜 Kubernetes基盤開発コース&ストレージコース',
  ],
  [
    'Cybozu Inside Out (2023-09-15 heading)',
    'Kubernetes Deployment の rollout status の罠 - Cybozu Inside Out | サイボウズエンジニアのブログ',
    'https://blog.cybozu.io/entry/2023/09/08/080000',
    'Kubernetes Deployment の rollout status の罠',
  ],
  [
    'Kintone Engineering Blog',
    'Five Things to Prepare for Cgroup v2 with Kubernetes - Kintone Engineering Blog',
    'https://blog.kintone.io/entry/2022/03/08/170206',
    'Five Things to Prepare for Cgroup v2 with Kubernetes',
  ],
  // `### controller-runtime v0.13.0` (2022-09-08): the repository's name, then the release's.
  [
    'GitHub release',
    'Release v0.13.0 · kubernetes-sigs/controller-runtime · GitHub',
    'https://github.com/kubernetes-sigs/controller-runtime/releases/tag/v0.13.0',
    'controller-runtime v0.13.0',
  ],
  [
    'GitHub release, older title without `· GitHub`',
    'Release v0.13.0 · kubernetes-sigs/controller-runtime',
    'https://github.com/kubernetes-sigs/controller-runtime/releases/tag/v0.13.0',
    'controller-runtime v0.13.0',
  ],
  [
    'GitHub release (2022-09-30 `### Kubebulder v3.7.0`)',
    'Release v3.7.0 · kubernetes-sigs/kubebuilder',
    'https://github.com/kubernetes-sigs/kubebuilder/releases/tag/v3.7.0',
    'kubebuilder v3.7.0',
  ],
  [
    'GitHub release named `Release v0.10.0` (2022-09-30 `### controller-tools v0.10.0`)',
    'Release Release v0.10.0 · kubernetes-sigs/controller-tools',
    'https://github.com/kubernetes-sigs/controller-tools/releases/tag/v0.10.0',
    'controller-tools v0.10.0',
  ],
  [
    'GitHub release (2022-09-30 `### Stern v1.22.0`)',
    'Release v1.22.0 · stern/stern · GitHub',
    'https://github.com/stern/stern/releases/tag/v1.22.0',
    'stern v1.22.0',
  ],
  [
    'GitHub release (2023-09-15 `Kubebuilder v3.12.0`)',
    'Release v3.12.0 · kubernetes-sigs/kubebuilder · GitHub',
    'https://github.com/kubernetes-sigs/kubebuilder/releases/tag/v3.12.0',
    'kubebuilder v3.12.0',
  ],
  [
    'GitHub release whose name says the project',
    'Release Kubernetes v1.25.0 · kubernetes/kubernetes · GitHub',
    'https://github.com/kubernetes/kubernetes/releases/tag/v1.25.0',
    'Kubernetes v1.25.0',
  ],
  // `### viddy` (2022-09-30): the repository's name; the link card shows the description.
  [
    'GitHub repository (2022-09-30 heading)',
    'GitHub - sachaos/viddy: 👀 A modern watch command. Time machine and pager etc.',
    'https://github.com/sachaos/viddy',
    'viddy',
  ],
  [
    'GitHub repository with a hyphenated name',
    'GitHub - cybozu-go/pod-security-admission: A Kubernetes admission webhook to ensure pod security standards',
    'https://github.com/cybozu-go/pod-security-admission',
    'pod-security-admission',
  ],
  [
    'GitHub repository, emoji in the description',
    'GitHub - stern/stern: ⎈ Multi pod and container log tailing for Kubernetes',
    'https://github.com/stern/stern',
    'stern',
  ],
  // `### [#127](...) Add support for user namespaces` (2022-08-26): the number first.
  [
    'GitHub issue (2022-08-26 heading)',
    'Add support for user namespaces · Issue #127 · kubernetes/enhancements · GitHub',
    'https://github.com/kubernetes/enhancements/issues/127',
    '#127 Add support for user namespaces',
  ],
  [
    'GitHub issue with a colon (2022-08-26 heading)',
    'CPU Manager policy: socket alignment · Issue #3327 · kubernetes/enhancements · GitHub',
    'https://github.com/kubernetes/enhancements/issues/3327',
    '#3327 CPU Manager policy: socket alignment',
  ],
  [
    'GitHub pull request',
    'feat: add deny destinations for projects by octocat · Pull Request #9652 · argoproj/argo-cd · GitHub',
    'https://github.com/argoproj/argo-cd/pull/9652',
    '#9652 feat: add deny destinations for projects',
  ],
  [
    'GitHub pull request, older title, a bot author',
    'komega: add EqualObject matcher by dependabot[bot] · Pull Request #1833 · kubernetes-sigs/controller-runtime',
    'https://github.com/kubernetes-sigs/controller-runtime/pull/1833',
    '#1833 komega: add EqualObject matcher',
  ],
  [
    'GitHub page of no known form: only the suffix',
    'Releases · kubernetes-sigs/kubebuilder · GitHub',
    'https://github.com/kubernetes-sigs/kubebuilder/releases',
    'Releases · kubernetes-sigs/kubebuilder',
  ],
  [
    'kubernetes.io blog (2022-09-30 heading)',
    'Kubernetes 1.25: CustomResourceDefinition Validation Rules Graduate to Beta | Kubernetes',
    'https://kubernetes.io/blog/2022/09/23/crd-validation-rules-beta/',
    'Kubernetes 1.25: CustomResourceDefinition Validation Rules Graduate to Beta',
  ],
  [
    'kubernetes.io docs (2022-09-08 heading)',
    'Kubernetes API Server Bypass Risks | Kubernetes',
    'https://kubernetes.io/docs/concepts/security/api-server-bypass-risks/',
    'Kubernetes API Server Bypass Risks',
  ],
  [
    'gihyo.jp',
    'Python3.12で新たにサポートされたsub-interpretersの紹介 | gihyo.jp',
    'https://gihyo.jp/article/2023/11/monthly-python-2311',
    'Python3.12で新たにサポートされたsub-interpretersの紹介',
  ],
  [
    'gihyo.jp before its redesign',
    '第675回　apt-keyはなぜ廃止予定となったのか：Ubuntu Weekly Recipe｜gihyo.jp … 技術評論社',
    'https://gihyo.jp/admin/serial/01/ubuntu-recipe/0675',
    '第675回　apt-keyはなぜ廃止予定となったのか：Ubuntu Weekly Recipe',
  ],
  [
    'Publickey, full-width dash',
    'Oktaが無料のパスワードマネージャ「Okta Personal」を公開 － Publickey',
    'https://www.publickey1.jp/blog/23/oktaokta_personal.html',
    'Oktaが無料のパスワードマネージャ「Okta Personal」を公開',
  ],
  [
    'Publickey, ASCII dash',
    'GitHub Codespacesが全ユーザーに無料提供へ、毎月60時間分 - Publickey',
    'https://www.publickey1.jp/blog/22/github_codespaces60jetbrainsjupyterlabide.html',
    'GitHub Codespacesが全ユーザーに無料提供へ、毎月60時間分',
  ],
  [
    'Medium in a publication',
    'Long Polling vs WebSockets vs Server-Sent Events | by Vivek Kumar Singh | System Design Blog | Medium',
    'https://medium.com/system-design-blog/long-polling-vs-websockets-vs-server-sent-events-c43ba96df7c1',
    'Long Polling vs WebSockets vs Server-Sent Events',
  ],
  [
    'Medium, personal',
    '🤗 Transformers.js + ONNX Runtime WebGPU in Chrome extension | by Wei Lu | Medium',
    'https://medium.com/@GenerationAI/transformers-js-onnx-runtime-webgpu-in-chrome-extension-13b563933ca9',
    '🤗 Transformers.js + ONNX Runtime WebGPU in Chrome extension',
  ],
  [
    'Medium, a publication with a Japanese-script name',
    'CAP定理101—分散式系統，有一好沒兩好. Cap Theorem 101 | by YH Yu | 後端新手村 | Medium',
    'https://medium.com/%E5%BE%8C%E7%AB%AF%E6%96%B0%E6%89%8B%E6%9D%91/cap%E5%AE%9A%E7%90%86101-3fdd10e0b9a',
    'CAP定理101—分散式系統，有一好沒兩好. Cap Theorem 101',
  ],
  [
    'note.com article',
    'Alpaca まとめ｜npaka｜note',
    'https://note.com/npaka/n/n1a0ab681dc70',
    'Alpaca まとめ',
  ],
  [
    'note.com article by a company',
    '生産性が爆上がりするブラウザ：Sidekick｜One Capital｜note',
    'https://note.com/onecapital/n/n974fecd748df',
    '生産性が爆上がりするブラウザ：Sidekick',
  ],
  ['note.com profile', '柴田 芳樹｜note', 'https://note.com/yoshiki_shibata', '柴田 芳樹'],
  [
    'DevelopersIO',
    'S3 が暗号化されている実感がわかないので、復号できない場合の挙動を確かめてみた | DevelopersIO',
    'https://dev.classmethod.jp/articles/behavior-when-s3-cannot-be-decrypted/',
    'S3 が暗号化されている実感がわかないので、復号できない場合の挙動を確かめてみた',
  ],
  [
    'DevelopersIO, brackets in the title',
    '実践！AWS CDK #1 導入 | DevelopersIO',
    'https://dev.classmethod.jp/articles/cdk-practice-1-introduction/',
    '実践！AWS CDK #1 導入',
  ],
  [
    'Speaker Deck (2023-09-15 heading)',
    'Kubernetesソースコードリーディング入門 - Speaker Deck',
    'https://speakerdeck.com/bells17/kubernetessosukotoriteinkuru-men',
    'Kubernetesソースコードリーディング入門',
  ],
  [
    'YouTube, the speaker kept',
    'Attacking Argo CD with Argo CD (and then Defending) - Michael Crenshaw, Intuit - YouTube',
    'https://www.youtube.com/watch?v=bRNMI29F2fI',
    'Attacking Argo CD with Argo CD (and then Defending) - Michael Crenshaw, Intuit',
  ],
  [
    'YouTube with an unread counter',
    '(10) Self Hosting on your Home Server - Cloudflare + Nginx Proxy Manager - Easy SSL Setup - YouTube',
    'https://www.youtube.com/watch?v=GarMdDTAZJo',
    'Self Hosting on your Home Server - Cloudflare + Nginx Proxy Manager - Easy SSL Setup',
  ],
  [
    'Zenn with an unread counter',
    '(3) Go1.22で登場するかも!?開発中の新機能イテレータを使ってみる! | Zenn',
    'https://zenn.dev/team_soda/articles/0b57bba3a3665f',
    'Go1.22で登場するかも!?開発中の新機能イテレータを使ってみる!',
  ],
  ['a capped counter on any site', '(99+) Inbox', 'https://mail.example.com/', 'Inbox'],
  [
    'The New Stack',
    "Sampling: the philosopher's stone of distributed tracing - The New Stack",
    'https://thenewstack.io/distributed-tracing-sampling-opentelemetry/',
    "Sampling: the philosopher's stone of distributed tracing",
  ],
  [
    'AWS Containers blog',
    'Amazon EKS now supports Kubernetes 1.22 | Containers',
    'https://aws.amazon.com/blogs/containers/amazon-eks-now-supports-kubernetes-1-22/',
    'Amazon EKS now supports Kubernetes 1.22',
  ],
  [
    'AWS News Blog',
    'New – Multi-account search in AWS Resource Explorer | AWS News Blog',
    'https://aws.amazon.com/jp/blogs/aws/new-multi-account-search-in-aws-resource-explorer/',
    'New – Multi-account search in AWS Resource Explorer',
  ],
  [
    'InfoQ (2022-09-30 heading)',
    'Debugging Large and Complex Dockerfiles Gets Easier with Buildg - InfoQ',
    'https://www.infoq.com/news/2022/09/debug-dockerfiles-buildg/',
    'Debugging Large and Complex Dockerfiles Gets Easier with Buildg',
  ],
  [
    'Grafana Labs blog',
    'How relabeling in Prometheus works | Grafana Labs',
    'https://grafana.com/blog/2022/03/21/how-relabeling-in-prometheus-works/',
    'How relabeling in Prometheus works',
  ],
  [
    'Istio, a prefix (2022-09-08 heading)',
    'Istio / Introducing Ambient Mesh',
    'https://istio.io/latest/blog/2022/introducing-ambient-mesh/',
    'Introducing Ambient Mesh',
  ],
];

describe('cleanTitle: real titles', () => {
  it.each(GOLDEN)('%s', (_site, title, url, expected) => {
    expect(cleanTitle(title, url)).toBe(expected);
  });

  it('covers at least thirty titles', () => {
    expect(GOLDEN.length).toBeGreaterThanOrEqual(30);
  });
});

const GO_ITERATORS = 'Go1.22で登場するかも!?開発中の新機能イテレータを使ってみる! | Zenn';

/** Titles that must come back as they were (trimmed). */
const UNCHANGED: readonly [why: string, title: string, url: string][] = [
  [
    '` - ` inside a title on a site with no rule',
    "Kubernetes 1.25 - What's new? - New features and deprecations",
    'https://sysdig.com/blog/kubernetes-1-25-whats-new/',
  ],
  [
    '` | ` in the middle of a sentence',
    'ログは cat | grep で絞るより jq で読むほうが速い',
    'https://example.com/posts/logs',
  ],
  [
    'Medium title with ` | ` and no byline',
    'RAG (Retrieval Augmented Generation) | 甚麼是 RAG | RAG 教學',
    'https://medium.com/@cch.chichieh/rag',
  ],
  ['`| by` at the start of a word', 'Turn the cache | bypass mode off', 'https://medium.com/@someone/cache'],
  ['only the site name: Zenn', 'Zenn', 'https://zenn.dev/'],
  ['only the site name: Qiita', 'Qiita', 'https://qiita.com/'],
  ['only the site name: GitHub', 'GitHub', 'https://github.com/'],
  ['only the site name: Speaker Deck', 'Speaker Deck', 'https://speakerdeck.com/'],
  ['the suffix would leave nothing', '| Zenn', 'https://zenn.dev/'],
  ['the suffix would leave nothing (YouTube)', '- YouTube', 'https://www.youtube.com/'],
  ['a Zenn title on another site', GO_ITERATORS, 'https://example.com/articles/1'],
  ['a Zenn title on a host that only ends in zenn.dev', GO_ITERATORS, 'https://notzenn.dev/articles/1'],
  ['a Zenn title on a host that starts with zenn.dev', GO_ITERATORS, 'https://zenn.dev.example.com/a'],
  ['a Zenn title with no URL to know the site by', GO_ITERATORS, ''],
  [
    'a GitHub release title away from GitHub',
    'Release v0.13.0 · kubernetes-sigs/controller-runtime',
    'https://pkg.go.dev/sigs.k8s.io/controller-runtime',
  ],
  ['a counter not at the start', 'EPYCマシンの検証(2) 続き', 'https://example.com/'],
  ['a counter with no space after it', '(2)はじめに', 'https://example.com/'],
  ['a title that is only a counter', '(3)', 'https://example.com/'],
  ['an issue number is not a Qiita tag', 'Go 1.21 の変更点 #1', 'https://qiita.com/someone/items/1'],
  [
    'not a repository after `GitHub - `',
    'GitHub - the home of open source: a tour',
    'https://github.com/about',
  ],
  ['issue marker without a number', 'Flaky test · Issue #abc · owner/repo', 'https://github.com/owner/repo'],
];

describe('cleanTitle: titles left as they are', () => {
  it.each(UNCHANGED)('%s', (_why, title, url) => {
    expect(cleanTitle(title, url)).toBe(title);
  });

  it('trims whitespace, full-width spaces included', () => {
    expect(cleanTitle('\u3000 Zenn の記事 | Zenn  ', 'https://zenn.dev/a')).toBe('Zenn の記事');
    expect(cleanTitle('  viddy  ', 'https://example.com/')).toBe('viddy');
  });

  it('returns an empty string only for a blank title', () => {
    expect(cleanTitle('', 'https://zenn.dev/')).toBe('');
    expect(cleanTitle(' \t ', 'https://zenn.dev/')).toBe('');
  });

  it('applies rules for any site when the URL cannot be parsed', () => {
    expect(cleanTitle('(3) Title | Zenn', 'not a url')).toBe('Title | Zenn');
  });

  it('matches hosts case-insensitively and through subdomains', () => {
    expect(cleanTitle(GO_ITERATORS, 'https://ZENN.DEV/team_soda/articles/0b57bba3a3665f')).toBe(
      'Go1.22で登場するかも!?開発中の新機能イテレータを使ってみる!',
    );
    expect(cleanTitle('Attacking Argo CD - YouTube', 'https://m.youtube.com/watch?v=bRNMI29F2fI')).toBe(
      'Attacking Argo CD',
    );
  });

  it('uses no rule when given an empty table', () => {
    expect(cleanTitle(`(3) ${GO_ITERATORS}`, 'https://zenn.dev/', [])).toBe(`(3) ${GO_ITERATORS}`);
  });
});

describe('cleanTitle: rules from the settings text', () => {
  const { rules, errors } = parseTitleRules(
    [
      '# Blogs the team reads',
      'tech.readyfor.jp suffix - READYFOR Tech Blog',
      'example.com suffix Deck',
      'example.com prefix [PR]',
      '例え.テスト suffix - 例えブログ',
    ].join('\n'),
  );

  it('parses them', () => {
    expect(errors).toEqual([]);
    expect(rules).toHaveLength(4);
  });

  it('cleans a site the defaults do not know', () => {
    expect(
      cleanTitle(
        'READYFORのOSSポリシーを公開しました - READYFOR Tech Blog',
        'https://tech.readyfor.jp/entry/2022/09/01/120000',
        rules,
      ),
    ).toBe('READYFORのOSSポリシーを公開しました');
  });

  it('never cuts a word in two', () => {
    expect(cleanTitle('Slides on Speaker Deck', 'https://example.com/', rules)).toBe('Slides on Speaker');
    expect(cleanTitle('My SpeakerDeck', 'https://example.com/', rules)).toBe('My SpeakerDeck');
  });

  it('removes a prefix', () => {
    expect(cleanTitle('[PR] 新しいサービスのお知らせ', 'https://www.example.com/news', rules)).toBe(
      '新しいサービスのお知らせ',
    );
  });

  it('matches an internationalised host in either form', () => {
    expect(cleanTitle('はじめての記事 - 例えブログ', 'https://例え.テスト/entry/1', rules)).toBe(
      'はじめての記事',
    );
    expect(cleanTitle('はじめての記事 - 例えブログ', 'https://xn--r8jz45g.xn--zckzah/entry/1', rules)).toBe(
      'はじめての記事',
    );
  });

  it('applies rules in order, each once', () => {
    const twice = parseTitleRules('* suffix - A\n* suffix - B').rules;
    expect(cleanTitle('Title - B - A', 'https://example.com/', twice)).toBe('Title');
    expect(cleanTitle('Title - A - B', 'https://example.com/', twice)).toBe('Title - A');
  });
});

describe('parseTitleRules / formatTitleRules', () => {
  it('reads the documented form', () => {
    const text = [
      '* counter',
      'zenn.dev suffix | Zenn',
      'medium.com from-last | by',
      'istio.io prefix Istio /',
      'github.com github-release',
    ].join('\n');
    expect(parseTitleRules(text)).toEqual({
      rules: [
        { kind: 'counter' },
        { site: 'zenn.dev', kind: 'suffix', text: '| Zenn' },
        { site: 'medium.com', kind: 'from-last', text: '| by' },
        { site: 'istio.io', kind: 'prefix', text: 'Istio /' },
        { site: 'github.com', kind: 'github-release' },
      ],
      errors: [],
    });
    expect(formatTitleRules(parseTitleRules(text).rules)).toBe(text);
  });

  it('round-trips the default table', () => {
    const text = formatTitleRules(DEFAULT_TITLE_RULES);
    expect(text.split('\n')).toContain(
      'blog.cybozu.io suffix - Cybozu Inside Out | サイボウズエンジニアのブログ',
    );
    expect(parseTitleRules(text)).toEqual({ rules: DEFAULT_TITLE_RULES, errors: [] });
  });

  it('reports each bad line with its number and keeps the good ones', () => {
    const text = [
      '# my rules',
      'zenn.dev suffix | Zenn',
      '',
      'zenn.dev',
      'zenn.dev strip | Zenn',
      'https://zenn.dev/ suffix | Zenn',
      '*.zenn.dev suffix | Zenn',
      'zenn.dev:443 suffix | Zenn',
      'qiita.com suffix',
      '* counter (3)',
      `example.com suffix ${'x'.repeat(TITLE_RULES_LIMIT.lineLength)}`,
      '  Qiita.COM   suffix   - Qiita  ',
    ].join('\r\n');
    expect(parseTitleRules(text)).toEqual({
      rules: [
        { site: 'zenn.dev', kind: 'suffix', text: '| Zenn' },
        { site: 'qiita.com', kind: 'suffix', text: '- Qiita' },
      ],
      errors: [
        { line: 4, code: 'unknownKind' },
        { line: 5, code: 'unknownKind' },
        { line: 6, code: 'invalidSite' },
        { line: 7, code: 'invalidSite' },
        { line: 8, code: 'invalidSite' },
        { line: 9, code: 'missingText' },
        { line: 10, code: 'unexpectedText' },
        { line: 11, code: 'lineTooLong' },
      ],
    });
  });

  it('keeps a line of exactly the limit and refuses one over it', () => {
    const rule = (length: number) => `* suffix ${'x'.repeat(length - '* suffix '.length)}`;
    expect(parseTitleRules(rule(TITLE_RULES_LIMIT.lineLength)).errors).toEqual([]);
    expect(parseTitleRules(rule(TITLE_RULES_LIMIT.lineLength + 1)).errors).toEqual([
      { line: 1, code: 'lineTooLong' },
    ]);
  });

  it('keeps the first rules up to the limit and reports each one after it', () => {
    const lines = Array.from({ length: TITLE_RULES_LIMIT.rules + 2 }, (_, i) => `* suffix - Site ${i}`);
    const { rules, errors } = parseTitleRules(['# comments do not count', ...lines].join('\n'));
    expect(rules).toHaveLength(TITLE_RULES_LIMIT.rules);
    expect(errors).toEqual([
      { line: TITLE_RULES_LIMIT.rules + 2, code: 'tooManyRules' },
      { line: TITLE_RULES_LIMIT.rules + 3, code: 'tooManyRules' },
    ]);
  });

  it('stores an internationalised site as URLs carry it', () => {
    expect(parseTitleRules('例え.テスト suffix - ブログ').rules).toEqual([
      { site: 'xn--r8jz45g.xn--zckzah', kind: 'suffix', text: '- ブログ' },
    ]);
  });

  it('writes a text with a line break in it as one line', () => {
    expect(formatTitleRules([{ kind: 'suffix', text: ' - A\nB ' }])).toBe('* suffix - A B');
  });

  const label = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
  const site = fc.option(
    fc.array(label, { minLength: 1, maxLength: 3 }).map((labels) => labels.join('.')),
    { nil: undefined },
  );
  const text = fc
    .string({
      unit: fc.constantFrom(
        ' ',
        '\u3000',
        '|',
        '｜',
        '-',
        '－',
        '·',
        '/',
        '#',
        '*',
        '…',
        'a',
        'Z',
        '9',
        'ブ',
        '記',
      ),
      minLength: 1,
      maxLength: 40,
    })
    .map((value) => value.trim())
    .filter((value) => value !== '');
  const withSite = <T extends TitleRule>(rule: T, host: string | undefined): T =>
    host === undefined ? rule : { ...rule, site: host };
  const rule: fc.Arbitrary<TitleRule> = fc.oneof(
    fc
      .record({ kind: fc.constantFrom('suffix', 'prefix', 'from-last' as const), text, host: site })
      .map(({ kind, text, host }) => withSite({ kind, text }, host)),
    fc
      .record({
        kind: fc.constantFrom(
          'counter',
          'hashtags',
          'github-release',
          'github-issue',
          'github-pull',
          'github-repo' as const,
        ),
        host: site,
      })
      .map(({ kind, host }) => withSite({ kind }, host)),
  );
  const rules = fc.array(rule, { maxLength: 20 });

  it('formats what it parsed back to the same text (format∘parse is identity on formatted rules)', () => {
    fc.assert(
      fc.property(rules, (generated) => {
        const formatted = formatTitleRules(generated);
        const parsed = parseTitleRules(formatted);
        expect(parsed.errors).toEqual([]);
        expect(formatTitleRules(parsed.rules)).toBe(formatted);
      }),
      { numRuns: 500 },
    );
  });

  it('parses what it formatted back to the same rules', () => {
    fc.assert(
      fc.property(rules, (generated) => {
        expect(parseTitleRules(formatTitleRules(generated)).rules).toEqual(generated);
      }),
      { numRuns: 500 },
    );
  });
});

describe('cleanTitle on untrusted titles', () => {
  const urls = fc.constantFrom(
    'https://zenn.dev/a',
    'https://qiita.com/a',
    'https://github.com/a/b',
    'https://note.com/a',
    'https://medium.com/a',
    'https://istio.io/a',
    'not a url',
  );
  const noisy = fc.string({
    unit: fc.constantFrom(
      ' ',
      '(',
      ')',
      '3',
      '+',
      '#',
      '|',
      '｜',
      '·',
      '-',
      '/',
      ':',
      'a',
      'by',
      'GitHub',
      'Release',
    ),
    maxLength: 60,
  });

  it('always returns a trimmed title, empty only when the title was blank', () => {
    fc.assert(
      fc.property(fc.oneof(noisy, fc.string()), urls, (title, url) => {
        const cleaned = cleanTitle(title, url);
        expect(cleaned).toBe(cleaned.trim());
        expect(cleaned === '').toBe(title.trim() === '');
      }),
      { numRuns: 1000 },
    );
  });

  // Each case would take quadratic time or worse under a backtracking pattern; these only have to return.
  const N = 100_000;
  it.each([
    ['a long Zenn title', `${'a'.repeat(N)} | Zenn`, 'https://zenn.dev/a', 'a'.repeat(N)],
    ['separators only', ' · '.repeat(N / 3), 'https://github.com/a/b', undefined],
    ['open parentheses', '('.repeat(N), 'https://example.com/', '('.repeat(N)],
    ['digits in a counter that never closes', `(${'9'.repeat(N)}`, 'https://example.com/', undefined],
    ['a repository name that never ends', `GitHub - ${'a-'.repeat(N / 2)}`, 'https://github.com/', undefined],
    ['a release name of releases', `${'Release '.repeat(N / 8)}· a/b`, 'https://github.com/a/b', undefined],
    ['hashtags', `${'#a '.repeat(N / 3)}- Qiita`, 'https://qiita.com/a', undefined],
    ['bylines', '| by '.repeat(N / 5), 'https://medium.com/a', undefined],
    // The author rule cuts at the last bar only.
    ['full-width bars', '｜'.repeat(N), 'https://note.com/a', '｜'.repeat(N - 1)],
    ['spaces between words', 'a '.repeat(N / 2), 'https://qiita.com/a', undefined],
  ])('%s', (_name, title, url, expected) => {
    const cleaned = cleanTitle(title, url);
    expect(cleaned.length).toBeGreaterThan(0);
    // Compared as booleans: a failure message of two 100,000-character strings helps no one.
    if (expected !== undefined) expect(cleaned === expected).toBe(true);
  });
});
