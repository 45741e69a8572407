# gongwen 的中文消息。每条消息在 en.ftl 中有对应的英文（tests/i18n.rs 检查两份目录的消息一一对应、代码都用到）。
# 占位符写作 { $name }。键名、路径和起草人写的文字原样放入。

summary-problems = { $count } 处问题

## preview

# 预览（gongwen serve）自己的页面：顶栏、文稿列表、各视图。
preview-all-drafts = 全部文稿
preview-tab-html = 文稿
preview-tab-paged = 版面
preview-tab-split = 对照
preview-tab-redline = 修改
preview-noscript = （页面不会自动更新：改动后请刷新。）
preview-index-title = gongwen 预览
preview-index-bar = gongwen 预览 · 全部文稿
preview-index-none = 没有找到文稿（扩展名为 `.yaml` 的草稿文件，或含 draft.yaml 的文件夹）。
preview-index-draft = 文稿
preview-index-heading-title = 标题
preview-index-views = 查看
preview-index-problems = 有 { $count } 处问题
preview-paged-title = { $title } · 版面
preview-split-title = { $title } · 对照
preview-sheet = 第 { $page } 页（页码 { $printed }）
preview-sheet-of = 第 { $page } 页（页码 { $printed }）· 共 { $count } 页
preview-sheet-alt = 第 { $page } 页
preview-paged-more = 其余各页正在排版，排好后本页自动接上。
preview-problems-fix = 请改正草稿后保存，本页会自动更新。
# 在视图位置显示的问题页的标题。
preview-template-problems = 模板有问题
preview-html-template-problems = HTML 模板有问题
preview-redline-template-problems = 修改对照表的模板有问题
preview-layout-problems = 排版出了问题，排不出版面
preview-draft-problems = { $path } 有 { $count } 处问题
preview-previous-problems = 上一稿 { $path } 有 { $count } 处问题
preview-comments-problems = 上一稿的意见文件有问题，修改对照表中未列出答复的意见
# 预览无法回答的请求：浏览器显示的页面。
preview-first-draft = { $key } 是该文件的第一稿，没有上一稿可比较
preview-no-layout = { $key } 有问题，排不出版面
preview-no-page = { $key } 没有第 { $page } 页
preview-no-pdf = { $key } 有问题，生成不了 PDF
preview-unknown-draft = 没有名为 { $key } 的文稿
preview-too-many-connections = 同时打开的连接太多，请稍后再试
preview-too-many-listeners = 同时打开的预览页太多，请关掉一些再试
preview-read-only = 预览只读：只接受 `GET` 和 `HEAD` 请求
preview-url-too-long = 地址太长
preview-headers-too-large = 请求头太大
preview-too-many-headers = 请求头太多
preview-head-incomplete = 请求头不完整
preview-head-too-slow = 请求头迟迟未送完
preview-head-malformed = 请求格式不对：请求行或请求头里有控制字符，或有一行不是“名称: 值”
preview-http-version = 只接受 HTTP/1.1 和 HTTP/1.0 请求
preview-no-body = 预览的请求不带内容
preview-no-host = 请求缺少 `Host` 头
preview-two-hosts = 请求有两个 `Host` 头，不知道发给哪一个
preview-host-refused = 只回答发往 `localhost`、IP 地址或 --allow-host 所列名称的请求；要用这个名称访问，请以 `gongwen serve --allow-host 名称` 启动
preview-length-and-chunked = 请求同时有 `Content-Length` 和 `Transfer-Encoding`，长度不明
preview-length-not-number = `Content-Length` 不是一个非负整数
preview-lengths-differ = 请求有几个不同的 `Content-Length`
preview-address-no-slash = 地址须以 `/` 开头
preview-address-not-utf8 = 地址不是 UTF-8 编码
preview-address-bad-segment = 地址里不能有 `..`、空段、反斜杠或控制字符
preview-svg-address = 页的地址是 `/svg/<页>/<文稿>`
preview-pdf-address = PDF 的地址以 `.pdf` 结尾
preview-no-such-address = 没有这个地址
# 启动预览，以及 --allow-host。
preview-cannot-listen = 无法在 { $address } 上提供预览：{ $error }
preview-cannot-listen-help = 请用 --port 换一个端口，或用 --port 0 让系统任选一个空闲端口
preview-host-is-address = { $given } 是一个网址：请只写名称（如 `drafts.lan`）
preview-host-is-ip = { $given } 是 IP 地址，IP 地址不需要 --allow-host：发往本机任一地址的请求本来就会回答。要让局域网里的电脑访问，请用 --host 0.0.0.0（或本机的地址）；--allow-host 用于 `drafts.lan` 这样的名称
preview-host-has-port = { $given } 带了端口：请只写名称（端口用 --port 指定）
preview-host-not-a-name = { $given } 不是主机名：主机名由字母、数字和连字符组成，各段之间用点隔开
preview-cannot-watch = 无法监视文件的改动：{ $error }
preview-cannot-watch-help = 请检查文件夹是否存在、是否可读；在 Linux 上，同时监视的文件夹很多时，可能要调高 `fs.inotify.max_user_watches`
# gongwen watch 每轮打印的一行，由以下各段依次组成。
preview-watch-nothing = 没有要生成的文稿，用时 { $ms } 毫秒
preview-watch-built-nothing = 未生成任何文稿，用时 { $ms } 毫秒
preview-watch-rebuilt-one = 已重新生成 { $key }，用时 { $ms } 毫秒
preview-watch-rebuilt = 已重新生成 { $count } 份草稿，用时 { $ms } 毫秒
preview-watch-wrote = ：写出 { $files }
preview-watch-unchanged = （{ $count } 个文件内容未变）
preview-watch-removed = ：删除了 { $files }
preview-watch-also-removed = ；删除了 { $files }
preview-watch-kept = ；保留了 { $files }：它在 `gongwen watch` 写出后又被改过，虽然已没有草稿生成它（如不需要，请自行删除）
preview-watch-failed = ；{ $path } 有 { $count } 处问题，它的输出文件保持原样
preview-watch-list-separator = 、
preview-watch-and-more = { $files }，另有 { $count } 个文件
preview-watch-remove-failed-help = 已没有草稿生成这个输出文件；如果它是 gongwen 生成的，请手动删除
preview-watch-moved = 仍在的草稿有 { $count } 个输出文件现在写到了本文件夹下的别处，旧文件留在原处
preview-watch-moved-help = 输出路径的起点文件夹变了（是否在各文件的文件夹旁放入或移走了草稿文件？）；旧的输出文件如不需要，请手动删除
## lint

# 各条检查规则的说明（`gongwen lint --list`，以及每处问题的提示）。
lint-rule-half-width-punctuation = 中文里用全角标点 ，；：？！（），不用半角的 , ; : ? ! ( )（GB/T 15834《标点符号用法》）
lint-rule-half-width-quotes = 中文里用引号 “” 和 ‘’，不用半角的 " 和 '
lint-rule-unpaired-marks = 《》“”‘’（）【】〔〕要在同一段内成对出现，前后不能交叉
lint-rule-ellipsis = 省略号写作 ……（两个 `U+2026`），不写 ... 或 。。。
lint-rule-dash = 破折号写作 ——（两个 `U+2014`），不写 -- 或 ――；连接地点、时间用一字线 —（西宁—大通）
lint-rule-range-mark = 数值范围用浪纹线 ～ 连接（25～30），年份起止用一字线 — 连接（2021—2025年）
lint-rule-space-in-chinese = 汉字之间不留空格
lint-rule-doubled-punctuation = 标点连打了两个，只留一个（，， → ，）
lint-rule-end-punctuation = 同级各段都以标点结尾时，本段也要以标点结尾
lint-rule-typed-number = 序号由 gongwen 自动编排，手工输入的 一、（三）第五条 1. 会重复印出
lint-rule-date-leading-zero = 日期中的月、日不编虚位：写 2021年9月1日，不写 2021年09月01日（GB/T 9704 第7.3.5条）
lint-rule-mixed-dates = 一份草稿中的日期统一写作 2021年9月1日 的形式（GB/T 9704 第7.3.5条）
lint-rule-document-number = 发文字号中的年份用六角括号 〔〕 括入：东发改〔2021〕12号
lint-rule-missing-reference = 引用的条款要是草稿中有的
lint-rule-hand-typed-reference = 对有标识的部分，引用不要手工输入：写作 [[id]]，序号变动时引用会随之更新

# 检查发现的问题，指向出问题的文字。
lint-half-width = 中文里用了半角的 `{ $mark }`
lint-half-width-quote = 中文里用了半角引号 `{ $mark }`
lint-half-width-quote-odd = 半角的 `{ $mark }` 无法配对：这段文字中共有奇数个 `{ $mark }`
lint-ellipsis-typed = 用 `{ $typed }` 当省略号
lint-ellipsis-count = 省略号是两个 `…`（……）
lint-dash-typed = 用 `{ $typed }` 当破折号
lint-range-numbers = 数值范围用浪纹线 `～` 连接（GB/T 15834）
lint-year-span = 年份起止用一字线 `—` 连接（GB/T 15834）
lint-doubled = `{ $mark }` 连打了 { $count } 个
lint-space = 汉字之间有空格
lint-space-names = 汉字之间有空格（并列的人名、单位名之间用顿号 、 隔开）
lint-date-leading-zero = 日期的月或日编了虚位（前面多了一个 0）
lint-document-number = 发文字号中用了 `{ $mark }`：年份要用六角括号 〔〕 括入
lint-marks-cross = `{ $open }` 还没有用 `{ $own }` 收尾，就出现了 `{ $close }`：两对符号交叉了
lint-closes-nothing = `{ $close }` 没有配对：本段中它前面没有 `{ $open }`
lint-not-closed = `{ $open }` 没有收尾：本段中它后面没有 `{ $close }`
lint-typed-number = 手工输入了序号 `{ $typed }`，而 gongwen 会自动给这一部分编号
lint-typed-number-label = 手工输入了序号 `{ $typed }`，而 gongwen 会自动把这一部分编为 { $label }
lint-end-punctuation = 本段末尾没有标点，而同级其他 { $siblings } 段中有 { $closed } 段以标点结尾
lint-mixed-dates = 草稿别处的日期写作 2021年9月1日 的形式，这里却写作 `{ $date }`
lint-missing-reference = `{ $typed }` 引用的条款草稿中没有（草稿的条款到{ $last }为止）
lint-hand-typed-reference = `{ $typed }` 是手工输入的引用；该部分的标识是 `{ $id }`，写作 { $link } 后，条款增删、移动时序号会随之更新

# 每处问题的提示：规则的说明，以及 --fix 会怎样改。
lint-help-fix-deletes = { $explanation }；用 --fix 可自动删去
lint-help-fix-writes = { $explanation }；用 --fix 可自动改为 `{ $fix }`

# `lint:` 设置中写了不存在的规则。
lint-not-a-rule = `{ $rule }` 不是起草检查规则
lint-not-a-rule-near = 是否想写 `{ $near }`？运行 `gongwen lint --list` 可查看全部规则
lint-not-a-rule-list = 运行 `gongwen lint --list` 可查看全部规则

# 一稿的检查结果，一行。
lint-summary-none = { $path }：未发现问题
lint-summary = { $path }：发现 { $count } 处问题（其中 { $fixable } 处可用 --fix 自动修正）：{ $counts }

# `gongwen lint` 自己输出的行。
lint-cli-not-a-rule = 错误：`{ $rule }` 不是起草检查规则；运行 `gongwen lint --list` 可查看全部规则
lint-failed-load = 失败    { $path }（草稿无法读入）
lint-failed-unwritten = 失败    { $path }（修正未能写入）
lint-fix-skipped = 警告：{ $place }：这段文字的修正没有写入，因为写入后它周围的 YAML 会被读成别的意思（请给这段文字加上引号，再运行一次 --fix）
lint-dry-run = { $summary }（试运行：没有写入任何文件）
lint-fixed = 已修正  { $path }
lint-error = 错误：{ $error }
lint-clean = 无问题  { $path }
lint-findings = 检查    { $summary }

# 草稿为什么没有保存（导入、--out）。
save-exists = `{ $path }` 已经存在；如要替换这一稿，请加 --force；如要另存，请用 --out 指定别的位置
save-not-a-draft = 不会替换 `{ $path }`：{ $why }。--force 只替换一稿草稿（一个 `.yaml` 文件，或装有 draft.yaml 及其部分文件的文件夹），不替换别的文件夹；请用 --out 另给一个新名称，或指定要替换的那一稿
save-why-symlink = 它是一个符号链接
save-why-not-folder = 它不是文件夹
save-why-must-stay = 它本身是或其中装有 `{ $path }`，这个必须保留
save-why-no-draft-file = 其中没有 { $file }，所以不是草稿文件夹
save-why-foreign = 其中有不属于草稿的内容（{ $list }）
save-and-more = { $list } 等，另有 { $more } 项
save-part-of = 不会写入 `{ $path }`：它是草稿 `{ $draft }` 的{ $how ->
        [main] 主文件
       *[part] 部分文件
    }，在这里写入整稿草稿会破坏那一稿；如要替换那一稿，请用 --out { $draft } 并加 --force，或用 --out 另给一个名称
save-same-name = 不会写入 `{ $path }`：旁边已有同名的草稿 `{ $other }`，而 `build` 不接受两稿同名（如 `v1.yaml` 和 `v1/`）；请用 --out 另给一个名称，或用 --out { $other } --force 替换那一稿
save-too-large = `{ $path }` 作为一个文件太大，无法读入（{ $mb } MB，{ $lines } 行；一个草稿文件最多 { $max_mb } MB、{ $max_values } 个值）：{ $fix }
save-too-large-folder = 请把草稿写成文件夹（--out 给的路径不带 `.yaml`），每个顶层部分各写成一个文件
save-too-large-split = 这一个部分单独成一个文件也太大：请在导入前把文档拆开（分成几个一级标题，或分成两稿导入）
save-not-loaded-back = 写出的 YAML 无法再读入（这是 gongwen 的缺陷，请报告）：{ $problems }
save-loaded-differently = 写出的 YAML 读回后与原稿不同（这是 gongwen 的缺陷，请报告）
save-unwritable = gongwen 未能写出这一稿：{ $error }
## new
new-unknown-kind = 错误：没有 `{ $kind }` 这种文种。请在 --kind 后写下列文种之一（中文名或英文名均可）：{ $kinds }
new-exists = `{ $path }` 已经存在，`gongwen new` 不会覆盖任何文件或文件夹：请换一个名称，或先把原有的移走
new-cannot-write = 无法写入 `{ $path }`：{ $reason }
new-error = 错误：{ $error }
new-wrote = 已写出{ $kind }初稿 `{ $path }`
new-next = 下一步：把稿中的“……”和“××”换成实际内容，然后运行 `gongwen check { $path }` 检查，再运行 `gongwen build { $path }` 生成 PDF、Word、HTML 和 Markdown 文件
new-no-permission = 没有在这个文件夹写入的权限，请换一个自己的文件夹
new-read-only = 磁盘是只读的
new-disk-full = 磁盘已满
## load
diagnostic-error = 错误：{ $message }
diagnostic-warning = 警告：{ $message }
diagnostic-help = 处理办法：{ $help }
diagnostic-line-error = { $place }：错误：{ $message }
diagnostic-line-warning = { $place }：警告：{ $message }
diagnostic-line-help = { $line }（处理办法：{ $help }）
load-value-null = 空值（什么也没写）
load-value-bool = 是或否（`true`/`false`）
load-value-number = 数字
load-value-text = 文字
load-value-list = 列表
load-value-mapping = 键值对（“键: 值”）
load-list-separator = 、
load-key-not-word = 键应是一个词（如 `{ $example }`），这里写的却是{ $found }
load-key-not-word-help = 请把键写成一个词，后面加冒号，再写它的值
load-unknown-key = { $place ->
    [draft] 草稿
    [part] 这一部分
    [block] 内容中的这一项
    [fonts] 字体设置
    [comments-file] 意见文件
    [comment] 这条意见
    [settings] 设置文件
    [table] 表格
    [cell] 单元格
   *[attachment] 附件
}中有未知的键 `{ $key }`
load-unknown-key-help-near = 是否想写 `{ $near }`？{ $place ->
    [draft] 草稿
    [part] 部分
    [block] 内容中的表格或条目项
    [fonts] 字体设置
    [comments-file] 意见文件
    [comment] 一条意见
    [settings] 设置文件
    [table] 表格
    [cell] 单元格
   *[attachment] 附件
}可用的键有：{ $keys }
load-unknown-key-help = { $place ->
    [draft] 草稿
    [part] 部分
    [block] 内容中的表格或条目项
    [fonts] 字体设置
    [comments-file] 意见文件
    [comment] 一条意见
    [settings] 设置文件
    [table] 表格
    [cell] 单元格
   *[attachment] 附件
}可用的键有：{ $keys }
load-key-twice = `{ $key }` 和 `{ $first }` 是同一个键，在{ $place ->
    [draft] 草稿
    [part] 这一部分
    [block] 内容中的这一项
    [fonts] 字体设置
    [comments-file] 意见文件
    [comment] 这条意见
    [settings] 设置文件
    [table] 表格
    [cell] 单元格
   *[attachment] 附件
}中写了两次
load-key-twice-help = 请只保留其中一个（另一个在第{ $line }行第{ $column }列）：键可以写中文或英文，但不能两样都写
load-or = {" 或 "}
load-type-error = `{ $key }` 应是{ $expected }，这里写的却是{ $found }
load-draft-not-mapping = 草稿应由“键: 值”组成，如 `标题:`、`正文:`，这个文件写的却是{ $found }
load-draft-not-mapping-help = 请在文件第一行写 `标题: 文件的标题`
load-no-title = 草稿缺少标题
load-no-title-help = 请在文件开头加一行 `{ $key }: 文件的标题`
load-unknown-style = 未知的编号方式 `{ $name }`
load-unknown-style-help = 请写 { $chinese_numbered }；用英文键的草稿写 { $english }
load-expected-file-name = 文件名
load-expected-list = 列表
load-expected-paragraphs = 一段文字或几段文字的列表
load-expected-paragraphs-help = 请把段落写在 `{ $text }:` 之后；几段则每段一行，以“- ”开头
load-expected-parts-help = 请每个部分写一行，以“- ”开头
load-expected-short-name = 简短的名称
load-expected-short-name-help = 请写一个简短的名称，如 `住房保障`
load-empty-part = 这一部分是空的
load-empty-part-dash-help = 请给这一部分写 `{ $heading }:`、`{ $text }:` 或 `{ $parts }:`，或删去这一行“-”
load-empty-part-help = 请给这一部分写 `{ $heading }:`、`{ $text }:` 或 `{ $parts }:`，或删去这一部分
load-part-not-mapping = 一个部分应是一段文字，或由 `{ $heading }:`、`{ $text }:`、`{ $parts }:` 组成，这里写的却是{ $found }
load-include-not-here = `{ $include }` 只能用在草稿最外层的 `{ $parts }` 列表中
load-include-not-here-help = 请把所引文件的内容直接写在这里，或在草稿最外层的 `{ $parts }` 中引入该文件
load-division-empty = { $level }“{ $heading }”下没有条
load-division-empty-help = 请在 `{ $parts }:` 下写它的各条（或在 `{ $text }:` 下写它的文字）；如果这本是一条，请删去 `{ $heading }:`
load-kind-not-articles = `{ $kind }` 只用于条文式编号
load-kind-not-articles-help = 请删去 `{ $kind }:`，或在草稿开头写 `{ $style }: { $articles }`
load-unknown-kind = 未知的层级 `{ $name }`
load-unknown-kind-help = 请写 编、分编、章、节 之一
load-outline-too-deep = 大纲式编号只有四级（一、 （一） 1. （1）），这一部分却到了第五级
load-outline-too-deep-help = 请把这一部分上移一级，或把它写成上级 `{ $text }` 中的一段
load-division-below-section = 节内有标题的部分会成为节以下的一级，条文式中没有这一级
load-division-below-section-help = 条没有标题：请把这一条的文字写在 `{ $text }:` 下
load-level-inside = { $level }不能放在{ $parent }之内
load-level-inside-help = 请把它移到应在的一级，或改写它的 `{ $kind }`
load-kind-not-division = `{ $kind }` 只用于编、分编、章、节，且只能在这些层级之内
load-kind-not-division-help = 请删去 `{ $kind }:`
load-articles-too-deep = 条文式中条下有项 （一）、项下有目 1.，这一部分却又深了一级
load-articles-too-deep-help = 请把它写成上级 `{ $text }` 中的一段
load-article-heading = 条文式中的{ $level }没有标题
load-article-heading-help = 请把这段文字写在 `{ $text }:` 下
load-bad-id = `{ $id }` 不能用作标识
load-bad-id-help = 标识由字母、数字、`-` 和 `_` 组成（汉字也可以），不能有空格
load-duplicate-id = 标识 `{ $id }` 重复
load-duplicate-id-help = 同一草稿中的标识不能重复；`{ $id }` 已在 { $file } 第{ $line }行第{ $column }列用过，请改掉其中一个
load-expected-text-help = 请把文字写在冒号之后；如果只是一个数字，请加引号
load-bidi-control = `{ $key }` 中有看不见的文字方向控制符 { $code }，它会打乱前后文字显示的顺序
load-bidi-control-help = 请删去这个字符：读者看到的文字顺序会与所写的不同（它通常是从别的软件复制文字时带进来的）
load-control-character = `{ $key }` 中有看不见的控制字符 { $code }
load-control-character-help = 请删去这个字符（它通常是从别的软件复制文字时带进来的）
load-empty-text = `{ $key }` 是空的
load-empty-text-help = 请在冒号后写上文字，或删去这一行
load-expected-texts = 一段文字或几段文字的列表
load-expected-texts-help = 请每项写一行，以“- ”开头
load-date-help = 日期请写作 2021-09-01 或 2021年9月1日
load-bad-date = `{ $key }` 不是有效的日期：`{ $text }`
load-bad-date-help = 日期请写作 2021-09-01 或 2021年9月1日，且须是确实存在的日子
load-expected-flag = “是”或“否”
load-expected-flag-help = 请写 是 或 否（或 `true`、`false`）
load-expected-levels = 层级名称的列表
load-not-a-level = `{ $name }` 不是 `{ $style }` 编号方式中的层级
load-not-a-level-help = 可用的层级有：{ $levels }
load-expected-fonts = 按用途写的字体名称
load-expected-fonts-help = 例如写 `{ $fonts }:`，下一行缩进写 `{ $body }: 仿宋_GB2312`
load-expected-mapping = “键: 值”的形式
load-expected-settings-help = 请写 `lint:`，下面每行写一条规则，如 `  dash: off`
load-expected-lint = 每条规则一行，值为 `off`、`warning` 或 `error`
load-expected-lint-help = 请每行写一条规则，如 `  half-width-punctuation: off`
load-lint-rule-help = 请写规则的名称，如 `dash`
load-bad-lint-level = `{ $lint }: { $rule }` 的值应为 `off`、`warning` 或 `error`（或 关闭、警告、错误）
load-bad-lint-level-help = 写 `off` 即关闭这条规则，写 `error` 即把它的发现当作错误
load-link-bad-id = 标识只能由字母、数字、`-` 和 `_` 组成（汉字也可以）
load-link-bad-clause = `|` 后面请写第几款，如 款2（或 款二）
load-bad-reference = `{ $text }` 不是对某一部分的引用
load-bad-reference-help = { $why }：引用请写作 `[[标识]]` 或 `[[标识|款2]]`，标识即所引部分的 `{ $id }:`
load-reference-to-nothing = `{ $id }` 既无编号也无标题，引用它什么也印不出来
load-reference-to-nothing-help = 请引用有编号的部分，或给这一部分加上 `{ $heading }:`
load-clause-not-article = `{ $id }` 不是条：款只能是某一条中的一段
load-clause-not-article-help = 请去掉 `|款`，写作 `[[标识]]`；或引用那一条及其中的款
load-dangling-reference = 没有标识为 `{ $id }` 的部分
load-dangling-reference-help-near = 是否想写 `[[{ $near }]]`？引用按部分的 `{ $id }:` 找到所引部分
load-dangling-reference-help = 引用按部分的 `{ $id }:` 找到所引部分：请给所引部分写上这个标识，或改正引用
load-clause-missing = `{ $id }` 只有 { $count } 段，没有第 { $clause } 款
load-clause-missing-help = `款2` 指这一部分 `{ $text }:` 中的第2段，依此类推
load-table-bound-columns = 一个表格最多 { $most } 列（Word 和 WPS 所能容纳的）
load-table-bound-places = 一个表格最多 { $most } 格（行数乘列数，合并单元格所占的每一格都算）
load-table-header-row = 表头第{ $row }行
load-table-row = 第{ $row }行
load-table-empty = 表格中没有单元格
load-table-empty-help = 请在 `{ $rows }:` 下每行写一列单元格，或删去这个表格
load-table-row-width = 表格的{ $row }有 { $width } 列，而第一行有 { $expected } 列
load-table-row-width-help = 请让每一行的列数相同：补上缺的单元格（空单元格写作 ""），删去多出的，或检查上方、旁边合并单元格的 `{ $rows }:` 和 `{ $cols }:`
load-table-span-into-body = { $row }的这个单元格向下跨进了表身
load-table-span-into-body-help = 表头单元格只能跨表头的行：请减小它的 `{ $rows }:`
load-table-span-past-end = { $row }的这个单元格向下跨过了表格的最后一行
load-table-span-past-end-help = 请把它的 `{ $rows }:` 减到剩下的行数，或补上它所跨的行
load-table-span-overlap = { $row }的这个单元格向右跨进了上方向下跨行的单元格
load-table-span-overlap-help = 请减小它的 `{ $cols }:`，或减小上方单元格的 `{ $rows }:`
load-table-zero-span = 单元格至少占一行一列
load-table-zero-span-help = `{ $rows }:` 和 `{ $cols }:` 请写 1 或更大的数，或不写
load-table-widths-count = `{ $key }` 写了 { $given } 列，而表格有 { $columns } 列
load-table-widths-help = 请每列写一个相对宽度，如 [1, 6, 2]
load-table-too-wide = { $row }的这个单元格使这一行宽达 { $columns } 列；{ $bound }
load-table-too-wide-help = 请减小它的 `{ $cols }:`，或把表格拆成两个
load-table-too-large = 表格有 { $places } 格；{ $bound }
load-table-too-large-help = 请把表格拆成几个行数较少的表格，或减小其中合并单元格的 `{ $rows }:` 和 `{ $cols }:`
load-expected-numbers = 数字的列表
load-count-range = `{ $key }` 应是 1 到 10000 之间的整数，这里写的是 { $value }
load-count-span-help = 单元格至少占一行一列；只占一行或一列时不写这个键
load-count-width-help = 列的相对宽度是一个整数，如 2
load-expected-count = 从 1 起的整数
load-expected-count-help = 请写一个数字，如 2，不加引号
load-expected-table = 由表头和表行组成的表格
load-expected-table-help = 请在 `{ $rows }:` 下写表格的各行，每行一列单元格，如 `- [1, 任务, 牵头单位]`
load-table-no-rows = 表格缺少 `{ $rows }`
load-table-no-rows-help = 请加上 `{ $rows }:`，每行写一行表格，如 `- [1, 任务, 牵头单位]`
load-expected-rows = 各行的列表
load-expected-rows-help = 请每行表格写一行，写成单元格的列表，如 `- [1, 任务, 牵头单位]`
load-expected-row-cells = 各行的列表，每行又是单元格的列表
load-expected-row-cells-help = 请把这一行的单元格写在方括号中，如 `- [1, 任务, 牵头单位]`
load-cell-text-help = 请把单元格的文字写在冒号之后
load-cell-help = 请给单元格的文字加上引号；合并单元格写作 `{"{"}内容: 区教育局, 跨行: 2{"}"}`
load-expected-attachments = 附件名称或附件的列表
load-expected-attachments-help = 请每个附件写一行，以“- ”开头
load-expected-attachment = 写有标题和内容的附件
load-expected-attachment-help = 请写 `{ $title }:` 和 `{ $text }:`，或只写附件名称
load-attachment-no-title = 附件缺少标题
load-attachment-no-title-help = 请加上 `{ $title }:`，写附件的标题（即正文后附件说明中列出的名称）
load-attachment-no-text = 附件没有内容
load-attachment-no-text-help = 请在 `{ $text }:` 下写它的段落和表格，或在 `{ $parts }:` 下写它的各部分；只列名称的附件，请在一行中只写标题（`- 项目清单`），不写成“键: 值”
load-folder-without-draft = 草稿文件夹中应有 `{ $file }`，写标题和各部分的列表
load-check-path = 请检查路径是否写对
load-check-file = 请检查这个文件
load-comments-file-help = 意见文件名为 `草稿名.comments.yaml`，放在草稿旁边
load-file-empty = 文件是空的
load-utf16 = 文件是 UTF-16 编码，不是 UTF-8
load-utf16-help = 请另存为 UTF-8：在记事本中“另存为”，编码选 UTF-8；或用 `iconv -f UTF-16 -t UTF-8 old.yaml > new.yaml` 转换
load-not-utf8 = 文件不是 UTF-8 编码（字节 { $byte } 无法按 UTF-8 读出）
load-gbk = 文件不是 UTF-8 编码，看来是 GBK/GB18030 编码（旧版中文 Windows 的默认保存方式；UTF-8 读到字节 { $byte } 出错）
load-not-utf8-help = 请把文件另存为 UTF-8（编辑器的“按编码保存”），或用 `iconv -f GB18030 -t UTF-8 old.yaml > new.yaml` 转换
load-tab = 这一行用制表符（Tab）缩进
load-tab-help = YAML 只能用空格缩进：请把 Tab 换成空格（通常每级两个）
load-yaml-aliases = 文件中的别名（`*name`）把锚点（`&name`）重复展开成的值，多于一份草稿所能容纳的
load-yaml-aliases-help = 草稿用不着锚点（`&name`）和别名（`*name`）：请在每个用到的地方直接写出值
load-yaml-too-deep = 文件嵌套太深：列表和“键: 值”层层套叠，超过了草稿所需的层数
load-yaml-too-deep-help = 草稿一般嵌套二十来层，gongwen 最多读 { $most } 层：请把这里之前打开的括号（`[`、`{"{"}`）关上，或减少缩进
load-yaml-key-twice = 键 `{ $key }` 在这里写了第二次
load-yaml-a-key-twice = 有一个键在这里写了第二次
load-yaml-key-twice-help = 请只保留一个：每个键只写一次（两处的内容都要的话，合写在一处）
load-yaml-second-document = 这里的一行 `---` 在文件中另起了第二个 YAML 文档
load-yaml-second-document-help = 一份草稿只是一个文档：请删去 `---` 这一行，或把第二份草稿另存一个文件
load-yaml-too-many-values = 文件太大：其中的值多于 { $most } 个
load-yaml-too-much-text = 文件中的文字太多
load-yaml-documents = 文件中有不止一个 YAML 文档
load-yaml-binary = `!!binary` 把这个值标成 `base64` 编码的二进制数据，草稿中不会有这种内容
load-yaml-binary-help = 请删去 `!!binary` 标记，直接写文字
load-yaml-eof = 文件在一个值的中间就结束了
load-yaml-eof-help = 请把还没关上的引号或括号关上
load-yaml-syntax = YAML 格式有误（解析程序的原话：`{ $detail }`）
load-yaml-syntax-help = 请检查缩进（用空格，同一列表的各项缩进相同）、每个键后面是否有 `: `，以及含有 `: ` 或以引号、`[` 开头的文字是否加了引号
load-read-missing = 没有这个文件
load-read-folder = 这是一个文件夹，不是文件
load-read-not-regular = 这不是普通文件（而是管道、设备或套接字）
load-read-too-large = 文件有 { $size } MB，超过了草稿文件最多 { $most } MB 的限制
load-read-io = 无法读取：{ $why }
load-split-draft = 请把草稿拆成若干部分文件（建一个文件夹，其中的 draft.yaml 在 `parts:` 列表中用 `include:` 逐个引入各部分文件）；各项限制见说明文档
load-split-part = 请拆分这个部分文件：把其中一些部分移到另外的部分文件中，再从 draft.yaml 用 `include:` 引入；一个部分本身就这么大的，请拆分它的文字；各项限制见说明文档
load-split-other = 各项限制见说明文档
load-empty-draft-help = 草稿以 `标题: 文件的标题` 开头；完整的例子见用户手册
load-empty-part-file-help = 部分文件中写一个部分（`标题:` 和 `内容:`，或 `条目:`）；请写上内容，或删去引入这个文件的 `include:`
load-empty-comments-help = 请删去这个文件，或写上内容：意见文件以 `意见:` 开头，下面是各条意见的列表
load-include-within = 草稿只能引入它自己文件夹中的部分文件，按相对于该文件夹的路径写（01-总体要求.yaml、parts/02.yaml）
load-include-absolute = `{ $target }` 是绝对路径
load-include-not-yaml = `{ $target }` 不是 YAML 部分文件
load-include-not-yaml-help = `include:` 引入的部分文件名应以 `.yaml` 结尾
load-include-missing = 引入的文件 `{ $target }` 不存在
load-include-missing-help = 请新建 { $path }，或改正文件名（它相对于本文件所在的文件夹）
load-include-outside = `{ $target }` 在草稿文件夹之外
load-include-outside-link = `{ $target }` 在草稿文件夹之外（经由链接 { $link }，指向 { $leads }）
load-include-outside-help = { $within }；请把部分文件复制到草稿文件夹中，不要用链接
load-include-itself = `{ $target }` 引入了它自己
load-include-itself-help = 部分文件不能引入引入它的草稿
load-include-unread = 无法引入 `{ $target }`：{ $why }
load-comments-shape = 意见文件以 `意见:` 开头，下面是各条意见的列表，每条写 序号、提出单位、条款、意见内容、处理情况
load-comments-not-mapping = 意见文件应由“键: 值”组成
load-comments-no-list = 文件中没有 `意见:` 列表
load-expected-comments = 各条意见的列表（每条写 序号、提出单位、条款、意见内容、处理情况 ……）
load-expected-comments-help = 每条意见以 `- 序号: ` 开头，其余各键缩进写在它下面
load-comment-missing-key = 这条意见缺少 `{ $key }`
load-comment-no-id-help = 请给每条意见一个不重复的序号（1、2、3 …… 或 教育局-1）
load-comment-no-from-help = 请写明提出单位，如 区教育局；个人意见写 公众 或 个人，并写上姓名
load-comment-no-on-help = 请写明意见针对哪一部分：按本稿的编号写（第九条、二、（三）），或写部分的标识，针对全文写 全文
load-comment-no-text-help = 请照录收到的意见原文
load-comment-no-disposition-help = 请写 采纳、部分采纳、未采纳、已有规定 或 不涉及
load-comment-id-twice = 序号 `{ $id }` 用了两次（第一次在第{ $line }行）
load-comment-id-twice-help = 请给每条意见一个不重复的序号
load-comment-no-reason = 处理情况为“{ $disposition }”的意见须写 `{ $reason }`
load-comment-no-reason-help = 请写明未采纳或只部分采纳的理由：意见采纳情况表把它印在“理由及说明”栏
load-comment-on-empty = `{ $on }` 是空列表
load-comment-on-empty-help = 请至少写一个部分，或写 全文
load-bad-disposition = `{ $text }` 不是处理情况
load-bad-disposition-help = 请写 { $names } 之一
comments-unknown-target = 草稿中没有编号为“{ $target }”的部分
comments-unknown-target-help-near = 是否想写“{ $near }”？请按本稿的编号写所针对的部分（第九条、二、（三）），或写部分的标识，针对全文写 全文
comments-unknown-target-help = 请按本稿的编号写所针对的部分（第九条、二、（三）），或写部分的标识，针对全文写 全文
comments-ambiguous-target = 草稿中编号为“{ $target }”的部分有 { $count } 处
comments-ambiguous-target-help = 请连同上级编号写明是哪一处：{ $names }
comments-no-such-clause = { $target }只有 { $count } 款，没有第 { $clause } 款
comments-no-such-clause-help = 请写其中的一款，第一款至第{ $last }款
comments-no-such-attachment-help = 本稿{ $count ->
    [0] 没有全文附上的附件
    [one] 只有一个全文附上的附件：附件，其中表格各行写作 附件第1行 等
   *[other] 有 { $count } 个全文附上的附件：附件1 至 附件{ $count }，其中表格各行写作 附件1第1行 等
}
comments-no-such-row = { $target }：该附件的表格表头以下只有 { $count } 行
comments-no-such-row-help = 请写表头以下的第几行，从 1 数起（{ $attachment }第1行 是第一行）
comments-adopted-unchanged = 第 { $id } 条意见标为“{ $disposition }”，但{ $part }在 { $next } 中没有修改
comments-adopted-unchanged-help = 请在下一稿中修改这一部分，或改正处理情况
comments-list-end-unknown = gongwen 看不出这个文件中的意见列表在哪里结束
comments-list-end-unknown-help = 请把文件写成 `意见:` 下接各条意见、每条以 `- 序号:` 开头的形式，再导入一次
comments-id-clash = 第{ $row }行“{ $column }”列：序号 { $id } 已是 { $file } 中另一条意见的序号（第{ $line }行，{ $from }提出）
comments-id-clash-help-from = 请从 { $next } 起给这张表中的意见编序号（文件中的序号已到 { $last }），或清空它的“序号”列，由 gongwen 编号
comments-id-clash-help = 请给这张表中的意见用文件中没有用过的序号，或清空它的“序号”列，由 gongwen 编号
## cli

# 命令行的帮助（src/cli/help.rs 按命令和选项生成这些 id；tests/help_zh.rs 检查每条都有文字）。
cli-about = 起草、编号、排版和比对公文
cli-arg-lang = 提示和帮助的语言：`zh`（中文）或 `en`（英文）；不写时按系统语言（`LANG`），否则用英文
cli-arg-help = 显示帮助
cli-arg-version = 显示版本
cli-help-about = 显示本帮助，或某个命令的帮助
cli-help-arg-command = 要看帮助的命令
cli-arg-paths = 草稿、存放一份文件各稿的文件夹，或存放多份文件的文件夹［不写时为 `drafts/`］
cli-arg-out = 输出到哪个文件夹；`drafts/` 下的文件夹结构在这里照样建立
cli-arg-format = 输出哪些格式，用逗号分隔
cli-arg-templates = 自定义模板所在的文件夹［不写时，有 `templates/` 就用它］
cli-arg-font-dirs = 草稿在 `fonts:` 下指定的字体所在的文件夹（先于系统字体查找）；可写多次
cli-arg-allow-missing-glyphs = 遇到所有字体都没有的字时，印成空框并给出提醒，而不是报错停止
cli-build-about = 把草稿排成 Markdown、HTML、PDF 和 Word（`.docx`）文件，放在 `output/` 下
cli-check-about = 检查草稿，逐条指出问题所在的文件、行和列
cli-diff-about = 比对两稿，列出改动（退出码 0 表示相同，1 表示有改动，2 表示出错）
cli-diff-arg-old = 修改前的草稿（文件或文件夹）
cli-diff-arg-new = 修改后的草稿（文件或文件夹）
cli-diff-arg-format = `term`：在终端中按字标出改动；`json`：供其他程序读取；`md`：按 `CriticMarkup` 标出改动的 Markdown；`html`：带修改对照表的修订页面；`pdf`：PDF 修订稿；`decision`：修改决定；`docx`：带 Word 修订痕迹的新稿
cli-diff-arg-out = 写入这个文件，而不是显示在终端里
cli-diff-arg-show-whitespace = 只改了空格、换行的地方也列出来
cli-diff-arg-no-punctuation = 修改决定中不提只改标点的地方（默认在结尾用一句话列出改了标点的条文）
cli-diff-arg-side-by-side = 用于 `html` 和 `pdf`：按文中顺序列出改动部分的新旧对照表（修改前 | 修改后），代替标出改动的全文；用于 `docx`：在修订稿后附上此表
cli-diff-arg-unchanged = 与 --side-by-side 同用：未改动的部分也列出，右栏写“同左”
cli-diff-arg-author = 用于 `docx`：Word 中每处修订显示的修订人［不写时为新稿的发文机关，没有则为 gongwen］
cli-diff-arg-color = 终端中是否用颜色标出改动
cli-import-about = 把纯文本、Markdown 或 Word 文件转成 YAML 草稿
cli-import-arg-input = 要转换的文本（`.txt`）、Markdown（`.md`）或 Word（`.docx`）文件；文本文件可用 UTF-8 或 GB18030 编码
cli-import-arg-out = 写到哪里：一个 `.yaml` 文件，或一个文件夹（draft.yaml 加上每个一级部分一个文件）［不写时为 `drafts/<原文件名>/v1.yaml`］
cli-import-arg-style = 按哪种编号方式读原文
cli-import-arg-force = 覆盖 --out 处已有的草稿（只限草稿：一个 `.yaml` 文件，或存放草稿 YAML 文件的文件夹）
cli-import-arg-accept-changes = 用于 Word 文件：按接受全部修订后的文字读入
cli-import-arg-reject-changes = 用于 Word 文件：按拒绝全部修订后的文字读入
cli-import-arg-link-references = 把文中手写的本文条款引用（如“依照本法第十二条”）写成 [[id]] 引用，条款重新编号时引用随之更新
cli-import-arg-keys = YAML 草稿的键用英文（`title`、`parts`、`text`）还是中文（`标题`、`正文`、`内容`）
cli-lint-about = 查找录入差错（半角标点、书名号不成对、手打的序号……），并改正有把握的部分
cli-lint-arg-fix = 把有把握的改正写回草稿的 YAML（只改动出错的字符）；写之前先显示改动
cli-lint-arg-dry-run = 与 --fix 同用：只显示改动，不写入
cli-lint-arg-rules = 只查这一条规则（可写多次）；规则名见 `--list`
cli-lint-arg-list = 列出各条规则及其要求
cli-serve-about = 边改边在浏览器中预览草稿：网页、PDF 版面和修订稿，每次保存后即时更新
cli-serve-arg-port = 监听的端口；写 0 则任选一个空闲端口
cli-serve-arg-host = 监听的地址。默认的 127.0.0.1 只允许本机访问；换成其他地址，凡能连到这台机器的人都能看到草稿
cli-serve-arg-allow-hosts = 允许用来访问预览的主机名（可写多次）。不写时，只回应发给 `localhost` 或 IP 地址的请求，以免别处的网页借一个指向本机的名字读取草稿
cli-watch-about = 草稿一有改动就重新输出（便于在阅读器中开着 PDF 随时查看）
cli-comments-about = 草稿收到的意见
cli-comments-import-about = 把意见反馈表（`.csv` 或 `.xlsx`，列为序号、单位、条款、意见内容、处理情况、理由……）中的意见，或各单位在本稿 Word 文件上加的批注，加入草稿的意见文件 <草稿>.comments.yaml；已有的意见不重复加入
cli-comments-import-arg-table = 意见反馈表：Excel 工作簿（`.xlsx`，读 Excel 显示的第一个工作表）或 CSV 文件（UTF-8、GB18030 或 UTF-16 编码；用逗号、Tab 或分号分隔）；或各单位交回的、加了批注或修订的本稿 Word 文件（`.docx`，可一次导入多个，按正文顺序合并），每条批注对应到它所标的条款，处理情况记为“待处理”
cli-comments-import-arg-draft = 意见针对的草稿（文件或文件夹）
cli-schema-about = 显示草稿（或部分文件、附件、意见文件、设置文件）的 JSON 结构描述（`JSON Schema`），供编辑器检查 YAML；`build` 会把它们写到 `output/schema/`
cli-schema-arg-kind = 哪种文件的结构描述：`draft`（草稿）、`part`（草稿文件夹引入的部分文件）、`attachment`（附件文件）、`comments`（<草稿>.comments.yaml）、`settings`（.gongwen.yaml）
cli-schema-arg-out = 把全部结构描述文件写入这个文件夹（draft.schema.json……），而不是显示其中一个
# 选项所带的值在帮助中显示的名称。
cli-value-paths = 草稿
cli-value-out = 输出位置
cli-value-format = 格式
cli-value-templates = 模板文件夹
cli-value-font-dirs = 字体文件夹
cli-value-old = 修改前
cli-value-new = 修改后
cli-value-author = 修订人
cli-value-color = 颜色
cli-value-input = 原文件
cli-value-style = 编号方式
cli-value-keys = 键的语言
cli-value-id = 规则
cli-value-port = 端口
cli-value-host = 地址
cli-value-name = 主机名
cli-value-table = 意见反馈表
cli-value-draft = 草稿
cli-value-kind = 文件种类
cli-value-dir = 文件夹
cli-value-command = 命令
# 命令行解析器自己的用语，用中文说。
args-usage-heading = 用法：
args-commands-heading = 命令：
args-command-value = 命令
args-options-heading = 选项：
args-arguments-heading = 参数：
args-options-placeholder = [选项]
args-default = ［默认：{ $value }］
args-possible-values = ［可选：{ $values }］
# 命令行写错时的提示。
args-unknown-command = 错误：没有 `{ $name }` 这个命令。
args-unknown-option = 错误：没有 `{ $arg }` 这个选项。
args-value-missing = 错误：`{ $arg }` 后面缺少值，请补上。
args-value-invalid = 错误：`{ $arg }` 不能取 `{ $value }`。
args-value-extra = 错误：`{ $arg }` 多出了一个值 `{ $value }`，请去掉。
args-value-count = 错误：`{ $arg }` 所带的值个数不对。
args-no-equals = 错误：`{ $arg }` 的值要用等号写在后面，如 `{ $arg }=……`。
args-missing = 错误：缺少必须写的参数：{ $args }。
args-missing-command = 错误：`{ $name }` 后面要写明做什么（命令）。
args-repeated = 错误：`{ $arg }` 只能写一次。
args-conflict = 错误：`{ $arg }` 不能与 `{ $other }` 同时使用。
args-conflict-others = 错误：`{ $arg }` 不能与其他已写的选项同时使用。
args-not-utf8 = 错误：命令行中有无法识别的字符（不是 UTF-8 编码）。
args-did-you-mean = 是否想写 `{ $name }`？
args-possible-values-line = 可选的值：{ $values }
args-usage-line = 用法：{ $usage }
args-more-help = 想看各项说明，请在命令后加上 `--help`。
# 各命令运行时显示的进度。
run-wrote = 已写出  { $path }
run-ok = 通过    { $path }
run-failed = 未通过  { $path }（{ $problems }）
run-note = 提示：{ $note }
run-error = 错误：{ $error }
run-imported = 已导入 { $input } → { $out }：{ $report }
run-stdout-failed = 错误：无法输出到终端或文件：{ $error }
diff-side-by-side-format = 错误：--side-by-side 只用于 `html`、`pdf` 和 `docx` 修订稿；请加上 `--format html`、`--format pdf` 或 `--format docx`。
diff-author-format = 错误：--author 指定 Word 修订稿中的修订人；请加上 `--format docx`。
diff-pdf-to-terminal = 错误：PDF 无法显示在终端里；请用 `--out 文件名.pdf` 指定要写入的文件。
diff-docx-to-terminal = 错误：Word 文件无法显示在终端里；请用 `--out 文件名.docx` 指定要写入的文件。
comments-import-note = 提示：{ $file }：{ $note }
comments-import-columns-not-read = 提醒：{ $file }：以下列没有读入：{ $columns }
comments-imported = 已导入 { $table } → { $file }：新增 { $added } 条意见，{ $already } 条原已有
serve-open-to-all = 提醒：正在 { $host } 上监听，凡能连到这台机器的人都能看到草稿（用它的 IP 地址，或用 --allow-host 给出的名字）
serve-serving-at = 正在预览 { $drafts }，请在浏览器中打开 http://{ $address }/（按 `Ctrl-C` 停止）
serve-serving = 正在预览 { $drafts }
serve-changed-templates = 模板或字体
serve-changed-listing = 草稿清单
serve-changed = 已更新 { $what }（载入用时 { $ms } 毫秒）
watch-watching = 正在等待草稿改动（按 `Ctrl-C` 停止）
watch-settings-broken = 模板或字体有问题；输出的文件保持原样
# 查找命令所指的草稿。
discover-missing = 没有这个文件或文件夹
discover-missing-help = 请给出一份草稿（`.yaml` 文件，或含 draft.yaml 的文件夹）、存放一份文件各稿的文件夹，或存放多份文件的文件夹
discover-unreadable = 无法读取这个文件夹：{ $error }
discover-more-links = { $message }（另有 { $count } 个这样的链接：{ $links }）
discover-not-a-draft = 这不是草稿
discover-not-a-draft-help = 草稿是一个 `.yaml` 文件，或一个含 draft.yaml 的文件夹
discover-no-drafts = 没有找到草稿（草稿是一个 `.yaml` 文件，或一个含 draft.yaml 的文件夹）
discover-and = {" "}和{" "}
discover-same-output = { $drafts } 会写成同一组文件 { $output }.*
discover-same-output-help = 请给同一份文件的各稿起不同的名字（如 `v1.yaml` 和 `v2/`，不要 `v1.yaml` 和 `v1/`）
build-output-clash = { $one } 和 { $other } 会写成同一个文件 { $output }
build-output-clash-help = 请给其中一份草稿改名（名字像修订稿的草稿，如 v1-v2.redline.yaml，改名即可解决）
build-lint-findings = { $summary }；运行 `gongwen lint { $path }` 可逐条列出
# 草稿的意见文件。
comments-changed-without-comment = { $file }：{ $draft } 中有 { $count } 处改动没有对应的意见：{ $parts }
comments-too-many = 加上表中新增的 { $added } 条意见后，意见文件将有 { $total } 条，超过了一个意见文件最多 { $most } 条的限度
comments-too-large = 加上表中的意见后，意见文件将有 { $size } MB，超过了意见文件最大 { $most } MB 的限度
comments-table-help = 请检查表中是否只有对这份草稿提的意见
comments-cannot-append = 无法在这个文件最后一条意见之后加入新意见而不改变原有内容
comments-cannot-append-help = 请在文件最后一条意见末尾加一行不属于文字块的内容（如 `note: …`），再重新导入
comments-at-row-column = 第 { $row } 行“{ $column }”列：{ $message }
comments-at-row = 第 { $row } 行：{ $message }
# 写入和删除输出的文件。
write-not-a-file = 无法写入 { $path }：这里是{ $what }，gongwen 只替换普通文件；请删除它，或写到别处
write-link-to = 无法写入 { $path }：这是一个指向 { $target } 的符号链接，gongwen 从不经链接写入；请删除这个链接，或写到别处
write-link = 无法写入 { $path }：这是一个符号链接，gongwen 从不经链接写入；请删除这个链接，或写到别处
write-read-only = 无法写入 { $path }：这个文件是只读的，gongwen 不替换您设了保护的文件；请把它改为可写（`chmod u+w`），或删除它
write-outside-output = 无法写入 { $path }：这里有一个链接通向输出文件夹之外（{ $target }）；gongwen 只在给定的文件夹内写入，请删除这个链接
write-is-input = 不写入 { $path }：这是本命令要读的文件（草稿、草稿的部分文件或意见文件）；请给输出换一个文件名
write-leads-to-input = 不写入 { $path }：它通向 { $input }，那是本命令要读的文件（草稿、草稿的部分文件或意见文件）；请给输出换一个文件名
write-leads-out = 无法写入 { $path }：{ $what }；gongwen 不经通向工作文件夹之外的链接写入任何东西
write-io = 无法写入 { $path }：{ $error }
file-kind-link = 一个符号链接
file-kind-folder = 一个文件夹
file-kind-fifo = 一个命名管道
file-kind-device = 一个设备
file-kind-socket = 一个套接字
file-kind-other = 一个特殊文件，不是普通文件
remove-link-to = 没有删除 { $path }：这是一个指向 { $target } 的符号链接，gongwen 不经链接删除任何东西
remove-link = 没有删除 { $path }：这是一个符号链接，gongwen 不经链接删除任何东西
remove-outside-output = 没有删除 { $path }：路径上有一个文件夹是链接，通向输出文件夹之外（{ $target }），gongwen 不经链接删除任何东西
remove-not-a-file = 没有删除 { $path }：这里是{ $what }，不是 gongwen 写出的文件
remove-io = 无法删除 { $path }：{ $error }
remove-not-removed = 没有删除 { $path }
paths-link-leads-out = { $what }：gongwen 不经通向工作文件夹之外的链接读取任何东西
paths-outside = { $what }：gongwen 不读取工作文件夹之外的任何东西
paths-is-link-to = 这是一个链接，指向 { $folder } 之外的 { $target }
paths-link-to = { $link } 是一个链接，指向 { $folder } 之外的 { $target }
paths-is-outside = 这是 { $folder } 之外的 { $target }
paths-leads-out-help = 链接在复制或打包后依然有效，通向外面的链接可能让人看到这台电脑上的任何文件；如果这个文件应当放在这里，请把它复制到 { $folder } 中，不要用链接
# 字体、模板和输出文件本身的错误。
fonts-bundled-unreadable = 无法读取这个字体文件，它是每份 PDF 都要用的字体之一：{ $reason }
fonts-bundled-unreadable-help = 请把 `fonts/fandol` 文件夹完整放回（从 gongwen 的源代码中取，或重新安装 gongwen），或者把环境变量 `GONGWEN_FONTS` 设为存放五种 `Fandol` 字体的文件夹
fonts-unknown-family = 没有名为 `{ $family }` 的字体（`fonts.{ $role }`）
fonts-unknown-family-entry = 没有名为 `{ $family }` 的字体（`fonts.{ $list }` 第 { $entry } 项）
fonts-unknown-family-help = 请安装这种字体，或用 --font-dir 给出它所在的文件夹；现有的字体有：{ $known }
fonts-bundled-not-given = 没有找到每份 PDF 都要用的字体（{ $face } 等五种 `Fandol` 字体）：没有给出查找的文件夹
fonts-bundled-not-found = 没有找到每份 PDF 都要用的字体（{ $face } 等五种 `Fandol` 字体）：查找过 { $looked }
fonts-bundled-help = 请把 gongwen 源代码中的 `fonts/fandol` 文件夹复制到 { $folder }，或把环境变量 `GONGWEN_FONTS` 设为存放这些字体的文件夹；如果 gongwen 是安装包装的，请重新安装
fonts-missing-glyph = “{ $char }”（{ $code }），在{ $places }
fonts-missing-glyphs = 所设的字体中都没有这些字：{ $glyphs }
fonts-missing-glyphs-help = 请在草稿的 `fonts: fallback:` 下写一种有这些字的字体（例如 `fonts-noto-cjk` 软件包中的 `Noto Serif CJK SC`），用 --font-dir 给出它所在的文件夹；或者加上 --allow-missing-glyphs 输出，缺的字印成空框
fonts-dir-is-file = --font-dir 给的是一个文件，不是文件夹
fonts-dir-missing = --font-dir 给的文件夹不存在
fonts-dir-help = 请给出存放字体文件（`.otf`、`.ttf`、`.ttc`）的文件夹
template-leads-out-help = { $help }；或者删除它，改用内置模板
template-unreadable = 无法读取这个模板：{ $error }
template-unreadable-help = 模板必须是 UTF-8 编码的文本文件；删除它即改用内置模板
template-missing = 没有名为 `{ $name }` 的模板
template-error = 模板有错：{ $message }
template-error-help = 请改正这个模板，或删除这个自定义模板，改用内置模板；模板能用的字段见使用说明（`README`）
render-not-shown = `{ $format }` 格式不能输出{ $what }
render-not-shown-help = 草稿请用 `md`、`html`、`pdf` 或 `docx`；修订稿请用 `term`、`json`、`md`、`html`、`pdf` 或 `decision`
render-json-failed = 无法写出 JSON：{ $error }
fonts-not-a-font = 这不是 typst 能读取的字体文件
render-docx-failed = 无法打包 `.docx` 文件：{ $error }
pdf-view-failed = 无法整理排版所需的数据：{ $error }
pdf-fonts-failed = 无法整理字体设置：{ $error }
pdf-template-error = PDF 模板有错：{ $message }
pdf-template-error-help = 请改正这个模板，或删除 `templates/` 中的自定义模板，改用内置模板
render-view-draft = 草稿
render-view-comments = 意见表
# 操作系统拒绝的常见原因。
io-permission-denied = 没有权限（请检查这个文件或文件夹的权限，或换个位置）
io-not-found = 找不到这个文件或文件夹
io-storage-full = 磁盘已满，请腾出空间后再试
io-read-only-filesystem = 所在的磁盘是只读的
io-invalid-data = 内容不是 UTF-8 编码的文本
io-is-a-directory = 这是一个文件夹，不是文件
io-not-a-directory = 路径中有一段是文件，不是文件夹

## new (its help, as the cli section says each command's)
cli-new-about = 按文种（通知、实施方案、意见、办法）新建一份草稿，建好即可排版输出
cli-new-arg-path = 写到哪里：存放一份文件各稿的文件夹（第一稿为 `v1.yaml`），或一个以 `.yaml` 结尾的文件
cli-new-arg-kind = 文种：通知、实施方案、意见或办法
cli-new-arg-keys = 草稿的键用中文（`标题`、`正文`……）还是英文（`title`、`parts`……）；不论系统语言，默认用中文，因为草稿是中文公文
cli-value-path = 位置
## import

# gongwen import：导入文本、Markdown 和 Word 文件。
import-report = { $style ->
    [outline] 大纲式编号
   *[articles] 条文式编号
}，共 { $parts } 个部分{ $articles ->
    [0] {""}
   *[other] （其中 { $articles } 条）
}，{ $warnings } 条提示，删去 { $dropped } 行无关内容
import-report-decoded = ，原文为 { $encoding } 编码，已转换
import-report-word = ，读自 Word 文件（{ $numbered } 个段落由 Word 自动编号，已处理 { $changes } 处修订）
import-report-linked = ，{ $count } 处条文引用已改为按编号引用
import-cannot-read = 无法读取文件：{ $why }
import-cannot-read-help = 请导入文本文件、Markdown 文件或 Word 文件（.docx）；文件超出大小限制的，可拆成两份，分别导入为两份草稿
import-not-text = 这不是文本文件（其中有二进制数据）
import-not-text-help = 请导入文本文件（`.txt`）、Markdown 文件（`.md`）或 Word 文件（.docx）
import-no-text = 文件中没有文字
import-no-text-help = 请导入载有文件正文的文件
import-table-before-parts = 第一个部分之前的表格已按文字保留，每行表格成为一段
import-table-before-parts-help = 如需保留为表格，请在 YAML 草稿中把它移入某一部分的 `text:` 中
import-numbered-also = { $message }；gongwen 编为“{ $derived }”
import-numbered-differently = 原文将这一部分编为“{ $input }”，gongwen 编为“{ $derived }”（原文编号有跳号、重号或越级）
import-no-structure = 没有识别出层次结构（没有以 一、 （一） 或 `第X条` 开头的行）：全文已作为导语段落导入
import-no-structure-help = 请在原文中加上序号，或在 YAML 草稿中手工整理各部分
import-stray-space = 条的序号 `{ $label }条` 中有多余的空格
import-article-not-first = 原文从第{ $number }条开始，不是从第一条开始
import-article-repeats = 原文中第{ $number }条与上一条第{ $previous }条序号重复
import-article-out-of-order = 原文中第{ $number }条不接在第{ $previous }条之后
import-article-wrapped = 有一行以第{ $number }条开头，而此处应为第{ $next }条，其后的条文也不接着它编号：已作为上一段的续行读入（引用的条文折到了下一行）；如果它确是一条，请按顺序编号
import-level-skipped = 第 { $depth } 层用了 `{ $form }` 式序号，中间跳过了一层：按第 { $depth } 层编号
import-division-empty = `{ $name }` 下没有内容，已略去（一{ $level }至少要有一条或一段）
import-division-untitled = `{ $label }` 没有标题：已作为不编号的标题保留
import-number-without-text = 序号后面没有文字
import-table-on-line = 第 { $line } 行的表格
import-table-in-word = 文件中的一个表格
import-table-too-wide = { $table }连同合并单元格共 { $columns } 列；表格最多 { $max } 列（Word 和 WPS 的上限）
import-table-too-large = { $table }共 { $places } 格；表格最多 { $max } 格（行数乘列数，合并单元格按所占格数计）
import-table-unlaid = { $table }无法排布
import-table-nesting = { $table }的 HTML 嵌套了 { $depth } 层；gongwen 最多读取 { $max } 层
import-table-too-large-help = 请检查表格的合并单元格（`colspan` 和 `rowspan`，或 Word 中合并的单元格）：合并范围超出表格属于错误；表格确实这么大的，可拆成两个表格
import-table-nesting-help = 正常的表格不会嵌套这么深：文件已损坏，或是有意制作来耗尽内存的。请检查表格的 HTML，或从浏览器中复制表格文字

# Word 文件（.docx）。
import-docx-damaged-help = 请用 Word 或 WPS 打开文件，另存为 Word 文档（.docx），再导入另存的文件
import-docx-too-much-help = 正常的文件不会有这么多内容：文件已损坏，或是有意制作来耗尽内存的。如果能用 Word 或 WPS 打开，请另存为 Word 文档（.docx）或纯文本（`.txt`），再导入另存的文件
import-docx-not-word-help = 请导入保存为 .docx 的 Word 文档（Word 2007 及以后版本或 WPS 保存），或者文本文件、Markdown 文件
import-docx-encrypted = 这个 Word 文件已加密（打开需要密码）
import-docx-encrypted-help = 请用 Word 或 WPS 打开，取消密码（文件 → 信息 → 保护文档 → 用密码进行加密，清空密码），保存后再导入
import-docx-old-doc = 这是 Word 97–2003 格式的文档（`.doc`），不是 .docx
import-docx-old-doc-help = 请用 Word 或 WPS 打开，另存为 Word 文档（.docx），再导入 .docx 文件
import-docx-no-main = 文件包中没有关系表所指的正文部分 { $part }
import-docx-no-body = { $part } 中没有正文
import-docx-tracked-changes = 文件中有 { $count } 处修订：不清楚哪一稿才是要导入的草稿
import-docx-tracked-changes-help = 请先在 Word 中接受或拒绝修订，或在导入时加 --accept-changes（接受全部修订）或 --reject-changes（拒绝全部修订）
import-review-too-many-comments = 这个 Word 文件有 { $count } 条批注；gongwen 从一个文件中最多导入 { $max } 条
import-docx-too-much-text = 这个 Word 文件的文字超过 { $mb } MB，超出一份草稿的容量
import-docx-too-much-text-help = 文件超过这个大小的，可拆成两份，分别导入为两份草稿
import-docx-hidden-text = Word 中设为隐藏的文字未导入：{ $text }
import-docx-text-box = 文本框中的文字未导入，草稿中没有文本框（版头或印章常画在文本框里）：{ $text }
import-docx-note-kept = 第 { $number } 个{ $kind ->
    [footnote] 脚注
   *[endnote] 尾注
}已作为引用它的段落之后的一段保留，两处都标为［{ $mark }{ $number }］，因为草稿中没有{ $kind ->
    [footnote] 脚注
   *[endnote] 尾注
}：请移到合适位置或删除
import-docx-note-empty = 第 { $number } 个{ $kind ->
    [footnote] 脚注
   *[endnote] 尾注
}在文件中没有文字：只保留了标记［{ $mark }{ $number }］
import-docx-xml-depth = { $part } 的元素嵌套了 { $count } 层；gongwen 最多读取 { $max } 层（Word 自己保存的文件只嵌套几十层）
import-docx-xml-elements = { $part } 有 { $count } 个元素，连同文件的其他部分，超过了 gongwen 从一个 Word 文件中最多读取的 { $max } 个
import-docx-xml-attributes = { $part } 有 { $count } 个属性，连同文件的其他部分，超过了 gongwen 从一个 Word 文件中最多读取的 { $max } 个
import-docx-xml-namespaces = { $part } 声明了 { $count } 个命名空间，连同文件的其他部分，超过了 gongwen 从一个 Word 文件中最多读取的 { $max } 个
import-docx-xml-malformed = { $part } 格式不正确，无法解析（详情：`{ $error }`）
import-docx-span-cut = 表格第 { $row } 行有一个合并单元格跨 { $asked } 列，超过表格的 { $columns } 列：按延伸到最后一列读取
import-docx-nested-tables = 表格的单元格中还有 { $count } 个表格：已作为单元格中的文字读取，每行一段，各格之间用 ｜ 隔开
import-docx-kind-workbook = Excel 工作簿（.xlsx）
import-docx-kind-presentation = 演示文稿（`.pptx`）
import-docx-kind-other = 其他类型的文件，不是 Word 文档
import-docx-not-package = 这不是能读取的 .docx 文件包（详情：`{ $error }`）
import-docx-part-unreadable = 无法读取文件包中的 { $part }（详情：`{ $error }`）
import-docx-part-too-large = { $part } 解压后超过 { $mb } MB
import-docx-part-not-text = { $part } 不是 UTF-8 或 UTF-16 文本
import-docx-no-rels = 文件包中没有指明正文位置的 { $part }：这不是 Word 文档，或者文件已损坏
import-docx-rels-no-main = { $part } 中没有指明正文：这不是 Word 文档，或者文件已损坏
import-docx-no-types = 文件包中没有说明各部分类型的 { $part }：文件已损坏
import-docx-main-not-word = 按内容类型 `{ $kind }`，文件的主体部分（{ $part }）是{ $what }

# gongwen comments import：意见反馈表（.xlsx、.csv）。
import-feedback-encrypted = 这个工作簿设有密码（已加密），gongwen 无法读取
import-feedback-encrypted-help = 请用 Excel 或 WPS 打开，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码），保存后再导入
import-feedback-old-xls = 这是旧格式的 `.xls` 工作簿（Excel 97–2003 或 WPS 的 `.et`），gongwen 不能读取
import-feedback-old-xls-help = 请用 Excel 或 WPS 打开，另存为 .xlsx（Excel 工作簿），再导入另存的文件
import-feedback-column = { $header }（{ $column }列）
import-feedback-at-cell = 第{ $row }行，{ $column }：{ $message }
import-feedback-at-row = 第{ $row }行：{ $message }
import-feedback-uncalculated = 单元格 { $cell } 中的公式 Excel 还没有计算过，文件中没有它的值
import-feedback-uncalculated-help = 请用 Excel 或 WPS 打开文件，重新计算（按 `F9` 键），保存后再导入；或者直接在单元格中填写数值
import-feedback-cell-error = 单元格 { $cell } 显示 Excel 的错误值 { $error }：其中的公式无法计算
import-feedback-cell-error-help = 请改正公式，或者直接在单元格中填写数值
import-feedback-bidi = 单元格中有看不见的文字方向控制符 { $code }（`{ $name }`），会打乱前后文字的显示顺序
import-feedback-control = 单元格中有看不见的控制字符 { $code }
import-feedback-invisible-help = 请在表格中删去这个字符（它通常是从其他程序复制文字时带进来的），再重新导入
import-feedback-empty-cell = 单元格是空的：每条意见都要填写“{ $field }”
import-feedback-empty-cell-help = 请填写这一格，或删去这一行
import-feedback-no-header = 表格中没有 gongwen 认得的列标题
import-feedback-no-header-help = 标题行要写明各列：序号、单位、条款、意见内容、处理情况、理由（备注、日期可选）
import-feedback-too-much-text = 第{ $row }行：到这一行为止，意见的文字已超过 { $mb } MB，超出一个意见文件的容量
import-feedback-too-much-text-help = 请检查表格中是否只有收到的意见；表格确实这么大的，可分成几部分，分别导入各自的草稿
import-feedback-first-problems = 只列出了前 { $count } 个问题
import-feedback-first-problems-help = 请先改正这些问题，再重新导入，查看其余问题
import-feedback-no-comments = 表格中没有意见：标题行是第{ $row }行，下面没有内容
import-feedback-no-comments-read = 表格中没有意见：标题行是第{ $row }行，下面在 gongwen 读取的各列中没有内容
import-feedback-no-comments-help = 请确认这是收到的意见反馈表，意见填在第一个显示的工作表中、标题行之下的“意见内容”列
import-feedback-list-separator = 、
import-feedback-rows-passed-over = 以下各行在读取的各列中没有内容，未读取：第{ $rows }行
import-feedback-names-no-part = `{ $on }` 没有指明草稿的哪一部分
import-feedback-names-no-part-help = 请按草稿中的编号写明部分（如 第九条、二、（三）），针对全文的写“总体”
import-feedback-not-disposition = `{ $written }` 不是处理情况
import-feedback-not-disposition-help = 请填写 采纳、部分采纳、未采纳、已有规定 或 不涉及
import-feedback-needs-reason = 这条意见标为“{ $disposition }”，需要说明理由
import-feedback-needs-reason-column = 这条意见标为“{ $disposition }”，需要说明理由，但表格中没有“理由”列
import-feedback-needs-reason-help = 请说明未采纳（或部分采纳）的理由：意见采纳情况表把它列在“理由及说明”栏中
import-feedback-not-date = `{ $written }` 不是日期
import-feedback-not-date-help = 日期请写成 2021-09-01 或 2021年9月1日
import-feedback-id-twice = 序号 { $id } 重复使用（第一次在第{ $first }行）
import-feedback-id-twice-help = 请给每条意见一个不同的序号，或清空“序号”列，由 gongwen 编号
import-feedback-and = 和
import-feedback-columns-joined = { $columns } 这 { $count } 列都按“{ $field }”读取：各列文字按先后顺序合并
import-feedback-columns-clash = 第{ $row }行：{ $columns } 这 { $count } 列都是意见的“{ $field }”，gongwen 无法确定读哪一列
import-feedback-columns-clash-help = 请只保留一列：把其余列改名（比如改为“联系人”）使其不被读取，或者删去
import-feedback-column-missing = 第{ $row }行：表格中没有“{ $field }”列（现有的列标题：{ $headers }）
import-feedback-column-missing-help = 请在标题行写明各列：序号、单位、条款、意见内容、处理情况、理由
import-feedback-csv-unreadable = 第{ $row }行：表格读到这里无法继续（详情：`{ $error }`）
import-feedback-csv-unreadable-help = 请检查这一行的引号：单元格中有逗号或换行的，要用英文双引号括起来
import-feedback-csv-width = 第{ $row }行，{ $column }列：这一行有 { $cells } 格，而第一行有 { $expected } 格
import-feedback-csv-width-help = 请检查这一行的引号和分隔符：单元格中有逗号或换行的，要用英文双引号括起来
import-feedback-csv-too-many = 表格中有内容的单元格超过 { $max } 个；gongwen 最多读取 { $max } 个
import-feedback-csv-too-many-help = 意见反馈表不会这么大：请检查文件中是否只有意见表格
import-feedback-not-encoding = 这个文件标明是 { $encoding } 文本，实际却不是
import-feedback-not-encoding-help = 请将表格重新另存为 CSV UTF-8 或 Excel 工作簿（.xlsx）
import-feedback-not-table = 这不是 gongwen 能读取的表格：既不是 Excel 工作簿，也不是 UTF-8、UTF-16 或 GB18030 编码的文本
import-feedback-not-table-help = 请将表格另存为 Excel 工作簿（.xlsx）或 CSV UTF-8
import-feedback-save-again = 请用 Excel 或 WPS 打开，重新另存为 Excel 工作簿（.xlsx），或将工作表另存为 CSV（UTF-8）
import-feedback-copy-out = 意见反馈表不会这么大：请把意见复制（选择性粘贴 → 数值）到一个新工作簿中再导入，或将工作表另存为 CSV（UTF-8）
import-feedback-part-unreadable = 无法读取这个工作簿中的 { $part }（详情：`{ $error }`）
import-feedback-part-too-large = 这个工作簿中的 { $part } 解压后有 { $mb } MB，超过 gongwen 从工作簿的一个部分中最多读取的 { $max } MB
import-feedback-part-over = 这个工作簿中的 { $part } 解压后超过 gongwen 从工作簿的一个部分中最多读取的 { $max } MB
import-feedback-part-malformed = 无法读取这个工作簿中的 { $part }（在第 { $at } 字节处，详情：`{ $error }`）
import-feedback-cell-too-long = { $part } 的单元格 { $cell } 中的文字超过 { $max } 个字符，超出 Excel 一个单元格能容纳的长度
import-feedback-text-too-long = 这个工作簿的 { $part } 中有一段文字超过 { $max } 个字符，超出 Excel 一个单元格能容纳的长度
import-feedback-too-many-strings = 这个工作簿的 { $part } 中的文字条目超过 { $max } 个；gongwen 从一个工作表中最多读取 { $max } 个
import-feedback-too-many-merges = 这个工作簿的 { $part } 中的合并区域超过 { $max } 个；gongwen 从一个工作表中最多读取 { $max } 个
import-feedback-too-many-cells = 这个工作簿的 { $part } 中有内容的单元格超过 { $max } 个；gongwen 从一个工作表中最多读取 { $max } 个
import-feedback-missing-string = { $part } 的单元格 { $cell } 引用了工作簿中没有的文字
import-feedback-no-sheet-part = 这个工作簿中没有它列在第一位的工作表 { $part }
import-feedback-bad-reference = { $part } 提到了单元格 `{ $reference }`，Excel 中不可能有这个单元格（最后一个单元格是 { $last }）
import-feedback-not-package = 无法读取这个工作簿：它不是完整的 .xlsx 文件包（详情：`{ $error }`）
import-feedback-no-worksheet = 这个工作簿中没有工作表
import-feedback-all-hidden = 这个工作簿的工作表都已隐藏（{ $sheets }）
import-feedback-all-hidden-help = 请取消隐藏载有意见的工作表（右键单击工作表标签 → 取消隐藏），保存后再导入
import-feedback-sheet-hidden = { $sheet }（已隐藏）
import-feedback-sheet-chosen = 读取了工作表 { $sheet }，即 Excel 显示的第一个工作表；未读取：{ $others }
import-feedback-sheet-chosen-more = 读取了工作表 { $sheet }，即 Excel 显示的第一个工作表；未读取：{ $others }，另有 { $more } 个工作表
import-feedback-ods = 这是开放文档格式的电子表格（`.ods`），不是 Excel 工作簿
import-feedback-ods-help = 请用 WPS、LibreOffice 或 Excel 打开，另存为 .xlsx（Excel 工作簿），再导入另存的文件
import-feedback-xlsb = 这是 Excel 二进制工作簿（`.xlsb`），gongwen 不能读取
import-feedback-xlsb-help = 请用 Excel 打开，另存为 .xlsx（Excel 工作簿），再导入另存的文件
import-feedback-word = 这是 Word 文档，不是工作簿
import-feedback-word-help = 请导入意见反馈表本身：Excel 工作簿（.xlsx）或 CSV 文件
import-feedback-no-workbook = 这个文件包中没有 { $part }：它不是 Excel 工作簿

## comments from Word

cli-value-from = 单位
cli-value-units = 对照表
cli-comments-import-arg-from = Word 文件中批注的提出单位（如 区教育局）；不写则用 Word 记下的每条批注的作者
cli-comments-import-arg-units = Word 文件：Word 用户名与单位的对照表（YAML，每行如 `张三: 区教育局`），用于未给 --from 时确定提出单位；表中没有的批注人按 Word 记录的名字
review-units-not-a-mapping = 这个文件不是“Word 用户名: 单位”的对照表
review-units-not-a-unit = 每个 Word 用户名后要写一个单位（文字）
review-units-help = 每个 Word 用户写一行：Word 中显示的名字、冒号、单位，例如 `张三: 区教育局`
review-not-this-draft = 这个 Word 文件中本稿的段落不到一半，它不是本稿的文件
review-not-this-draft-help = 请导入由 --draft 所指草稿生成、加了批注后交回的 Word 文件，或在 --draft 中写明这个文件对应的草稿
review-paragraph-not-found = 第 { $number } 条批注：所标的段落（“{ $paragraph }”）在本稿中找不到，已记为针对全文的意见
review-unanchored = 有 { $count } 条批注在正文中找不到所标的位置（所标文字已被删去），Word 中不显示，未导入
## embed-fonts
cli-arg-embed-fonts = 用于 Word 文件（`.docx`）：把随附的 `Fandol` 字体（只含文中用到的字）嵌入文件，代替文件所用的仿宋、楷体、黑体、小标宋和宋体，供没有装这些字体的电脑阅读，如统信、麒麟等系统上的办公软件，否则正文会显示为黑体一类的无衬线字体。嵌入后文件会明显变大，所以默认不嵌入
render-docx-embed-failed = 无法把代替{ $face }的字体嵌入 `.docx` 文件（详情：`{ $error }`）
