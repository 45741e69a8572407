# gongwen's messages in English. Each id has its Chinese twin in zh.ftl
# (tests/i18n.rs checks both hold the same ids, and that the code uses each).
# Placeholders: { $name }. Keys, paths and the author's text are placed as written.

summary-problems = { $count ->
    [one] { $count } problem
   *[other] { $count } problems
}

## import

# gongwen import: text, Markdown and Word files.
import-report = { $style } style, { $parts } parts ({ $articles } articles), { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
}, { $dropped } { $dropped ->
    [one] noise line
   *[other] noise lines
} dropped
import-report-decoded = , decoded from { $encoding }
import-report-word = , read from Word ({ $numbered } list numbers, { $changes } tracked changes)
import-report-linked = , { $count } references linked by id
import-cannot-read = cannot read the file: { $why }
import-cannot-read-help = import a text, Markdown or Word (.docx) file; a document larger than the limit can be split in two and imported as two drafts
import-not-text = this is not a text file (it holds binary data)
import-not-text-help = import a text (.txt), Markdown (.md) or Word (.docx) file
import-no-text = the file has no text
import-no-text-help = import a file that holds the document's text
import-table-before-parts = a table before the first part is kept as text, a paragraph per row
import-table-before-parts-help = move the table into a part's `text:` in the YAML to keep it a table
import-numbered-also = { $message }; gongwen numbers it { $derived }
import-numbered-differently = the input numbers this part { $input }, gongwen numbers it { $derived } (a gap, repeat or skipped level in the input)
import-no-structure = no structure recognised (no 一、 （一） or 第X条 lines): imported as preamble paragraphs
import-no-structure-help = add numbers to the text, or organise the parts in the YAML by hand
import-stray-space = stray space inside the article number `{ $label }条`
import-article-not-first = 第{ $number }条 does not follow the start in the input's numbering
import-article-repeats = 第{ $number }条 repeats 第{ $previous }条 in the input's numbering
import-article-out-of-order = 第{ $number }条 does not follow 第{ $previous }条 in the input's numbering
import-level-skipped = `{ $form }`-style number at outline level { $depth }: a level is skipped, so gongwen numbers it as level { $depth }
import-division-empty = `{ $name }` has nothing under it and is left out (a { $level } holds at least one article or paragraph)
import-division-untitled = `{ $label }` has no title: kept as a heading that takes no number
import-number-without-text = a number with no text after it
import-table-on-line = the table on line { $line }
import-table-in-word = a table
import-table-too-wide = { $table } is { $columns } columns wide, counting its merged cells; a table may have at most { $max } columns (what Word and WPS hold)
import-table-too-large = { $table } has { $places } places; a table may have at most { $max } places (its rows times its columns, a merged cell counted in each place it covers)
import-table-unlaid = { $table } cannot be laid out
import-table-nesting = { $table } nests its HTML { $depth } levels deep; gongwen reads at most { $max }
import-table-too-large-help = check the table's merged cells (colspan and rowspan, or Word's merged cells): a merge wider or longer than the table is a mistake; a table that large can be split in two
import-table-nesting-help = no table nests this deep: the file is damaged or made to exhaust memory. Check the table's HTML, or copy its text out of a browser

# Word files (.docx).
import-docx-damaged-help = open the file in Word or WPS and save it again as a Word Document (.docx), then import that file
import-docx-too-much-help = no document holds this much: the file is damaged or made to exhaust memory. If it opens in Word or WPS, save it again as a Word Document (.docx) or as text (.txt), and import that file
import-docx-not-word-help = import a Word document saved as .docx (Word 2007 or later, or WPS), or a text or Markdown file
import-docx-encrypted = this Word file is encrypted (it has a password to open)
import-docx-encrypted-help = open it in Word or WPS, remove the password (File → Info → Protect Document → Encrypt with Password, leave it empty), save, and import that file
import-docx-old-doc = this is a Word 97–2003 document (.doc), not a .docx
import-docx-old-doc-help = open it in Word or WPS and save it as a Word Document (.docx), then import the .docx
import-docx-no-main = the package has no { $part }, the document its relationships name
import-docx-no-body = { $part } has no body
import-docx-tracked-changes = the file has { $count } tracked changes: which text is the draft?
import-docx-tracked-changes-help = accept or reject them in Word first, or import with --accept-changes or --reject-changes
import-docx-too-much-text = the Word file holds more than { $mb } MB of text, more than a draft may hold
import-docx-too-much-text-help = a document larger than this can be split in two and imported as two drafts
import-docx-hidden-text = text formatted as hidden in Word is left out: { $text }
import-docx-text-box = a text box is left out, as a draft has no text boxes (a 版头 or a seal is often drawn in one): { $text }
import-docx-note-kept = { $kind } { $number } is kept as the paragraph after the one that refers to it, marked ［{ $mark }{ $number }］ in both, as a draft has no { $kind }s: move it or remove it
import-docx-note-empty = { $kind } { $number } has no text in the file: only its mark ［{ $mark }{ $number }］ is kept
import-docx-xml-depth = { $part } nests its XML { $count } levels deep; gongwen reads at most { $max } (Word's own files nest a few dozen)
import-docx-xml-elements = { $part } holds { $count } XML elements; gongwen reads at most { $max } in a Word file
import-docx-xml-attributes = { $part } holds { $count } XML attributes; gongwen reads at most { $max } in a Word file
import-docx-xml-namespaces = { $part } declares { $count } XML namespaces; gongwen reads at most { $max } in a Word file
import-docx-xml-malformed = { $part } is not well-formed XML: { $error }
import-docx-span-cut = a merged cell in row { $row } of a table spans { $asked } columns, more than the table's { $columns }: read as reaching its last column
import-docx-nested-tables = { $count } { $count ->
    [one] table
   *[other] tables
} inside the cells of a table: read as text in the cell, a line per row, its cells set apart by ｜
import-docx-kind-workbook = an Excel workbook (.xlsx)
import-docx-kind-presentation = a PowerPoint presentation (.pptx)
import-docx-kind-other = not a Word document
import-docx-not-package = this is not a readable .docx package: { $error }
import-docx-part-unreadable = cannot read { $part } in the package: { $error }
import-docx-part-too-large = { $part } unpacks to more than { $mb } MB
import-docx-part-not-text = { $part } is not UTF-8 or UTF-16 text
import-docx-no-rels = the package has no { $part }, which names the document in it: it is not a Word document, or it is damaged
import-docx-rels-no-main = { $part } names no main document: the package is not a Word document, or it is damaged
import-docx-no-types = the package has no { $part }, which says what each part is: it is damaged
import-docx-main-not-word = the file's main part ({ $part }) is { $what }, by its content type `{ $kind }`

# gongwen comments import: the 意见反馈表 (.xlsx, .csv).
import-feedback-encrypted = the workbook is password-protected (encrypted), so gongwen cannot read it
import-feedback-encrypted-help = open it in Excel or WPS, remove the password (File → Info → Protect Workbook → Encrypt with Password, leave it empty), save, and import that file
import-feedback-old-xls = this is an old-format .xls workbook (Excel 97–2003, or WPS .et), which gongwen does not read
import-feedback-old-xls-help = open it in Excel or WPS, save it as .xlsx (Excel Workbook), and import that file
import-feedback-column = { $header } ({ $column })
import-feedback-at-cell = row { $row }, column { $column }: { $message }
import-feedback-at-row = row { $row }: { $message }
import-feedback-uncalculated = cell { $cell } holds a formula Excel has not calculated, so the file keeps no value for it
import-feedback-uncalculated-help = open the file in Excel or WPS, let it calculate (F9), save, and import again; or type the value in the cell
import-feedback-cell-error = cell { $cell } shows Excel's error { $error }: its formula cannot be calculated
import-feedback-cell-error-help = correct the formula, or type the value in the cell
import-feedback-bidi = the cell holds the invisible bidirectional control { $code } ({ $name }), which changes the order in which the text around it is shown
import-feedback-control = the cell holds the invisible control character { $code }
import-feedback-invisible-help = delete it in the table (it usually comes from copying out of another program), and import again
import-feedback-empty-cell = the cell is empty: every comment needs its { $field }
import-feedback-empty-cell-help = fill the cell, or delete the row
import-feedback-no-header = no column header this table has is one gongwen knows
import-feedback-no-header-help = the header row must name the columns: 序号, 单位, 条款, 意见内容, 处理情况, 理由 (备注, 日期 optional)
import-feedback-too-much-text = row { $row }: the comments up to here come to more than { $mb } MB of text, more than one comments file may hold
import-feedback-too-much-text-help = check that the table holds only the comments received; a table this large can be imported in parts, each into a draft of its own
import-feedback-first-problems = only the first { $count } problems are shown
import-feedback-first-problems-help = correct these, and import again to see the rest
import-feedback-no-comments = the table holds no comments: its header is row { $row }, with nothing below it
import-feedback-no-comments-read = the table holds no comments: its header is row { $row }, with nothing below it in the columns gongwen reads
import-feedback-no-comments-help = check that this is the 意见反馈表 received, and that its comments are on its first visible sheet, under the header, in the 意见内容 column
import-feedback-list-separator = {", "}
import-feedback-rows-passed-over = { $count ->
    [one] row holds nothing in the columns read and was not read
   *[other] rows hold nothing in the columns read and were not read
}: { $rows }
import-feedback-names-no-part = `{ $on }` names no part
import-feedback-names-no-part-help = write the part as numbered in the draft (第九条, 二、（三）), or 总体 for the whole text
import-feedback-not-disposition = `{ $written }` is not a disposition
import-feedback-not-disposition-help = write 采纳, 部分采纳, 未采纳, 已有规定 or 不涉及
import-feedback-needs-reason = the comment is marked { $disposition }, which needs a reason
import-feedback-needs-reason-column = the comment is marked { $disposition }, which needs a reason, and the table has no 理由 column
import-feedback-needs-reason-help = say why it was not (or only partly) adopted: the 意见采纳情况表 prints it in 理由及说明
import-feedback-not-date = `{ $written }` is not a date
import-feedback-not-date-help = write the date as 2021-09-01 or 2021年9月1日
import-feedback-id-twice = 序号 { $id } is used a second time (first in row { $first })
import-feedback-id-twice-help = give every comment a 序号 of its own, or clear the 序号 column to have gongwen number the comments
import-feedback-and = {" and "}
import-feedback-columns-joined = the columns { $columns } are { $count ->
    [2] both
   *[other] all
} read as { $field }: their texts are joined, in that order
import-feedback-columns-clash = row { $row }: the columns { $columns } { $count ->
    [2] both
   *[other] all
} give the { $field } of a comment, and gongwen cannot tell which to read
import-feedback-columns-clash-help = keep one: rename the other (to 联系人, say) to leave it unread, or delete it
import-feedback-column-missing = row { $row }: the table has no { $field } column (its headers: { $headers })
import-feedback-column-missing-help = name the columns 序号, 单位, 条款, 意见内容, 处理情况, 理由 in the header row
import-feedback-csv-unreadable = row { $row }: the table cannot be read here: { $error }
import-feedback-csv-unreadable-help = check the quotes of this row: a cell holding a comma or a line break must be in double quotes
import-feedback-csv-width = row { $row }, column { $column }: this row has { $cells } cells where the first row has { $expected }
import-feedback-csv-width-help = check the quotes and separators of this row: a cell holding a comma or a line break must be in double quotes
import-feedback-csv-too-many = the table holds more than { $max } cells with something in them; gongwen reads at most { $max }
import-feedback-csv-too-many-help = a 意见反馈表 is far smaller: check that the file holds only the table of comments
import-feedback-not-encoding = this file says it is { $encoding } text, but it is not
import-feedback-not-encoding-help = save the table again as CSV UTF-8, or as an Excel workbook (.xlsx)
import-feedback-not-table = this is not a table gongwen can read: it is neither an Excel workbook nor text in UTF-8, UTF-16 or GB18030
import-feedback-not-table-help = save the table as an Excel workbook (.xlsx) or as CSV UTF-8
import-feedback-save-again = open it in Excel or WPS and save it again as an Excel workbook (.xlsx), or save the sheet as CSV (UTF-8)
import-feedback-copy-out = a 意见反馈表 is far smaller: copy the comments (Paste Special → Values) into a new workbook and import that, or save the sheet as CSV (UTF-8)
import-feedback-part-unreadable = cannot read { $part } in this workbook: { $error }
import-feedback-part-too-large = { $part } in this workbook unpacks to { $mb } MB, more than the { $max } MB gongwen reads from one part of a workbook
import-feedback-part-over = { $part } in this workbook unpacks to more than the { $max } MB gongwen reads from one part of a workbook
import-feedback-part-malformed = { $part } in this workbook cannot be read (at byte { $at }): { $error }
import-feedback-cell-too-long = cell { $cell } of { $part } holds a text of more than { $max } characters, more than Excel keeps in one cell
import-feedback-text-too-long = { $part } in this workbook holds a text of more than { $max } characters, more than Excel keeps in one cell
import-feedback-too-many-strings = { $part } in this workbook holds more than { $max } strings; gongwen reads at most { $max } from one sheet
import-feedback-too-many-merges = { $part } in this workbook holds more than { $max } merged areas; gongwen reads at most { $max } from one sheet
import-feedback-too-many-cells = { $part } in this workbook holds more than { $max } cells with something in them; gongwen reads at most { $max } from one sheet
import-feedback-missing-string = cell { $cell } of { $part } refers to text the workbook does not have
import-feedback-no-sheet-part = this workbook has no { $part }, the sheet it lists first
import-feedback-bad-reference = { $part } names a cell `{ $reference }` Excel cannot have (the last is { $last })
import-feedback-not-package = this workbook cannot be read: it is not a complete .xlsx package ({ $error })
import-feedback-no-worksheet = this workbook has no worksheet
import-feedback-all-hidden = every worksheet of this workbook is hidden ({ $sheets })
import-feedback-all-hidden-help = show the sheet that holds the comments (right-click a sheet tab → Unhide), save, and import again
import-feedback-sheet-hidden = { $sheet } (hidden)
import-feedback-sheet-chosen = read the sheet { $sheet }, the first one Excel shows; not read: { $others }
import-feedback-sheet-chosen-more = read the sheet { $sheet }, the first one Excel shows; not read: { $others } and { $more } more
import-feedback-ods = this is an OpenDocument spreadsheet (.ods), not an Excel workbook
import-feedback-ods-help = open it in WPS, LibreOffice or Excel and save it as .xlsx (Excel Workbook), then import that
import-feedback-xlsb = this is an Excel binary workbook (.xlsb), which gongwen does not read
import-feedback-xlsb-help = open it in Excel and save it as .xlsx (Excel Workbook), then import that
import-feedback-word = this is a Word document, not a workbook
import-feedback-word-help = import the 意见反馈表 itself: an Excel workbook (.xlsx) or a CSV file
import-feedback-no-workbook = this package has no { $part }: it is not an Excel workbook
