import { compareNewestFirst } from '../../../src/core/clipping';
import * as issue41 from '../../core/fixtures/issue-2023-09-15';

/**
 * The team's real issues (Neco Weekly, ../shared/reference/) replayed through the product. Names,
 * numbers, dates, category labels and order, item titles, URLs and which items have no URL of their own
 * are theirs; every intro, note and afterword is our own words, written in the shapes the team uses:
 * paragraphs, `- [title](url)` link lists, nested Q&A lists, inline code, a footnote, titles with `[`,
 * `*`, `_`, `#127`, URLs with `_ % & ?` (sched.com's `w=100%`).
 */
export interface GoldenItem {
  category: string;
  title: string;
  /** Empty: added by hand in the options page (a Q&A, an announcement). */
  url: string;
  note: string;
}

export interface GoldenIssue {
  /** Names the expected Markdown file, `{slug}.expected.md` beside this file. */
  slug: string;
  name: string;
  intro: string;
  number: number;
  date: string;
  /** In the issue's order. */
  categories: string[];
  /** In the order they appear in the issue. */
  items: GoldenItem[];
  afterword: string;
  /** The settings' footer template (the signature after あとがき), when the issue has one. */
  footer?: string;
}

const NECO_INTRO =
  '{{name}} は、チームのメンバーが一週間のあいだに見つけたクラウドネイティブ関連の話題を持ち寄る社内の集まりです。\n' +
  'この記事では、その場で話したことを短くまとめて紹介します。\n' +
  '\n' +
  '今回は第{{number}}回目の記事となります。';

const labelOf = new Map(issue41.CATEGORIES.map((category) => [category.id, category.label]));
const rendered41 = issue41.CLIPPINGS.filter(
  (clipping) => clipping.issueId === issue41.ISSUE.id && !clipping.carryOver,
)
  .sort((a, b) => a.order - b.order || -compareNewestFirst(a, b))
  .sort(
    (a, b) =>
      (issue41.CATEGORIES.find((c) => c.id === a.categoryId)?.order ?? 0) -
      (issue41.CATEGORIES.find((c) => c.id === b.categoryId)?.order ?? 0),
  );

const ISSUE_2023_09_15: GoldenIssue = {
  slug: 'neco-weekly-2023-09-15',
  name: issue41.SETTINGS.name,
  intro: issue41.SETTINGS.introTemplate,
  number: 41,
  date: '2023-09-15',
  categories: ['👀 Notable Articles', '🛠️ Tools, Frameworks, Libraries'],
  items: rendered41.map((clipping) => ({
    category: labelOf.get(clipping.categoryId) ?? '',
    title: clipping.title,
    url: clipping.url,
    note: clipping.note.replace(/\r\n/g, '\n').trim(),
  })),
  afterword: issue41.ISSUE.afterword,
  footer: issue41.SETTINGS.footerTemplate,
};

const K125 = '✨ Kubernetes 1.25';

const ISSUE_2022_08_26: GoldenIssue = {
  slug: 'neco-weekly-2022-08-26',
  name: 'Neco Weekly',
  intro: NECO_INTRO,
  number: 5,
  date: '2022-08-26',
  categories: [K125],
  items: [
    {
      category: K125,
      title: "Kubernetes 1.25 - What's new? - New features and deprecations",
      url: 'https://sysdig.com/blog/kubernetes-1-25-whats-new/',
      note: '今週は Kubernetes 1.25 の変更点から、チームで気になったものを選んで話しました。\nまずは全体を見渡せるこのまとめ記事から。',
    },
    {
      category: K125,
      title: '[#127] Add support for user namespaces',
      url: 'https://github.com/kubernetes/enhancements/issues/127',
      note:
        'コンテナの中の root をホストの root と切り離せるようになります。\n' +
        '権限を切り替えながら動くデーモンも、これで安心して載せられそうです。\n' +
        '\n' +
        'KubeCon NA 2022 にも関連するセッションがあります。\n' +
        '\n' +
        '- [Run As “Root”, Not Root: User Namespaces In K8s](https://kccncna2022.sched.com/event/182K0/run-as-root-not-root-user-namespaces-in-k8s-marga-manterola-isovalent-rodrigo-campos-catelin-microsoft?iframe=no&w=100%&sidebar=yes&bg=no)',
    },
    {
      category: K125,
      title: '[#5] PodSecurityPolicy + [#2579] PodSecurity admission',
      url: 'https://github.com/kubernetes/enhancements/issues/2579',
      note:
        'PodSecurityPolicy がついに削除され、PodSecurity admission に置き換わりました。\n' +
        'わたしたちは公式版より前に作った自前の webhook を使い続けています。\n' +
        '\n' +
        '- [cybozu-go/pod-security-admission](https://github.com/cybozu-go/pod-security-admission)',
    },
    {
      category: K125,
      title: '[#3327] CPU Manager policy: socket alignment',
      url: 'https://github.com/kubernetes/enhancements/issues/3327',
      note:
        'CPU を占有させるとき、割り当てがソケットをまたがないように指定できるようになります。\n' +
        'メモリアクセスの距離が効いてくる話は、以前の検証記事にもまとめています。\n' +
        '\n' +
        '- [EPYCマシンの検証(2) - NUMAノードをまたぐメモリアクセス速度](https://blog.cybozu.io/entry/2018/03/29/170000)',
    },
    {
      category: K125,
      title: '[#2254] cgroup v2 *stable* (memory_qos は次以降)',
      url: 'https://github.com/kubernetes/enhancements/issues/2254',
      note:
        'cgroup v2 対応が stable になりました。\n' +
        '`memory.high` を使った `MemoryQoS` はまだ alpha のままです。\n' +
        '\n' +
        '- [Five Things to Prepare for Cgroup v2 with Kubernetes](https://blog.kintone.io/entry/2022/03/08/170206)\n' +
        '- [Quality-of-Service for Memory Resources](https://kubernetes.io/blog/2021/11/26/qos-memory-resources/)',
    },
    {
      category: K125,
      title: '[#3022] Min domains in PodTopologySpread',
      url: '',
      note:
        'トポロジーの分散で、ドメインの数の下限を指定できるようになります。\n' +
        '提案した方が経緯を書いた記事も読みました。\n' +
        '\n' +
        '- [Kubernetes へ MinDomains という機能の KEP を出した](https://sanposhiho.com/posts/mindomain-kep/)\n' +
        '- [KEP-3022](https://github.com/kubernetes/enhancements/issues/3022)',
    },
  ],
  afterword: '1.25 はスケジューラー周りの変更が多い回でした。\n次のバージョンも楽しみです。',
};

const NEWS = '✨ News';
const NOTABLE = '👀 Notable Articles';
const TOOLS_0908 = '🛠️ Tools';

const ISSUE_2022_09_08: GoldenIssue = {
  slug: 'neco-weekly-2022-09-08',
  name: 'Neco Weekly',
  intro: NECO_INTRO,
  number: 6,
  date: '2022-09-08',
  categories: [NEWS, NOTABLE, TOOLS_0908],
  items: [
    {
      category: NEWS,
      title: 'サイボウズサマーインターン2022 報告 〜 Kubernetes基盤開発コース&ストレージコース',
      url: 'https://blog.cybozu.io/entry/2022/09/07/135414',
      note: '今年のインターンの報告記事が出ました。\n参加してくれた皆さん、ありがとうございました。',
    },
    {
      category: NEWS,
      title: '技術文書の書き方',
      url: '',
      note:
        'チームで設計文書を書くときに気をつけていることを、問いと答えの形で整理しました。\n' +
        '\n' +
        '- Q. 最初に何を書きますか?\n' +
        '  - A. 読み手と、その人が読み終えたときに判断できるようになることです。\n' +
        '- Q. 長くなったときは?\n' +
        '  - A. 結論を先に置き、詳細は節を分けます。\n' +
        '    - 例: `## 背景` と `## 提案` を分ける\n' +
        '- Q. 参考にしている資料は?\n' +
        '  - A. 次の二つです。\n' +
        '    - [Google Technical Writing](https://developers.google.com/tech-writing)\n' +
        '    - [Write the Docs](https://www.writethedocs.org/guide/)',
    },
    {
      category: NOTABLE,
      title: 'READYFORのOSSポリシーを公開しました',
      url: 'https://tech.readyfor.jp/entry/2022/09/01/120000',
      note: '会社として OSS にどう関わるかを明文化した記事です。\nうちのチームでも似た取り決めを考えたいところです。',
    },
    {
      category: NOTABLE,
      title: '[Kubernetes 1.25] Alpha: Pod内でのUser Namespaceを試してみた',
      url: 'https://qiita.com/junya19862/items/ca6964baaaaafe603aba',
      note: '先週紹介した User Namespace を、実際に手元で動かしてみた記事です。\n`hostUsers: false` を指定するだけで試せます。',
    },
    {
      category: NOTABLE,
      title: 'Introducing Ambient Mesh',
      url: 'https://istio.io/latest/blog/2022/introducing-ambient-mesh/',
      note: 'サイドカーを置かない Istio の新しい動かし方です。\nノードごとの ztunnel と、必要なときだけの waypoint proxy に役割を分けています。',
    },
    {
      category: NOTABLE,
      title: 'Kubernetes API Server Bypass Risks',
      url: 'https://kubernetes.io/docs/concepts/security/api-server-bypass-risks/',
      note: 'API サーバーを経由せずにクラスターへ触れる経路を整理した公式ドキュメントです。\nkubelet の API や etcd への直接アクセスなどが挙がっています。',
    },
    {
      category: TOOLS_0908,
      title: 'controller-runtime v0.13.0',
      url: 'https://github.com/kubernetes-sigs/controller-runtime/releases/tag/v0.13.0',
      note: 'Kubernetes 1.25 に対応したリリースです。\n`webhook.Admission` まわりに破壊的な変更があるので、上げるときは注意が必要です。',
    },
  ],
  afterword: '技術文書の話は、来週も続きをやる予定です。',
};

const EVENTS = '🤝 Events';
const RELEASES = '✨ Release Notes';
const TOOLS = '🛠️ Tools, Frameworks, Libraries';

const ISSUE_2022_09_30: GoldenIssue = {
  slug: 'neco-weekly-2022-09-30',
  name: 'Neco Weekly',
  intro: NECO_INTRO,
  number: 8,
  date: '2022-09-30',
  categories: [NOTABLE, EVENTS, RELEASES, TOOLS],
  items: [
    {
      category: NOTABLE,
      title: 'Under-documented Kubernetes Security Tips',
      url: 'https://www.macchaffee.com/blog/2022/k8s-under-documented-security-tips/',
      note:
        'ドキュメントにはあまり書かれていない、セキュリティ上の落とし穴をまとめた記事です。\n' +
        'Secret を読める権限があれば ServiceAccount のトークンも読める[^1]、という指摘にはどきっとしました。\n' +
        '\n' +
        '[^1]: 1.24 からはトークンが自動では作られなくなったので、事情が少し変わっています。',
    },
    {
      category: NOTABLE,
      title: 'Kubernetes 1.25: CustomResourceDefinition Validation Rules Graduate to Beta',
      url: 'https://kubernetes.io/blog/2022/09/23/crd-validation-rules-beta/',
      note: 'CRD のバリデーションを CEL の式で書けるようになりました。\n`x-kubernetes-validations` に `self.minReplicas <= self.replicas` のように書けます。',
    },
    {
      category: NOTABLE,
      title: 'NGINXの運用をちょっとだけ楽にするKubernetes Controllerを実装してみた',
      url: 'https://zenn.dev/junya0530/articles/97b8926799b755',
      note: '設定の再読み込みをコントローラーに任せる、という発想の記事です。\n小さく作って運用を楽にする例として参考になります。',
    },
    {
      category: NOTABLE,
      title: 'インターンシップ',
      url: '',
      note:
        '来年のインターンに向けて、受け入れ方を話し合いました。\n' +
        '\n' +
        '- 課題は実際のチケットから選ぶ\n' +
        '- メンターは二人一組\n' +
        '  - 一人が休んでも止まらないように',
    },
    {
      category: EVENTS,
      title: 'ArgoCon 2022: Attacking Argo CD with Argo CD (and then Defending)',
      url: 'https://www.youtube.com/watch?v=bRNMI29F2fI',
      note: 'Argo CD 自身の権限を使って Argo CD を乗っ取る、という発表です。\nプロジェクトの権限の切り方を見直すきっかけになりました。',
    },
    {
      category: RELEASES,
      title: 'Trivy Operator v0.2.0',
      url: 'https://twitter.com/ChenKeinan/status/1570432959525834752',
      note: 'クラスターの中のリソースを定期的にスキャンしてくれる Operator の新しい版です。',
    },
    {
      category: RELEASES,
      title: 'Kubebulder v3.7.0',
      url: 'https://github.com/kubernetes-sigs/kubebuilder/releases/tag/v3.7.0',
      note: 'Go 1.19 に対応しました。\n`go/v4-alpha` プラグインも入っています。',
    },
    {
      category: RELEASES,
      title: 'controller-tools v0.10.0',
      url: 'https://github.com/kubernetes-sigs/controller-tools/releases/tag/v0.10.0',
      note: '生成される CRD のマニフェストが少し変わるので、差分の確認をおすすめします。',
    },
    {
      category: RELEASES,
      title: 'Stern v1.22.0',
      url: 'https://github.com/stern/stern/releases/tag/v1.22.0',
      note: '複数の Pod のログをまとめて追える定番ツールです。\n`--only-log-lines` が地味に便利です。',
    },
    {
      category: TOOLS,
      title: 'viddy',
      url: 'https://github.com/sachaos/viddy',
      note: '`watch` コマンドの代わりになるツールです。\n過去の出力をさかのぼって見られます。',
    },
    {
      category: TOOLS,
      title: 'Debugging Large and Complex Dockerfiles Gets Easier with Buildg',
      url: 'https://www.infoq.com/news/2022/09/debug-dockerfiles-buildg/',
      note: 'Dockerfile のビルドを一命令ずつ止めながら調べられるデバッガーの紹介です。',
    },
  ],
  afterword: 'そろそろ KubeCon NA の季節ですね。\n現地に行く人の報告を楽しみにしています。',
};

export const GOLDEN_ISSUES: GoldenIssue[] = [
  ISSUE_2022_08_26,
  ISSUE_2022_09_08,
  ISSUE_2022_09_30,
  ISSUE_2023_09_15,
];
