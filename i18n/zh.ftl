# gongwen 的中文消息。每条消息在 en.ftl 中有对应的英文（tests/i18n.rs 检查两份目录的消息一一对应、代码都用到）。
# 占位符写作 { $name }。键名、路径和起草人写的文字原样放入。

summary-problems = { $count } 处问题

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
