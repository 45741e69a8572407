# gongwen 的中文消息。每条消息在 en.ftl 中有对应的英文（tests/i18n.rs 检查两份目录的消息一一对应、代码都用到）。
# 占位符写作 { $name }。键名、路径和起草人写的文字原样放入。

summary-problems = { $count } 处问题

## cli

# 命令行的帮助（src/cli/help.rs 按命令和选项生成这些 id；tests/help_zh.rs 检查每条都有文字）。
cli-about = 起草、编号、排版和比对公文
cli-arg-lang = 提示和帮助的语言：`zh`（中文）或 `en`（英文）；不写时按系统语言（`LANG`），否则用英文
cli-arg-help = 显示帮助
cli-arg-version = 显示版本
cli-help-about = 显示本帮助，或某个命令的帮助
cli-help-arg-command = 要看帮助的命令
cli-arg-paths = 草稿、文件的文件夹，或存放多份文件的文件夹［不写时为 `drafts/`］
cli-arg-out = 输出到哪个文件夹；`drafts/` 下的文件夹结构在这里照样建立
cli-arg-format = 输出哪些格式，用逗号分隔
cli-arg-templates = 自定义模板所在的文件夹［不写时，有 `templates/` 就用它］
cli-arg-font-dirs = 草稿在 `fonts:` 下指定的字体所在的文件夹（先于系统字体查找）；可写多次
cli-arg-allow-missing-glyphs = 遇到所有字体都没有的字时，印成空框并给出提醒，而不是报错停止
cli-build-about = 把草稿排成 Markdown、HTML、PDF 和 Word（.docx）文件，放在 `output/` 下
cli-check-about = 检查草稿，逐条指出问题所在的文件、行和列
cli-diff-about = 比对两稿，列出改动（退出码 0 表示相同，1 表示有改动，2 表示出错）
cli-diff-arg-old = 修改前的草稿（文件或文件夹）
cli-diff-arg-new = 修改后的草稿（文件或文件夹）
cli-diff-arg-format = `term`：在终端中按字标出改动；`json`：供其他程序读取；`md`：按 `CriticMarkup` 标出改动的 Markdown；`html`：带修改对照表的修订页面；`pdf`：PDF 修订稿；`decision`：修改决定；`docx`：带 Word 修订痕迹的新稿
cli-diff-arg-out = 写入这个文件，而不是显示在终端里
cli-diff-arg-show-whitespace = 只改了空格、换行的地方也列出来
cli-diff-arg-side-by-side = 用于 `html` 和 `pdf`：按文中顺序列出改动部分的新旧对照表（修改前 | 修改后），代替标出改动的全文；用于 `docx`：在修订稿后附上此表
cli-diff-arg-unchanged = 与 --side-by-side 同用：未改动的部分也列出，右栏写“同左”
cli-diff-arg-author = 用于 `docx`：Word 中每处修订显示的修订人［不写时为新稿的发文机关，没有则为 gongwen］
cli-diff-arg-color = 终端中是否用颜色标出改动
cli-import-about = 把纯文本、Markdown 或 Word 文件转成 YAML 草稿
cli-import-arg-input = 要转换的文本（.txt）、Markdown（.md）或 Word（.docx）文件；文本文件可用 UTF-8 或 GB18030 编码
cli-import-arg-out = 写到哪里：一个 .yaml 文件，或一个文件夹（draft.yaml 加上每个一级部分一个文件）［不写时为 `drafts/<原文件名>/v1.yaml`］
cli-import-arg-style = 按哪种编号方式读原文
cli-import-arg-force = 覆盖 --out 处已有的草稿（只限草稿：一个 .yaml 文件，或存放草稿 YAML 文件的文件夹）
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
cli-comments-import-about = 把意见反馈表（.csv 或 .xlsx，列为序号、单位、条款、意见内容、处理情况、理由……）中的意见加入草稿的意见文件 <草稿>.comments.yaml；已有的行不重复加入
cli-comments-import-arg-table = 意见反馈表：Excel 工作簿（.xlsx，读 Excel 显示的第一个工作表）或 CSV 文件（UTF-8、GB18030 或 UTF-16 编码；用逗号、Tab 或分号分隔）
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
args-commands-heading = 命令
args-command-value = 命令
args-options-heading = 选项
args-arguments-heading = 参数
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
