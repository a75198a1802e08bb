/**
 * The finding catalogue in Simplified Chinese: for every code the title,
 * the hint and a message written from the same detail the English
 * catalogue (../findings.ts) reads, so `handover check` and the portal can
 * report a Chinese package in Chinese. The type makes a code without words
 * here, or a detail variant the message does not handle, a compile error.
 *
 * Ids, paths, field names, YAML keys, numbers and code are written exactly
 * as the author wrote them, so a finding can still be searched for in the
 * files; text an author wrote is quoted “…”. Text a library or a schema
 * wrote (a `problem`) is English and is shown as written, inside a Chinese
 * sentence that says what it is about.
 *
 * The words follow the portal's Chinese interface (../i18n.ts,
 * approvals.ts, closeout.ts): 作业规范, 订单类型, 审批阶梯 and 档, 审批人,
 * 发起人, 客户化开发, 培训课件, 测试题, 交接包.
 */
import { formatDate } from '../dates.ts';
import type { AddressedName, FindingTexts, PackageFolder, RecordKind } from '../findings.ts';
import type { Interval } from '../ladder-analysis.ts';
import type { UnsafeAttribute, UnsafeUrl } from '../markup-policy.ts';
import { nearMiss } from '../suggest.ts';

/** A deck embed line, as the English catalogue's detail holds it. */
type EmbedLine = { kind: 'approvals' | 'flow'; procedureId: string };

/** A path an author wrote: the evidence of an issue, or a file a document names. */
type NamedPath = { what: 'evidence' | 'file'; path: string };

/**
 * “；是否想写“…”？” for a near miss. The candidate and the threshold are
 * nearMiss()'s, which suggest() (../suggest.ts) writes in English:
 * both languages must offer the same id, so only the words differ here.
 */
export function suggestZh(id: string, known: ReadonlySet<string>): string {
  const best = nearMiss(id, known);
  return best !== undefined ? `；是否想写“${best}”？` : '';
}

/** At most `length` characters of a text an author wrote (the English messages' lengths), so a long one does not drown the message. */
const shortened = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** How a value reads to an author who wrote it in YAML: the Chinese of describeValue(), for schema messages too. */
export function describeValueZh(value: unknown): string {
  if (value === null) return '空值';
  if (value === undefined) return '没有值';
  if (Array.isArray(value)) return '一个列表';
  if (value instanceof Date) return '一个日期';
  if (typeof value === 'object') return '一个映射（若干“字段: 值”）';
  if (typeof value === 'string') return `文本“${shortened(value, 40)}”`;
  if (typeof value === 'number') return `数字 ${String(value)}`;
  if (typeof value === 'boolean') return `布尔值 ${String(value)}`;
  return `${typeof value} 值 ${String(value)}`;
}

/** Plain number: no thousands separators, so it reads the same as in the YAML. */
const plain = (value: number) => (value === Infinity ? '∞' : String(value));

const amount = (value: number, unit: string) => `${plain(value)} ${unit}`;

/**
 * The values of an interval in the words the example packages write their
 * ladders in (超过 for `over`, 不超过 for `upTo`): `超过 5 % 且不超过 6 %`,
 * `不超过 5 %`, `超过 15 %`, a single value `0 %`. Ladder values start at 0,
 * so a lower end of 0 that is included goes without saying.
 */
function rangeZh(interval: Interval, unit: string): string {
  if (interval.lower === interval.upper) return amount(interval.lower, unit);
  const lower = interval.lower === 0 && interval.lowerInclusive ? undefined : `${interval.lowerInclusive ? '不低于' : '超过'} ${amount(interval.lower, unit)}`;
  const upper = interval.upper === Infinity ? undefined : `${interval.upperInclusive ? '不超过' : '低于'} ${amount(interval.upper, unit)}`;
  if (lower && upper) return `${lower} 且${upper}`;
  return lower ?? upper ?? '任意值';
}

/**
 * The values as a condition on a metric, ending where the sentence goes on
 * with 时 (the Chinese of formatInterval() with its verb): `超过 5 % 且不超过 6 % `,
 * `为 0 % `; a space parts a number or unit from the Chinese that follows.
 */
function whenZh(interval: Interval, unit: string): string {
  const range = rangeZh(interval, unit);
  if (interval.lower === interval.upper) return `为 ${range} `;
  return range === '任意值' ? '取任意值' : `${range} `;
}

/** A band named by its values, for a sentence about the band itself: `“超过 5 % 且不超过 10 %”一档`. */
const bandZh = (interval: Interval, unit: string) => `“${rangeZh(interval, unit)}”一档`;

const RECORD_NAMES: Record<RecordKind, string> = {
  'order-type': '订单类型',
  'learning-path': '学习路径',
  'master-data-rule': '主数据规则',
  role: '角色',
  'glossary-term': '术语',
  conflict: '冲突',
  issue: '问题',
  'test-record': '测试记录',
};

const FOLDER_RULES: Record<PackageFolder, string> = {
  procedures: '作业规范是 .mdx 文件，按订单类型分文件夹存放：procedures/<orderType>/<slug>.mdx',
  customizations: '每项客户化开发一个文件夹 customizations/<ID>/，其中包含 requirement.mdx、implementation.mdx 和 tests.yaml',
  decks: '培训课件是直接放在 decks/ 中的 Marp Markdown 文件：decks/<slug>.md',
  quizzes: '测试题是直接放在 quizzes/ 中的 YAML 文件：quizzes/<slug>.yaml',
  pages: '其他页面是 pages/ 下的 .mdx 文件',
};

const ADDRESSED_NAMES: Record<AddressedName, string> = {
  procedure: '作业规范的文件夹名或文件名',
  customization: '客户化开发的文件夹名',
  deck: '培训课件的文件名',
  quiz: '测试题的文件名',
  page: '页面的文件夹名或文件名',
};

const TARGET_NAMES: Record<'procedure' | 'deck' | 'quiz', string> = { procedure: '作业规范', deck: '培训课件', quiz: '测试题' };

const embedSyntax = (embed: EmbedLine) => `{{${embed.kind} ${embed.procedureId}}}`;

const namedPath = ({ what, path }: NamedPath) => `${what === 'evidence' ? '证据' : '文件'}“${path}”`;

const quotedList = (ids: readonly string[]) => ids.map((id) => `“${id}”`).join('、');

function unsafeUrlText({ url, scheme }: UnsafeUrl): string {
  return `地址“${shortened(url, 60)}”使用 ${scheme}: 协议，可能运行脚本或加载门户无法控制的内容`;
}

function unsafeAttributeText(problem: UnsafeAttribute): string {
  switch (problem.rule) {
    case 'event-handler':
      return `事件处理属性 ${problem.attribute} 会运行脚本`;
    case 'attribute':
      return `交接包中不允许使用属性 ${problem.attribute}`;
    case 'style':
      return 'style 属性会加载 URL 或执行表达式';
    case 'scheme':
      return unsafeUrlText(problem);
  }
}

const BAND_HINT = '请让每一档都恰好从上一档结束处开始（over 等于上一档的 upTo）。';

export const zhCNFindings: FindingTexts = {
  'yaml-syntax': {
    title: '文件无法按 YAML 读取',
    hint: '请在所示行修正语法；编辑器中的 YAML 检查工具能指出出错的具体字符。',
    message: (detail) => {
      switch (detail.reason) {
        case 'utf16':
          return '文件以 UTF-16 编码保存（每隔一个字节就是零）；请另存为 UTF-8';
        case 'not-utf8':
          return '文件不是有效的 UTF-8 文本；请另存为 UTF-8（它可能是以 GBK 或 Latin-1 编码保存的）';
        case 'carriage-returns':
          return '文件的行尾只有回车符（旧式 Mac 格式）；请以 LF 或 CRLF 换行符保存';
        case 'control-character': {
          const code = detail.codePoint.toString(16).toUpperCase().padStart(4, '0');
          return `该行含有不可见的控制字符 U+${code}${code === '0000' ? '（NUL）' : ''}；请删除它（它常常是从其他程序复制内容时带进来的）`;
        }
        case 'unclosed-quote':
          return `以 ${detail.quote} 开始的值没有闭合；请在本行补上闭合的 ${detail.quote}`;
        case 'over-indented':
          return '本行的缩进超出了上一行所允许的范围；请与它所属的字段对齐';
        case 'tab-indent':
          return '缩进使用了制表符（Tab）；YAML 只允许用空格缩进';
        case 'duplicate-key':
          return `${detail.key ? `字段“${detail.key}”` : '某个字段'}在同一条记录中出现了两次；请只保留一个`;
        case 'tag':
          return `不允许使用${detail.tag ? `标签 ${detail.tag}` : '标签'}：交接包只包含纯文本、数字、日期、列表和记录；请删除该标签`;
        case 'unresolved-alias':
          return `别名 *${detail.alias} 在它之前找不到锚点 &${detail.alias}；请直接写出值本身（值开头的 * 表示别名：请给该值加上引号）`;
        case 'alias-count':
          return '文件使用的别名（*name）过多，展开后的数据会大到不合理的程度；请直接写出各个值';
        case 'parser':
          // The YAML parser's own words; only where it stopped can be said in Chinese.
          return `YAML 无法解析（第 ${detail.column} 列）：${detail.problem}`;
      }
    },
  },
  'schema-invalid': {
    title: '字段缺失或类型不正确',
    hint: '请对照 README 中的格式说明（Authoring guide 一节）检查该文件。',
    message: (detail) => {
      switch (detail.reason) {
        case 'schema':
          // The schema's own words (English), written where the check found the field.
          return `字段不符合格式要求：${detail.problem}`;
        case 'unknown-field':
          return `未知字段${suggestZh(detail.field, detail.known)}`;
        case 'empty-file':
          return '文件是空的';
        case 'required-file-missing':
          return `缺少 ${detail.file}；每个交接包都必须有这个文件`;
        case 'handover-missing':
          return '缺少 handover.yaml；它写明交接包的名称、语言和订单类型';
        case 'not-a-list':
          return `此处应为记录列表（以“- ”开头的各行），实际是${describeValueZh(detail.got)}`;
        case 'empty-document':
          return '文件是空的；它需要一个写在两行 --- 之间的文件头（frontmatter）';
        case 'unclosed-frontmatter':
          return '第 1 行开始的文件头（frontmatter）没有结束；请在最后一个字段之后加一行 ---';
        case 'no-frontmatter':
          return '文件没有文件头（frontmatter）；请以一行 --- 开头，接着写各个字段，再以一行 --- 结束';
        case 'extension-case':
          return `此文件的扩展名不是小写，因此被忽略：请将其重命名为 ${detail.rename}`;
        case 'misplaced':
          return `此文件不属于交接包格式，已被忽略：${FOLDER_RULES[detail.folder]}`;
        case 'unknown-top-level':
          return `此文件不属于交接包格式，已被忽略：顶层文件只能是 ${[...detail.topLevel].join('、')}${suggestZh(detail.path, detail.topLevel)}`;
        case 'order-type-folder':
          return `orderType 的值“${detail.orderType}”与所在文件夹 procedures/${detail.folder}/ 不一致；请移动文件或更正该字段`;
        case 'variant-cycle':
          return `变体之间形成了循环（${detail.cycle.join(' → ')}）；请让其中一份作为基础作业规范，不写 basedOn`;
        case 'unaddressable-name':
          // The example rename is the English catalogue's, so both languages propose the same name.
          return `${ADDRESSED_NAMES[detail.what]}“${detail.name}”会成为页面地址的一部分，只能包含字母或汉字、数字、- 和 _；请重命名（例如“${detail.name.trim().replace(/[^\p{L}\p{N}_-]+/gu, '-')}”）`;
        case 'band-order':
          return `指标 ${detail.metric} 的${bandZh(detail.band, detail.unit)}排在${bandZh(detail.previous, detail.unit)}之后：各档须按数值从小到大排列`;
        case 'metric-unit': {
          const { metric, unit, usual, usedBy } = detail;
          return `指标“${metric}”在这里以 ${unit} 计量，但在${usedBy.file ? ` ${usedBy.file} ` : '本作业规范'}的第 ${usedBy.ladderIndex + 1} 个审批阶梯中以 ${usual} 计量：同一指标只能有一个单位；请改用 ${usual}，或为本审批阶梯另设一个指标`;
        }
        case 'nothing-to-embed':
          return detail.embed.kind === 'approvals'
            ? `${embedSyntax(detail.embed)}：${detail.file} 没有可显示的审批权限；请在其文件头（frontmatter）中加入 approvals 审批阶梯，或删除这一行`
            : `${embedSyntax(detail.embed)}：${detail.file} 没有可显示的流程图；请在其中加入 \`\`\`mermaid 代码块，或删除这一行`;
        case 'not-an-embed':
          return `“${detail.text}”不是培训课件的嵌入写法；请在单独一行写 {{approvals <procedure-id>}} 或 {{flow <procedure-id>}}`;
        case 'baseline-unreadable':
          // The folder or git reader's own words about the revision handover.yaml names.
          return `无法读取 handover.yaml 中 baseline 指定的基线版本：${detail.problem}`;
      }
    },
  },
  'duplicate-id': {
    title: '两条记录的 id 相同',
    hint: '请为每条记录设定唯一的 id；链接和导出都依赖 id 不重复。',
    message: (detail) => {
      if (detail.reason === 'letter-case') return `作业规范 id“${detail.id}”与“${detail.first}”只有大小写不同；两者的页面地址会相同`;
      const first = detail.first && (detail.first.line !== undefined ? `（首次出现在第 ${detail.first.line} 行）` : '（首次出现的行号不明）');
      return `${RECORD_NAMES[detail.what]}“${detail.id}”定义了两次${first || ''}`;
    },
  },
  'unknown-role': {
    title: '角色 id 未在 roles.yaml 中声明',
    hint: '请在 roles.yaml 中添加该角色，或使用其中已声明的 id。',
    message: ({ role, known }) => `角色“${role}”未在 roles.yaml 中声明${suggestZh(role, known)}`,
  },
  'unknown-order-type': {
    title: '订单类型未在 handover.yaml 中声明',
    hint: '请把它加入 handover.yaml 的 orderTypes，或使用已声明的 id。',
    message: ({ orderType, known }) => `订单类型“${orderType}”未在 handover.yaml 中声明${suggestZh(orderType, known)}`,
  },
  'unknown-procedure': {
    title: '引用的作业规范、培训课件或测试题不存在',
    hint: '作业规范的 id 为“<orderType>/<不含 .mdx 的文件名>”；请检查拼写。',
    message: (detail) => {
      switch (detail.kind) {
        case 'reference':
          return `作业规范“${detail.id}”不存在${suggestZh(detail.id, detail.known)}`;
        case 'learning-path-step':
          return `学习路径步骤“${detail.step}”：${TARGET_NAMES[detail.target]}“${detail.slug}”不存在${suggestZh(detail.slug, detail.known)}`;
        case 'self-based':
          return '作业规范不能以自身作为变体来源（basedOn 指向了它自己）';
        case 'deck-embed':
          return `${embedSyntax(detail.embed)}：作业规范“${detail.embed.procedureId}”不存在${suggestZh(detail.embed.procedureId, detail.known)}`;
        case 'internal-embed':
          return `${embedSyntax(detail.embed)}：作业规范“${detail.embed.procedureId}”是内部文档，公开门户不包含它；公开的培训课件不能嵌入它（请将课件标记为“audience: internal”，或删除这一行）`;
      }
    },
  },
  'approval-gap': {
    title: '审批阶梯中有部分数值无人审批',
    hint: BAND_HINT,
    message: ({ metric, unit, values }) => `指标 ${metric} ${whenZh(values, unit)}时没有审批人`,
  },
  'approval-overlap': {
    title: '审批阶梯中有部分数值有两个审批人',
    hint: BAND_HINT,
    message: ({ metric, unit, values, approvers: [earlier, later] }) =>
      `指标 ${metric} ${whenZh(values, unit)}时同时落在两个档内（${earlier === later ? `两档均由 ${later} 审批` : `分别由 ${earlier} 和 ${later} 审批`}）`,
  },
  'approval-open-top': {
    title: '审批阶梯没有覆盖最高数值的档',
    hint: '请以一个写 over、不写 upTo 的档结束审批阶梯。',
    message: ({ metric, unit, over }) => `指标 ${metric} 超过 ${amount(over, unit)} 时没有审批人：请以一个写 over、不写 upTo 的档结束审批阶梯`,
  },
  'mermaid-invalid': {
    title: 'Mermaid 流程图无法解析',
    hint: '请把该图粘贴到 Mermaid 编辑器中查看具体错误。',
    message: (detail) => {
      const where = detail.near ? `（在“${shortened(detail.near, 60)}”附近）` : '';
      // Mermaid's own words, or the parser's tokens: neither can be put into Chinese.
      if (detail.reason === 'parser') return `流程图无法解析${where}：${detail.problem ?? '未知错误'}`;
      const shown = detail.expected.slice(0, 5).join('、') + (detail.expected.length > 5 ? ' 等' : '');
      const expected = detail.expected.length === 0 ? '' : `此处应为 ${shown}${detail.expected.length > 1 ? ' 之一' : ''}，`;
      const got = detail.got === undefined ? '未知内容' : detail.got === 'EOF' ? '图的结尾' : ` ${detail.got}`;
      return `流程图无法解析${where}：${expected}实际为${got}`;
    },
  },
  'quiz-invalid-answer': {
    title: '测试题答案指向不存在的选项',
    hint: '答案是题目选项的序号，从 0 开始计数。',
    // The schema's own words about the answer.
    message: ({ problem }) => `测试题答案有误：${problem}`,
  },
  'customization-missing-requirement': {
    title: '客户化开发缺少 requirement.mdx',
    hint: '每个 customizations/<ID>/ 文件夹都需要 requirement.mdx（需求说明）。',
    message: ({ customization }) => `客户化开发“${customization}”缺少 requirement.mdx（需求说明）`,
  },
  'customization-missing-implementation': {
    title: '客户化开发缺少 implementation.mdx',
    hint: '每个 customizations/<ID>/ 文件夹都需要 implementation.mdx（实施说明）。',
    message: ({ customization }) => `客户化开发“${customization}”缺少 implementation.mdx（实施说明）`,
  },
  'broken-link': {
    title: '链接指向不存在的页面',
    hint: '链接作业规范时请写成 /procedures/<orderType>/<slug>/。',
    message: (detail) => {
      switch (detail.reason) {
        case 'no-page':
          return `链接“${detail.url}”指向 ${detail.page}，该页面不存在`;
        case 'internal-page':
          return `链接“${detail.url}”指向 ${detail.page}，该页面是内部页面，公开门户不包含它`;
        case 'no-anchor':
          return `链接“${detail.url}”：${detail.page} 中没有锚点为“#${detail.anchor}”的标题`;
      }
    },
  },
  'mdx-syntax': {
    title: '文档正文无法按 MDX 读取',
    hint: '字面的 < 请写成 &lt;，字面的 { 请写成 {\'{\'}；每个 HTML 标签都要闭合（<br />）；注释请写成 {/* comment */}。',
    // The MDX parser's own words.
    message: ({ problem }) => `正文不是有效的 MDX：${problem}`,
  },
  'mdx-code': {
    title: '文档正文含有代码（import、export 或 JavaScript 表达式）',
    hint: '交接包只是数据，从不运行代码：字面的大括号请写成 {\'{\'}；门户的组件无需 import。',
    message: (detail) => {
      switch (detail.reason) {
        case 'import-export':
          return `import 或 export 行会在生成门户时运行代码：“${detail.code.split('\n')[0]}”`;
        case 'expression':
          return `{${detail.code.trim()}} 是 JavaScript 表达式，交接包中不允许出现`;
        case 'attribute':
          return `<${detail.element}> 的属性 ${detail.attribute ?? '{...}'} 是 JavaScript 表达式；请写成带引号的值`;
      }
    },
  },
  'unsafe-html': {
    title: '可能运行脚本或加载外部内容的原始 HTML',
    hint: '请只使用普通的格式元素、src 为 http(s) 或相对路径的 <img>，以及指向 http(s)、mailto 或门户内页面的链接（见 README 的 Security 一节）。',
    message: (detail) => {
      switch (detail.reason) {
        case 'element':
          return `交接包中不允许使用 <${detail.element}> 元素`;
        case 'attribute':
          return `<${detail.element}>：${unsafeAttributeText(detail.problem)}`;
        case 'link':
          return `链接：${unsafeUrlText(detail.problem)}`;
        case 'image':
          return `图片：${unsafeUrlText(detail.problem)}`;
      }
    },
  },
  'deck-invalid': {
    title: '培训课件无法准备或渲染',
    hint: '请检查所示行处课件的文件头（frontmatter）和 Marp 指令。',
    // Marp's own words.
    message: ({ problem }) => `Marp 无法渲染该培训课件：${problem}`,
  },
  'missing-file': {
    title: '文档引用的文件不在交接包中',
    hint: '请把文件放到交接包中的该路径下，或更正路径（路径相对于文档所在位置）。',
    message: (detail) => `${namedPath(detail)}不是交接包中的文件（查找位置：${detail.lookedFor}）`,
  },
  'outside-package': {
    title: '路径指向交接包之外',
    hint: '请把文件复制到交接包中，并用包内的路径引用它；离开交接包的路径（..、绝对路径、符号链接）会被拒绝。',
    message: (detail) =>
      detail.reason === 'web-address'
        ? `“${detail.path}”是网络地址；培训课件只显示交接包中的文件，请把图片复制到交接包中`
        : `${namedPath(detail)}指向交接包之外`,
  },
  'approval-rank-inversion': {
    title: '较高的档由级别较低的角色审批',
    hint: '请检查审批阶梯：审批权限通常随数值升高而提高。',
    message: ({ metric, unit, values, approver, rank, below }) =>
      `指标 ${metric} ${whenZh(values, unit)}时由 ${approver}（级别 ${rank}）审批，级别反而低于审批更低数值（${rangeZh(below.values, unit)}）的 ${below.approver}（级别 ${below.rank}）`,
  },
  'approval-sod': {
    title: '申请的发起人可以自己审批',
    hint: '职责分离：请由其他角色审批。',
    message: (detail) =>
      detail.reason === 'band'
        ? `指标 ${detail.metric} ${whenZh(detail.values, detail.unit)}时由 ${detail.initiator} 审批，而发起申请的正是这个角色`
        : `指标 ${detail.metric} 的条件“${detail.when}”由 ${detail.initiator} 审批，而发起申请的正是这个角色`,
  },
  'missing-procedure': {
    title: '订单类型没有作业规范',
    hint: '请编写 procedures/<orderType>/<slug>.mdx，或删除该订单类型。',
    message: ({ orderType, name }) => `订单类型“${orderType}”（${name}）没有作业规范；请编写 procedures/${orderType}/<slug>.mdx`,
  },
  'missing-diagram': {
    title: '关键流程没有流程图',
    hint: '请加入 ```mermaid 代码块：关键流程的培训以流程图为依据。',
    message: () => '关键流程没有流程图；请加入 ```mermaid 代码块',
  },
  'customization-missing-tests': {
    title: '客户化开发没有测试记录',
    hint: '请添加 customizations/<ID>/tests.yaml，写入验收测试记录。',
    message: ({ customization }) => `客户化开发“${customization}”没有 tests.yaml`,
  },
  'test-failed': {
    title: '未通过的测试既没有使用限制也没有豁免',
    hint: '请记录使用限制或与业务部门商定的豁免。',
    message: ({ test, case: testCase }) => `测试 ${test}（“${testCase}”）未通过，且没有记录使用限制或豁免`,
  },
  'review-overdue': {
    title: '作业规范已过复审期限',
    hint: '请复审该作业规范，然后提高 version 并更新 reviewBy。',
    message: ({ due }) => `应于 ${formatDate(due)} 复审`,
  },
  'conflict-check-overdue': {
    title: '冲突的跟踪检查已逾期',
    hint: '请执行检查，并记录 done 和 finding。',
    message: ({ conflict, due }) => `冲突 ${conflict} 的跟踪检查应于 ${formatDate(due)} 完成，尚未完成`,
  },
  'masterdata-open-create': {
    title: '可创建某类主数据的角色过多，或包含级别最低的角色',
    hint: '请把创建权限交给负责人和至多几个指定角色；其他角色通过申请新建记录。',
    message: (detail) => {
      const who = detail.reason === 'too-many-roles' ? `有 ${detail.count} 个角色` : `级别最低的角色${quotedList(detail.roles)}`;
      return `${detail.entity}：${who}可以创建；创建权限放得这么宽，必然产生重复数据`;
    },
  },
  'masterdata-no-duplicate-check': {
    title: '负责人以外的角色创建主数据，却没有查重方法',
    hint: '请填写 duplicateCheck：新建记录前查询什么（名称、税号、付款条件等）。',
    message: ({ entity, owner }) => `${entity}：负责人“${owner}”以外的角色也可以创建，但没有 duplicateCheck 说明如何先查重`,
  },
  'placeholder-left': {
    title: 'handover new 写入的待替换文字仍未替换',
    hint: '请替换为实际内容，或将其删除。',
    message: (detail) => `“${detail.placeholder}”是 handover new 写入的待替换文字${detail.in === 'document' ? '；请写出实际内容' : ''}`,
  },
  'missing-steps': {
    title: '作业规范没有步骤列表',
    hint: '请在“## 步骤”标题下写编号列表（英文交接包写 ## Steps）。',
    message: () => '正文中没有“步骤”标题（英文为 Steps）下的编号列表；订单类型对比和差异面板都从这个列表读取步骤',
  },
  'unknown-currency': {
    title: '币种或审批阶梯的单位不是 ISO 币种代码',
    hint: '比例请写 %，金额请写三个字母的 ISO 4217 币种代码（EUR、USD、CNY）。',
    message: (detail) =>
      detail.reason === 'ladder-unit'
        ? `“${detail.unit}”既不是 %，也不是 EUR、CNY 这样的 ISO 币种代码`
        : `“${detail.currency}”不是 ISO 4217 币种代码；请写 EUR、USD 或 CNY 这样的代码`,
  },
  'duplicate-flow': {
    title: '作业规范含有多个流程图',
    hint: '每份作业规范只保留一个流程图：培训课件和订单类型对比只采用第一个；如果一份作业规范包含两个流程，请拆分。',
    message: () => '出现了第二个流程图：培训课件嵌入（{{flow}}）和订单类型对比只采用第一个；请合并两者，或拆分该作业规范',
  },
  'issue-open': {
    title: '问题没有归档的解决方案',
    hint: '请解决问题，然后把解决方案逐步写入 issues.yaml，并设置 status: resolved，以便下一位同事能够自行解决。',
    message: (detail) => (detail.reason === 'open' ? `问题 ${detail.issue} 尚未解决：“${detail.summary}”` : `问题 ${detail.issue} 已标为解决，但没有归档解决方案`),
  },
  'remote-image': {
    title: '文档显示来自网络的图片',
    hint: '请把图片复制到交接包中，并用包内的路径引用它：门户及其作业手册在没有网络的情况下生成。',
    message: ({ url }) => `“${url}”从网络加载：读者的浏览器每次都要从该网站获取它，离线打印的作业手册 PDF 中则没有这张图片`,
  },
  'internal-reference': {
    title: '公开文档引用了内部文档',
    hint: '公开门户会略去该引用；请把两者都设为公开，或接受公开读者看不到它。',
    message: (detail) =>
      detail.reason === 'procedure' ? `引用了内部作业规范“${detail.id}”，公开门户会略去它` : `步骤“${detail.step}”是内部内容，因此公开门户会把它从学习路径中略去`,
  },
  'deck-uncovered': {
    title: '没有培训课件覆盖关键流程',
    hint: '请把该作业规范加入某个培训课件的 covers。',
    message: () => '没有培训课件覆盖的关键流程；请把它加入某个培训课件的 covers',
  },
  'version-not-bumped': {
    title: '作业规范自基线以来已修改，但版本未变',
    hint: '请提高 version，并添加一条 revisions 记录说明修改内容，使签署过的每个版本都只对应一份文本。',
    message: ({ frontmatter, body, version }) => {
      const parts = [frontmatter && '文件头（frontmatter）', body && '正文'].filter(Boolean).join('和');
      return `自基线以来${parts}已修改，但版本仍为“${version}”`;
    },
  },
};
