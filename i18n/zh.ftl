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
