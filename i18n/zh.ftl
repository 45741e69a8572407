# gongwen 的中文消息。每条消息在 en.ftl 中有对应的英文（tests/i18n.rs 检查两份目录的消息一一对应、代码都用到）。
# 占位符写作 { $name }。键名、路径和起草人写的文字原样放入。

summary-problems = { $count } 处问题

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
import-docx-xml-elements = { $part } 有 { $count } 个元素；gongwen 从一个 Word 文件中最多读取 { $max } 个
import-docx-xml-attributes = { $part } 有 { $count } 个属性；gongwen 从一个 Word 文件中最多读取 { $max } 个
import-docx-xml-namespaces = { $part } 声明了 { $count } 个命名空间；gongwen 从一个 Word 文件中最多读取 { $max } 个
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
