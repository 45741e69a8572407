# gongwen's messages in English. Each id has its Chinese twin in zh.ftl
# (tests/i18n.rs checks both hold the same ids, and that the code uses each).
# Placeholders: { $name }. Keys, paths and the author's text are placed as written.

summary-problems = { $count ->
    [one] { $count } problem
   *[other] { $count } problems
}

## preview

# The preview's own pages (gongwen serve): the bar, the index, the views.
preview-all-drafts = All drafts
preview-tab-html = HTML
preview-tab-paged = Pages
preview-tab-split = Side by side
preview-tab-redline = Redline
preview-noscript = (This page does not update itself: reload it after a change.)
preview-index-title = gongwen preview
preview-index-bar = gongwen preview · all drafts
preview-index-none = No drafts found (.yaml files, or folders holding a draft.yaml).
preview-index-draft = Draft
preview-index-heading-title = Title
preview-index-views = Views
preview-index-problems = { $count ->
    [one] { $count } problem
   *[other] { $count } problems
}
preview-paged-title = { $title } · pages
preview-split-title = { $title } · side by side
preview-sheet = Page { $page } (numbered { $printed })
preview-sheet-of = Page { $page } of { $count } (numbered { $printed })
preview-sheet-alt = Page { $page }
preview-paged-more = The other pages are being laid out; they will follow here when ready.
preview-problems-fix = Correct the draft and save it: this page updates itself.
# Headings of a page of problems shown in place of a view.
preview-template-problems = The templates have problems
preview-html-template-problems = The HTML template has problems
preview-redline-template-problems = The redline template has problems
preview-layout-problems = The pages could not be laid out
preview-draft-problems = { $path } has { $count ->
    [one] { $count } problem
   *[other] { $count } problems
}
preview-previous-problems = The draft before, { $path }, has { $count ->
    [one] { $count } problem
   *[other] { $count } problems
}
preview-comments-problems = The comments file of the draft before has problems: the redline lists no comments as answered
# Requests the preview cannot answer: the page a browser shows.
preview-first-draft = { $key } is the document's first draft: there is no draft before it to compare with
preview-no-layout = { $key } has problems: its pages cannot be laid out
preview-no-page = { $key } has no page { $page }
preview-no-pdf = { $key } has problems: its PDF cannot be made
preview-unknown-draft = There is no draft named { $key }
preview-too-many-connections = Too many connections are open at once; please try again later
preview-too-many-listeners = Too many preview pages are open at once
preview-read-only = The preview is read-only: it takes GET and HEAD requests only
preview-url-too-long = The address is too long
preview-headers-too-large = The request's headers are too large
preview-too-many-headers = The request has too many headers
preview-head-incomplete = The request's head is incomplete
preview-head-too-slow = The request's head never finished arriving
preview-head-malformed = The request is malformed: a control character in its request line or headers, or a header line that is not "name: value"
preview-http-version = Only HTTP/1.1 and HTTP/1.0 requests are taken
preview-no-body = A request to the preview carries no body
preview-no-host = The request has no Host header
preview-two-hosts = The request has two Host headers: which one it is for is unknown
preview-host-refused = Only requests to localhost, an IP address or a name given with --allow-host are answered; to use this name, start gongwen serve --allow-host NAME
preview-length-and-chunked = The request has both a Content-Length and a Transfer-Encoding: its length is unknown
preview-length-not-number = Content-Length is not a whole number
preview-lengths-differ = The request has several different Content-Lengths
preview-address-no-slash = An address starts with /
preview-address-not-utf8 = The address is not UTF-8
preview-address-bad-segment = An address may not hold .., empty segments, backslashes or control characters
preview-svg-address = A page's address is /svg/<page>/<draft>
preview-pdf-address = A PDF's address ends in .pdf
preview-no-such-address = No such address
# Starting the server, and --allow-host.
preview-cannot-listen = cannot listen on { $address }: { $error }
preview-cannot-listen-help = give another port with --port, or --port 0 for any free one
preview-host-is-address = { $given } is an address; give the name alone (drafts.lan)
preview-host-is-ip = { $given } is an IP address, and an IP address needs no --allow-host: requests to any of this machine's addresses are answered already. To serve the network, give --host 0.0.0.0 (or this machine's address); --allow-host is for a name such as drafts.lan
preview-host-has-port = { $given } has a port; give the name alone (the port is --port)
preview-host-not-a-name = { $given } is not a host name: letters, digits and hyphens, in labels joined by dots
preview-cannot-watch = cannot watch for changes: { $error }
preview-cannot-watch-help = check that the folder exists and is readable; on Linux, a system watching many folders may need a higher fs.inotify.max_user_watches
# gongwen watch: the line each round prints, made of these in this order.
preview-watch-nothing = nothing to build in { $ms } ms
preview-watch-built-nothing = built nothing in { $ms } ms
preview-watch-rebuilt-one = rebuilt { $key } in { $ms } ms
preview-watch-rebuilt = rebuilt { $count ->
    [one] { $count } draft
   *[other] { $count } drafts
} in { $ms } ms
preview-watch-wrote = : wrote { $files }
preview-watch-unchanged = { " " }({ $count } unchanged)
preview-watch-removed = : removed { $files }
preview-watch-also-removed = ; removed { $files }
preview-watch-kept = ; kept { $files }: changed since watch wrote it, though no draft makes it now (remove it yourself if it is not wanted)
preview-watch-failed = ; { $path } has { $count ->
    [one] { $count } problem
   *[other] { $count } problems
}, its outputs left as they were
preview-watch-list-separator = { ", " }
preview-watch-and-more = { $files } and { $count } more
preview-watch-remove-failed-help = no draft makes this output any more; remove it by hand if it is gongwen's
preview-watch-moved = { $count ->
    [one] { $count } output of drafts still here is
   *[other] { $count } outputs of drafts still here are
} now written elsewhere below this folder; the old files are left in place
preview-watch-moved-help = the folder the output paths start from changed (a draft file put or removed beside the document folders?); remove the old outputs by hand if they are not wanted
## lint

# The rules' one-line explanations (`gongwen lint --list`, each finding's help).
lint-rule-half-width-punctuation = Chinese text takes full-width ，；：？！（）, not , ; : ? ! ( )
lint-rule-half-width-quotes = Chinese text takes “” and ‘’, not " and '
lint-rule-unpaired-marks = 《》 “” ‘’ （） 【】 〔〕 open and close within one paragraph, without crossing
lint-rule-ellipsis = an ellipsis is …… (two U+2026), not ... or 。。。
lint-rule-dash = a dash (破折号) is —— (two U+2014), not -- or ――; a single — joins places and times (西宁—大通)
lint-rule-range-mark = a range of numbers is joined by ～ (25～30), a span of years by — (2021—2025年)
lint-rule-space-in-chinese = no spaces between Chinese characters
lint-rule-doubled-punctuation = one mark where two were typed (，， → ，)
lint-rule-end-punctuation = a paragraph ends with punctuation when its siblings do
lint-rule-typed-number = numbers are derived: a typed 一、 （三） 第五条 1. would print twice
lint-rule-date-leading-zero = dates without leading zeros: 2021年9月1日, not 2021年09月01日
lint-rule-mixed-dates = one date form in a draft: 2021年9月1日 (GB/T 9704 7.3.5)
lint-rule-document-number = the year of a document number is set in 〔〕: 东发改〔2021〕12号
lint-rule-missing-reference = a reference names a part the draft has
lint-rule-hand-typed-reference = a typed reference to a part with an id: [[id]] keeps its number right

# What a rule found, at the characters it points at.
lint-half-width = half-width `{ $mark }` in Chinese text
lint-half-width-quote = half-width quote `{ $mark }` in Chinese text
lint-half-width-quote-odd = half-width `{ $mark }` that cannot be paired: the text has an odd number of them
lint-ellipsis-typed = `{ $typed }` for an ellipsis
lint-ellipsis-count = an ellipsis is two `…` (……)
lint-dash-typed = `{ $typed }` for a dash
lint-range-numbers = a range of numbers is joined by `～` (GB/T 15834)
lint-year-span = a span of years is joined by `—` (GB/T 15834)
lint-doubled = `{ $mark }` written { $count } times
lint-space = a space between Chinese characters
lint-space-names = a space between Chinese characters (names in a list are parted by 、)
lint-date-leading-zero = a date written with a leading zero
lint-document-number = `{ $mark }` in a document number: the year is set in 〔〕
lint-marks-cross = `{ $open }` is closed by `{ $close }` before its own `{ $own }`: the marks cross
lint-closes-nothing = `{ $close }` closes nothing: there is no `{ $open }` before it in this paragraph
lint-not-closed = `{ $open }` is not closed: no `{ $close }` after it in this paragraph
lint-typed-number = `{ $typed }` is typed, and gongwen numbers the part itself
lint-typed-number-label = `{ $typed }` is typed, and gongwen numbers this part { $label }
lint-end-punctuation = the paragraph ends without punctuation, and { $closed } of its { $siblings } sibling paragraphs end with it
lint-mixed-dates = `{ $date }` beside dates written 2021年9月1日 elsewhere in the draft
lint-missing-reference = `{ $typed }` names an article the draft does not have (its articles run to { $last })
lint-hand-typed-reference = `{ $typed }` is typed; the part has the id `{ $id }`, and { $link } keeps the number right when parts move

# A finding's help line: the rule's explanation, and what --fix does.
lint-help-fix-deletes = { $explanation }; --fix deletes it
lint-help-fix-writes = { $explanation }; --fix writes `{ $fix }`

# A `lint:` setting naming no rule.
lint-not-a-rule = `{ $rule }` is not a lint rule
lint-not-a-rule-near = did you mean `{ $near }`? `gongwen lint --list` shows every rule
lint-not-a-rule-list = `gongwen lint --list` shows every rule

# A draft's findings in one line.
lint-summary-none = { $path }: no findings
lint-summary = { $path }: { $count ->
        [one] { $count } lint finding
       *[other] { $count } lint findings
    } ({ $fixable } fixable with --fix): { $counts }

# `gongwen lint`'s own lines.
lint-cli-not-a-rule = error: `{ $rule }` is not a lint rule; `gongwen lint --list` shows them
lint-failed-load = FAILED  { $path } (does not load)
lint-failed-unwritten = FAILED  { $path } (fixes not written)
lint-fix-skipped = warning: { $place }: this text's fix is not written: the YAML around it would read differently (quote the text and run --fix again)
lint-dry-run = { $summary } (dry run: nothing written)
lint-fixed = fixed   { $path }
lint-error = error: { $error }
lint-clean = clean   { $path }
lint-findings = lint    { $summary }

# Why a draft is not saved (import, --out).
save-exists = { $path } already exists; use --force to replace that draft, or --out to write elsewhere
save-not-a-draft = will not replace { $path }: { $why }. --force replaces one draft (a .yaml file, or a folder holding draft.yaml and its part files), never another folder; give --out a new name or the draft to replace
save-why-symlink = it is a symbolic link
save-why-not-folder = it is not a folder
save-why-must-stay = it is or holds { $path }, which must stay
save-why-no-draft-file = it has no { $file }, so it is not a draft
save-why-foreign = it holds what is not part of a draft ({ $list })
save-and-more = { $list } and { $more } more
save-part-of = will not write { $path }: it is { $how ->
        [main] the main file
       *[part] a part file
    } of the draft { $draft }, and a whole draft written there would break that one; to replace that draft, give --out { $draft } (with --force), or give --out a name of its own
save-same-name = will not write { $path }: { $other } is already a draft of that name beside it, and `build` refuses two drafts with one name (v1.yaml and v1/); give --out another name, or --out { $other } --force to replace that draft
save-too-large = { $path } would be too large to load as one file ({ $mb } MB, { $lines } lines; a draft file may have { $max_mb } MB and { $max_values } values): { $fix }
save-too-large-folder = write the draft as a folder (an --out path without .yaml), which keeps each top-level part in a file of its own
save-too-large-split = this one part is too large even in a file of its own: split it in the document before importing (give it several top-level headings, or import it as two drafts)
save-not-loaded-back = the written YAML does not load back (a gongwen bug): { $problems }
save-loaded-differently = the written YAML loads back as a different draft (a gongwen bug)
save-unwritable = gongwen could not write this draft: { $error }
## new
new-unknown-kind = error: `{ $kind }` is not a kind gongwen new knows; write --kind followed by one of: { $kinds }
new-exists = { $path } already exists, and gongwen new never writes over anything: choose another name, or move what is there away first
new-cannot-write = cannot write { $path }: { $reason }
new-error = error: { $error }
new-wrote = wrote   { $path } (a first draft of a { $kind })
new-next = next: replace …… and ×× in it with the real text, then run `gongwen check { $path }`, and `gongwen build { $path }` for the PDF, Word, HTML and Markdown files
new-no-permission = you may not write in that folder; choose a folder of your own
new-read-only = the disk is read-only
new-disk-full = the disk is full
## load
diagnostic-error = error: { $message }
diagnostic-warning = warning: { $message }
diagnostic-help = help: { $help }
diagnostic-line-error = { $place }: error: { $message }
diagnostic-line-warning = { $place }: warning: { $message }
diagnostic-line-help = { $line } (help: { $help })
load-value-null = nothing (an empty value)
load-value-bool = true/false
load-value-number = a number
load-value-text = text
load-value-list = a list
load-value-mapping = a mapping (key: value pairs)
load-list-separator = {", "}
load-key-not-word = a key must be a word such as `title`, but here it is { $found }
load-key-not-word-help = write keys as plain words followed by a colon
load-unknown-key = unknown key `{ $key }` in { $place ->
    [draft] a draft
    [part] a part
    [block] an entry of a text list
    [fonts] a fonts mapping
    [comments-file] a comments file
    [comment] a comment
    [settings] a settings file
    [table] a table
    [cell] a table cell
   *[attachment] an attachment
}
load-unknown-key-help-near = did you mean `{ $near }`? The keys of { $place ->
    [draft] a draft
    [part] a part
    [block] an entry of a text list
    [fonts] a fonts mapping
    [comments-file] a comments file
    [comment] a comment
    [settings] a settings file
    [table] a table
    [cell] a table cell
   *[attachment] an attachment
} are: { $keys }
load-unknown-key-help = the keys of { $place ->
    [draft] a draft
    [part] a part
    [block] an entry of a text list
    [fonts] a fonts mapping
    [comments-file] a comments file
    [comment] a comment
    [settings] a settings file
    [table] a table
    [cell] a table cell
   *[attachment] an attachment
} are: { $keys }
load-key-twice = `{ $key }` and `{ $first }` are the same key, written twice in this { $place ->
    [draft] draft
    [part] part
    [block] entry of a text list
    [fonts] fonts mapping
    [comments-file] comments file
    [comment] comment
    [settings] settings file
    [table] table
    [cell] table cell
   *[attachment] attachment
}
load-key-twice-help = keep one of them (the other is at line { $line }, column { $column }): a key may be written in English or in Chinese, not both
load-or = {" or "}
load-type-error = `{ $key }` must be { $expected }, but here it is { $found }
load-draft-not-mapping = a draft must be a mapping of keys such as `title:` and `parts:`, but this file holds { $found }
load-draft-not-mapping-help = start the file with `title: <the document's title>` on its first line
load-no-title = the draft has no title
load-no-title-help = add a line `{ $key }: <the document's title>` at the top of the file
load-unknown-style = unknown numbering style `{ $name }`
load-unknown-style-help = use { $english }; in Chinese keys, { $chinese }
load-expected-file-name = a file name
load-expected-list = a list
load-expected-paragraphs = text or a list of paragraphs
load-expected-paragraphs-help = write the paragraph after `{ $text }:`, or one paragraph per line starting with `- `
load-expected-parts-help = write each part on its own line starting with `- `
load-expected-short-name = a short name
load-expected-short-name-help = write a short name such as `housing`
load-empty-part = empty part
load-empty-part-dash-help = give the part a `{ $heading }:`, `{ $text }:` or `{ $parts }:`, or delete the `-` line
load-empty-part-help = give the part a `{ $heading }:`, `{ $text }:` or `{ $parts }:`, or delete it
load-part-not-mapping = a part must be text or a mapping with `{ $heading }:`, `{ $text }:` and `{ $parts }:`, but here it is { $found }
load-include-not-here = `{ $include }` is only allowed in the top-level `{ $parts }` list of a draft
load-include-not-here-help = move the part file's content here, or include it from the draft's top-level `{ $parts }`
load-division-empty = the { $level } `{ $heading }` has no articles
load-division-empty-help = add its articles under `{ $parts }:` (or its text under `{ $text }:`), or remove `{ $heading }:` if this is an article
load-kind-not-articles = `{ $kind }` is only used in the articles style
load-kind-not-articles-help = remove `{ $kind }:`, or set `{ $style }: { $articles }` at the top of the draft
load-unknown-kind = unknown kind `{ $name }`
load-unknown-kind-help = use one of 编, 分编, 章, 节 (or book, subbook, chapter, section)
load-outline-too-deep = the outline style has four levels (一、 （一） 1. （1）) and this part would be a fifth
load-outline-too-deep-help = move the part up a level, or write it as a paragraph of its parent's `{ $text }`
load-division-below-section = a part with a heading inside a 节 would be a division below 节
load-division-below-section-help = articles have no heading: write the article's text under `{ $text }:`
load-level-inside = a { $level } cannot sit inside a { $parent }
load-level-inside-help = move it out to the right level, or change its `{ $kind }`
load-kind-not-division = `{ $kind }` is only for divisions (编, 分编, 章, 节) inside divisions
load-kind-not-division-help = remove `{ $kind }:`
load-articles-too-deep = the articles style has items （一） and sub-items 1. inside articles, and this part would be one level deeper
load-articles-too-deep-help = write it as a paragraph of its parent's `{ $text }` instead
load-article-heading = a { $level } has no heading in the articles style
load-article-heading-help = put this text under `{ $text }:` instead
load-bad-id = `{ $id }` is not a valid id
load-bad-id-help = an id is made of letters, digits, `-` and `_` (Chinese characters are letters), with no spaces
load-duplicate-id = duplicate id `{ $id }`
load-duplicate-id-help = ids must be unique in a draft; `{ $id }` is already used at { $file }:{ $line }:{ $column } — rename one of them
load-expected-text-help = put the text after the colon, in quotes if it is only a number
load-bidi-control = `{ $key }` contains the invisible bidirectional control { $code } ({ $name }), which changes the order in which the text around it is shown
load-bidi-control-help = delete it: a reader would see the text in another order than it is written (it usually comes from copying out of another program)
load-control-character = `{ $key }` contains the invisible control character { $code }
load-control-character-help = delete it (it usually comes from copying out of another program)
load-empty-text = `{ $key }` is empty
load-empty-text-help = write the text after the colon, or remove the line
load-expected-texts = text or a list of texts
load-expected-texts-help = write one entry per line, each starting with `- `
load-date-help = write the date as 2021-09-01 or 2021年9月1日
load-bad-date = `{ $key }` is not a valid date: `{ $text }`
load-bad-date-help = write the date as 2021-09-01 or 2021年9月1日, with a day that exists
load-expected-flag = true or false
load-expected-flag-help = write `true` or `false` (or 是 / 否)
load-expected-levels = a list of level names
load-not-a-level = `{ $name }` is not a level of the { $style } style
load-not-a-level-help = the levels are: { $levels }
load-expected-fonts = a mapping of roles to font families
load-expected-fonts-help = write for example `{ $fonts }:` and below it `  { $body }: 仿宋_GB2312`
load-expected-mapping = a mapping
load-expected-settings-help = write `lint:` and below it one rule per line, e.g. `  dash: off`
load-expected-lint = a mapping of rule: off, warning or error
load-expected-lint-help = write one rule per line, e.g. `  half-width-punctuation: off`
load-lint-rule-help = name a rule, such as `dash`
load-bad-lint-level = `{ $lint }: { $rule }` must be off, warning or error
load-bad-lint-level-help = write `off` to turn the rule off, `error` to make what it finds a problem
load-link-bad-id = an id is made of letters, digits, `-` and `_`
load-link-bad-clause = after `|` write the paragraph as 款2 (or 款二)
load-bad-reference = `{ $text }` is not a reference to a part
load-bad-reference-help = { $why }: write [[id]] or [[id|款2]] with the `{ $id }:` of a part
load-reference-to-nothing = `{ $id }` has no number and no heading: a reference to it would print nothing
load-reference-to-nothing-help = refer to a numbered part, or give this one a `{ $heading }:`
load-clause-not-article = `{ $id }` is not an article: 款 names a paragraph of an article
load-clause-not-article-help = write [[id]] without |款, or refer to the article and its 款
load-dangling-reference = no part has the id `{ $id }`
load-dangling-reference-help-near = did you mean [[{ $near }]]? A reference names a part by its `{ $id }:`
load-dangling-reference-help = a reference names a part by its `{ $id }:`; give the part that id, or correct it
load-clause-missing = `{ $id }` has { $count ->
    [one] { $count } paragraph
   *[other] { $count } paragraphs
}, not a paragraph { $clause }
load-clause-missing-help = 款N names the N-th paragraph of the part's `{ $text }:`
load-table-bound-columns = a table may have at most { $most } columns (what Word and WPS hold)
load-table-bound-places = a table may have at most { $most } places (its rows times its columns, a merged cell counted in each place it covers)
load-table-header-row = header row { $row }
load-table-row = row { $row }
load-table-empty = the table has no cells
load-table-empty-help = write each row as a list of cells under `{ $rows }:`, or remove the table
load-table-row-width = { $row } of the table is { $width ->
    [one] { $width } column
   *[other] { $width } columns
} wide, but the first row is { $expected }
load-table-row-width-help = give every row the same number of columns: add the missing cells (a blank cell is ""), remove extra ones, or check the `{ $rows }:` and `{ $cols }:` of a merged cell above or beside it
load-table-span-into-body = this cell of { $row } spans into the table's body
load-table-span-into-body-help = a header cell may span header rows only: lower its `{ $rows }:`
load-table-span-past-end = this cell of { $row } spans past the table's last row
load-table-span-past-end-help = lower its `{ $rows }:` to the rows that are left, or add the rows it spans
load-table-span-overlap = this cell of { $row } spans columns into a cell that spans rows from above
load-table-span-overlap-help = lower its `{ $cols }:`, or the `{ $rows }:` of the cell above
load-table-zero-span = a cell spans at least one row and one column
load-table-zero-span-help = write `{ $rows }:` and `{ $cols }:` as 1 or more, or leave them out
load-table-widths-count = `{ $key }` gives { $given } columns, but the table has { $columns }
load-table-widths-help = give one relative width per column, such as [1, 6, 2]
load-table-too-wide = this cell of { $row } makes the row { $columns } columns wide; { $bound }
load-table-too-wide-help = lower its `{ $cols }:`, or split the table in two
load-table-too-large = the table has { $places } places; { $bound }
load-table-too-large-help = split the table into tables of fewer rows, or lower the `{ $rows }:` and `{ $cols }:` of its merged cells
load-expected-numbers = a list of numbers
load-count-range = `{ $key }` must be a whole number from 1 to 10000, not { $value }
load-count-span-help = a cell spans at least one row and one column; leave the key out for one
load-count-width-help = a column's relative width is a whole number such as 2
load-expected-count = a whole number from 1
load-expected-count-help = write a number such as 2, without quotes
load-expected-table = a mapping with its header and rows
load-expected-table-help = write the table's rows under `{ $rows }:`, each a list of cells such as `- [1, 任务, 牵头单位]`
load-table-no-rows = the table has no `{ $rows }`
load-table-no-rows-help = add `{ $rows }:` with one line per row, such as `- [1, 任务, 牵头单位]`
load-expected-rows = a list of rows
load-expected-rows-help = write each row on its own line as a list of cells, such as `- [1, 任务, 牵头单位]`
load-expected-row-cells = a list of rows, each a list of cells
load-expected-row-cells-help = write the row's cells in brackets, such as `- [1, 任务, 牵头单位]`
load-cell-text-help = write the cell's text after the colon
load-cell-help = put the cell's text in quotes, or write a merged cell as a mapping such as `{"{"}text: 区教育局, rows: 2{"}"}` (`{"{"}内容: 区教育局, 跨行: 2{"}"}`)
load-expected-attachments = a list of attachment names or attachments
load-expected-attachments-help = write one attachment per line, each starting with `- `
load-expected-attachment = an attachment with its title and text
load-expected-attachment-help = write `{ $title }:` and `{ $text }:`, or the attachment's name alone
load-attachment-no-title = the attachment has no title
load-attachment-no-title-help = add `{ $title }:` with the attachment's title, as the 附件 note lists it
load-attachment-no-text = the attachment has no text
load-attachment-no-text-help = add its paragraphs and tables under `{ $text }:` or its parts under `{ $parts }:`; an attachment only named is its title alone on the line (`- 项目清单`), without a mapping
load-folder-without-draft = a draft folder must hold a `{ $file }` with the title and the list of parts
load-check-path = check the path
load-check-file = check the file
load-comments-file-help = a comments file is `<draft>.comments.yaml` beside the draft
load-file-empty = the file is empty
load-utf16 = the file is UTF-16 text, not UTF-8
load-utf16-help = save it as UTF-8: in Notepad, Save As → Encoding: UTF-8; or convert it with `iconv -f UTF-16 -t UTF-8 old.yaml > new.yaml`
load-not-utf8 = the file is not UTF-8 text (byte { $byte } cannot be read as UTF-8)
load-gbk = the file is not UTF-8 text: it reads as GBK/GB18030, what older Chinese Windows saves (byte { $byte } is where UTF-8 fails)
load-not-utf8-help = save the file as UTF-8 (your editor's "save with encoding"), or convert it with `iconv -f GB18030 -t UTF-8 old.yaml > new.yaml`
load-tab = a tab is used for indentation
load-tab-help = YAML indents with spaces only: replace the tab with spaces (two per level is usual)
load-yaml-aliases = the file's aliases (`*name`) repeat its anchors (`&name`) into more values than a draft can hold
load-yaml-aliases-help = a draft needs no anchors (`&name`) or aliases (`*name`): write each value out where it is used
load-yaml-too-deep = the file is nested too deeply: its lists and mappings open inside one another more levels than a draft ever needs
load-yaml-too-deep-help = a draft nests about 20 levels, and gongwen reads up to { $most }: close the brackets (`[`, `{"{"}`) opened before this place, or indent less
load-yaml-key-twice = the key `{ $key }` appears a second time in this mapping
load-yaml-a-key-twice = a key appears a second time in this mapping
load-yaml-key-twice-help = keep one of them: each key is written once (join the two values if both are wanted)
load-yaml-second-document = a line `---` here starts a second YAML document in the file
load-yaml-second-document-help = a draft is one document: remove the `---` line, or put the second draft in a file of its own
load-yaml-too-many-values = the file is too large: it holds more than { $most } values
load-yaml-too-much-text = the file holds too much text in its values
load-yaml-documents = the file holds more than one YAML document
load-yaml-binary = `!!binary` marks this value as base64-encoded binary data, which a draft never holds
load-yaml-binary-help = remove the `!!binary` tag and write the text itself
load-yaml-eof = the file ends in the middle of a value
load-yaml-eof-help = close the quote or bracket that is still open
load-yaml-syntax = YAML syntax error: { $detail }
load-yaml-syntax-help = check the indentation (spaces, the same amount for entries of one list), that every key ends with `: `, and that text containing `: ` or starting with a quote or `[` is quoted
load-read-missing = no such file
load-read-folder = this is a folder, not a file
load-read-not-regular = this is not a regular file (it is a FIFO, a device or a socket)
load-read-too-large = the file is { $size } MB, more than the { $most } MB a draft file may have
load-read-io = cannot read it: { $why }
load-split-draft = split the draft into part files (a folder holding draft.yaml, whose `parts:` list `include:`s one file per part); the limits are in the README
load-split-part = split this part file: move some of its parts into a part file of their own, `include:`d from draft.yaml; a single part that large must be divided in its text; the limits are in the README
load-split-other = the limits are in the README
load-empty-draft-help = a draft starts with `title: <the document's title>`; see the README for a complete example
load-empty-part-file-help = a part file holds a part (`heading:` and `text:`, or `parts:`); write it, or remove the `include:` that names this file
load-empty-comments-help = delete the file, or write what it holds: a comments file starts with `comments:` and a list of comments
load-include-within = a draft includes only part files inside its own folder, named relative to it (01-part.yaml, parts/02.yaml)
load-include-absolute = `{ $target }` is an absolute path
load-include-not-yaml = `{ $target }` is not a YAML part file
load-include-not-yaml-help = include names a part file ending in .yaml
load-include-missing = the included file `{ $target }` does not exist
load-include-missing-help = create { $path } or correct the name (it is relative to this file's folder)
load-include-outside = `{ $target }` is outside the draft's folder
load-include-outside-link = `{ $target }` is outside the draft's folder (through the link { $link }, which leads to { $leads })
load-include-outside-help = { $within }; copy the part file into the folder instead of linking to it
load-include-itself = `{ $target }` includes itself
load-include-itself-help = a part file cannot include the draft that includes it
load-include-unread = cannot include `{ $target }`: { $why }
load-comments-shape = a comments file is `comments:` followed by a list of comments, each with id, from, on, text and disposition
load-comments-not-mapping = a comments file must be a mapping
load-comments-no-list = the file has no `comments:` list
load-expected-comments = a list of mappings (id:, from:, on:, text:, disposition: …)
load-expected-comments-help = start each comment with `- id: ` and indent its other keys under it
load-comment-missing-key = this comment has no `{ $key }`
load-comment-no-id-help = give every comment an id of its own (1, 2, 3 … or 教育局-1)
load-comment-no-from-help = say who sent it: a unit (区教育局), or 公众 / 个人 with a name
load-comment-no-on-help = say what it is about: a part as numbered in this draft (第九条, 二、（三）), a part id, or `general`
load-comment-no-text-help = copy the comment as received
load-comment-no-disposition-help = write 采纳, 部分采纳, 未采纳, 已有规定 or 不涉及
load-comment-id-twice = the id `{ $id }` is used a second time (first at line { $line })
load-comment-id-twice-help = give every comment an id of its own
load-comment-no-reason = a comment marked { $disposition } needs a `{ $reason }`
load-comment-no-reason-help = say why it was not (or only partly) adopted: the 意见采纳情况表 prints it in 理由及说明
load-comment-on-empty = `{ $on }` is an empty list
load-comment-on-empty-help = name at least one part, or write `general`
load-bad-disposition = `{ $text }` is not a disposition
load-bad-disposition-help = write one of { $names } (or adopted, partly, rejected, already, n/a)
comments-unknown-target = no part of the draft is numbered { $target }
comments-unknown-target-help-near = did you mean { $near }? Name a part as it is numbered in this draft (第九条, 二、（三）), by its id, or write `general`
comments-unknown-target-help = name a part as it is numbered in this draft (第九条, 二、（三）), by its id, or write `general`
comments-ambiguous-target = { $target } names { $count } parts of the draft
comments-ambiguous-target-help = say which, with the numbers above it: { $names }
comments-no-such-clause = { $target } has { $count } paragraphs (款), not { $clause }
comments-no-such-clause-help = name one of its paragraphs, 第一款 to 第{ $last }款
comments-no-such-attachment-help = the draft has { $count ->
    [0] no attachment written out in full
    [one] one attachment written out in full: 附件, and its rows 附件第1行 …
   *[other] { $count } attachments written out in full: 附件1 to 附件{ $count }, and their rows 附件1第1行 …
}
comments-no-such-row = { $target }: the attachment's tables have { $count } rows below their headers
comments-no-such-row-help = name a row from 1 to the last, counted below the header ({ $attachment }第1行 is the first)
comments-adopted-unchanged = comment { $id } is marked { $disposition }, but { $part } is unchanged in { $next }
comments-adopted-unchanged-help = revise the part in the next draft, or correct the disposition
comments-list-end-unknown = gongwen cannot tell where this file's list of comments ends
comments-list-end-unknown-help = write the file as `comments:` followed by the comments, each starting `- id:`, and import again
comments-id-clash = row { $row }, column { $column }: 序号 { $id } is already the id of another comment in { $file } (line { $line }, from { $from })
comments-id-clash-help-from = number this table's comments on from { $next } (the file's ids run to { $last }), or clear its 序号 column to have gongwen number them
comments-id-clash-help = give this table's comments 序号 the file does not use, or clear its 序号 column to have gongwen number them
## cli

# The command line's help (src/cli/help.rs makes these ids from the commands
# and their args; tests/help_zh.rs checks each has its text).
cli-about = Draft, number, render and compare Chinese government policy documents (公文)
cli-arg-lang = Language of messages and help: zh (中文) or en; else the locale's (LANG), else en
cli-arg-help = Print help
cli-arg-version = Print version
cli-help-about = Print this message or the help of the given subcommand(s)
cli-help-arg-command = Print help for the subcommand(s)
cli-arg-paths = Drafts, document folders or folders of documents [default: drafts/]
cli-arg-out = Folder to write into; the layout below drafts/ is mirrored there
cli-arg-format = Formats to write, comma-separated
cli-arg-templates = Folder of template overrides [default: templates/ if it exists]
cli-arg-font-dirs = Folder holding faces a draft names under `fonts:` (searched before the system); repeatable
cli-arg-allow-missing-glyphs = Print characters no font has as empty boxes, with a warning, instead of failing
cli-build-about = Render drafts to Markdown, HTML, PDF and Word (.docx) under output/
cli-check-about = Check drafts and report every problem with file, line and column
cli-diff-about = Show what changed between two drafts (exit 0 same, 1 different, 2 trouble)
cli-diff-arg-old = The earlier draft (file or folder)
cli-diff-arg-new = The later draft (file or folder)
cli-diff-arg-format = term: coloured word diff; json: for programs; md: CriticMarkup; html: redline page with 修改对照表; pdf; decision: the amendment decision; docx: the new draft with Word tracked changes
cli-diff-arg-out = Write to this file instead of standard output
cli-diff-arg-show-whitespace = Also list edits that only touch whitespace
cli-diff-arg-no-punctuation = decision: say nothing of edits to punctuation alone (by default one closing sentence names the parts whose marks changed)
cli-diff-arg-side-by-side = html and pdf: a two-column 新旧对照表 (修改前 | 修改后) of the changed parts in document order, in place of the marked-up draft; docx: the table after the tracked text
cli-diff-arg-unchanged = With --side-by-side: unchanged parts too, 同左 in the right column
cli-diff-arg-author = docx: the author Word shows for each tracked change [default: the new draft's organ, else gongwen]
cli-diff-arg-color = Colour in the terminal view
cli-import-about = Turn a plain-text, Markdown or Word document into a YAML draft
cli-import-arg-input = The text (.txt), Markdown (.md) or Word (.docx) file; text in UTF-8 or GB18030
cli-import-arg-out = Where to write: a .yaml file, or a folder (draft.yaml plus one file per top-level part) [default: drafts/<input name>/v1.yaml]
cli-import-arg-style = Numbering style to read the input as
cli-import-arg-force = Replace the draft at --out (only a draft: a .yaml file, or a folder of its YAML files)
cli-import-arg-accept-changes = Word: read the text as if every tracked change were accepted
cli-import-arg-reject-changes = Word: read the text as if every tracked change were rejected
cli-import-arg-link-references = Write typed references to the text's own articles (依照本法第十二条) as [[id]] references, which follow the article when it is renumbered
cli-import-arg-keys = Write the YAML's keys in English (title, parts, text) or in Chinese (标题, 正文, 内容)
cli-lint-about = Find typing slips (half-width punctuation, unpaired 《》, typed numbers …) and fix the safe ones
cli-lint-arg-fix = Write the safe fixes into the drafts' YAML (only the characters fixed change); prints the diff first
cli-lint-arg-dry-run = With --fix: print the diff and write nothing
cli-lint-arg-rules = Run only this rule (repeatable); `--list` names them
cli-lint-arg-list = List the rules and what each asks for
cli-serve-about = Preview drafts in the browser as they are edited: the HTML page, the PDF's own pages and the redline, updated on every save
cli-serve-arg-port = Port to listen on; 0 takes any free one
cli-serve-arg-host = Address to listen on. The default, 127.0.0.1, lets only this machine in; any other lets everyone who can reach it read the drafts
cli-serve-arg-allow-hosts = A name the server may be reached by (repeatable). Without it, only requests to localhost or an IP address are answered, so a web page elsewhere cannot read the drafts through a name of its own that points here
cli-watch-about = Write the outputs again whenever a draft changes (for a PDF kept open in a viewer)
cli-comments-about = The comments received on a draft
cli-comments-import-about = Add the comments of a 意见反馈表 (.csv or .xlsx, columns 序号, 单位, 条款, 意见内容, 处理情况, 理由 …), or the Word comments (批注) of a reviewed .docx of the draft, to the draft's comments file, <draft>.comments.yaml; comments already there are not added again
cli-comments-import-arg-table = The feedback table: an Excel workbook (.xlsx: the first sheet Excel shows), or CSV (UTF-8, GB18030 or UTF-16; comma, tab or semicolon); or reviewed Word files (.docx) of the draft, their comments and tracked changes each tied to the part it marks, recorded as 待处理, several files merged in the order of the text
cli-comments-import-arg-draft = The draft the comments are on (file or folder)
cli-schema-about = Print the JSON Schema of drafts (or part, attachment, comments, settings files), for an editor's YAML language server; `build` writes them to output/schema/
cli-schema-arg-kind = Which file's schema: draft, part (a part file a draft folder includes), attachment (an attachment file), comments (<draft>.comments.yaml), settings (.gongwen.yaml)
cli-schema-arg-out = Write every schema file into this folder (draft.schema.json …) instead of printing one
# The names of the values args take, as the help shows them.
cli-value-paths = PATHS
cli-value-out = OUT
cli-value-format = FORMAT
cli-value-templates = TEMPLATES
cli-value-font-dirs = FONT_DIRS
cli-value-old = OLD
cli-value-new = NEW
cli-value-author = AUTHOR
cli-value-color = COLOR
cli-value-input = INPUT
cli-value-style = STYLE
cli-value-keys = KEYS
cli-value-id = ID
cli-value-port = PORT
cli-value-host = HOST
cli-value-name = NAME
cli-value-table = TABLE
cli-value-draft = DRAFT
cli-value-kind = KIND
cli-value-dir = DIR
cli-value-command = COMMAND
# clap's own words, which it says itself in English; said by gongwen in Chinese.
args-usage-heading = Usage:{" "}
args-commands-heading = Commands:
args-command-value = COMMAND
args-options-heading = Options:
args-arguments-heading = Arguments:
args-options-placeholder = [OPTIONS]
args-default = {" "}[default: { $value }]
args-possible-values = {" "}[possible values: { $values }]
# clap's errors, as gongwen says them in Chinese (in English clap says them itself).
args-unknown-command = error: unrecognized subcommand '{ $name }'
args-unknown-option = error: unexpected argument '{ $arg }' found
args-value-missing = error: a value is required for '{ $arg }' but none was supplied
args-value-invalid = error: invalid value '{ $value }' for '{ $arg }'
args-value-extra = error: unexpected value '{ $value }' for '{ $arg }' found; no more were expected
args-value-count = error: wrong number of values for '{ $arg }'
args-no-equals = error: equal sign is needed when assigning values to '{ $arg }'
args-missing = error: the following required arguments were not provided: { $args }
args-missing-command = error: '{ $name }' requires a subcommand but one was not provided
args-repeated = error: the argument '{ $arg }' cannot be used multiple times
args-conflict = error: the argument '{ $arg }' cannot be used with '{ $other }'
args-conflict-others = error: the argument '{ $arg }' cannot be used with one or more of the other specified arguments
args-not-utf8 = error: invalid UTF-8 was detected in one or more arguments
args-did-you-mean = tip: a similar one exists: '{ $name }'
args-possible-values-line = [possible values: { $values }]
args-usage-line = Usage: { $usage }
args-more-help = For more information, try '--help'.
# What the commands print as they go.
run-wrote = wrote   { $path }
run-ok = ok      { $path }
run-failed = FAILED  { $path } ({ $problems })
run-note = note: { $note }
run-error = error: { $error }
run-imported = imported { $input } → { $out }: { $report }
run-stdout-failed = error: cannot write to standard output: { $error }
diff-side-by-side-format = error: --side-by-side lays out the html, pdf and docx redlines; add --format html, pdf or docx
diff-author-format = error: --author names who made the tracked changes of the docx redline; add --format docx
diff-pdf-to-terminal = error: a PDF is not for the terminal; give --out FILE.pdf
diff-docx-to-terminal = error: a Word file is not for the terminal; give --out FILE.docx
comments-import-note = note: { $file }: { $note }
comments-import-columns-not-read = warning: { $file }: columns not read: { $columns }
comments-imported = imported { $table } → { $file }: { $added } comments added, { $already } already there
serve-open-to-all = warning: listening on { $host }: anyone who can reach this machine can read the drafts (by its IP address, or by a name given with --allow-host)
serve-serving-at = serving { $drafts } at http://{ $address }/ (Ctrl-C to stop)
serve-serving = serving { $drafts }
serve-changed-templates = the templates or fonts
serve-changed-listing = the list of drafts
serve-changed = changed { $what } (loaded in { $ms } ms)
watch-watching = watching for changes (Ctrl-C to stop)
watch-settings-broken = the templates or fonts have problems; the outputs were left as they were
# Finding the drafts a command is given.
discover-missing = no such file or folder
discover-missing-help = give a draft (.yaml file or folder with draft.yaml), a document folder, or a folder of documents
discover-unreadable = cannot read the folder: { $error }
discover-more-links = { $message } ({ $count } more such links: { $links })
discover-not-a-draft = not a draft
discover-not-a-draft-help = a draft is a .yaml file, or a folder holding draft.yaml
discover-no-drafts = no drafts found (a draft is a .yaml file or a folder with draft.yaml)
discover-and = {" "}and{" "}
discover-same-output = { $drafts } would all be written as { $output }.*
discover-same-output-help = give the drafts of a document different names (v1.yaml and v2/, not v1.yaml and v1/)
build-output-clash = { $one } and { $other } would both be written as { $output }
build-output-clash-help = rename one of the drafts (a draft named like a redline, v1-v2.redline.yaml, is one way to meet this)
build-lint-findings = { $summary }; `gongwen lint { $path }` lists them
# A draft's comments files.
comments-changed-without-comment = { $file }: { $count } parts changed in { $draft } have no comment on them: { $parts }
comments-too-many = with the table's { $added } new comments the file would hold { $total }, more than the { $most } gongwen keeps in one comments file
comments-too-large = with the table's comments the file would be { $size } MB, more than the { $most } MB a comments file may have
comments-table-help = check that the table holds only the comments received on this draft
comments-cannot-append = the comments cannot be added after the last one in this file without changing what it says
comments-cannot-append-help = end the file's last comment with a line that is not a block of text (`note: …`, say), and import again
comments-at-row-column = row { $row }, column { $column }: { $message }
comments-at-row = row { $row }: { $message }
# Writing and removing the outputs.
write-not-a-file = cannot write { $path }: it is { $what }, and gongwen replaces only regular files; remove it or write somewhere else
write-link-to = cannot write { $path }: it is a symbolic link to { $target }, and gongwen never writes through a link; remove the link or write somewhere else
write-link = cannot write { $path }: it is a symbolic link, and gongwen never writes through a link; remove the link or write somewhere else
write-read-only = cannot write { $path }: the file is read-only, and gongwen does not replace a file you protected; make it writable (chmod u+w) or delete it
write-outside-output = cannot write { $path }: a link there leads outside the output folder (to { $target }); gongwen writes only inside the folder it was given — remove the link
write-is-input = will not write { $path }: it is a file this command reads (a draft, one of its part files or its comments); give the output a new file name
write-leads-to-input = will not write { $path }: it leads to { $input }, a file this command reads (a draft, one of its part files or its comments); give the output a new file name
write-leads-out = cannot write { $path }: { $what }; gongwen writes nothing through a link that leads out of the folder it works in
write-io = cannot write { $path }: { $error }
file-kind-link = a symbolic link
file-kind-folder = a folder
file-kind-fifo = a FIFO (named pipe)
file-kind-device = a device
file-kind-socket = a socket
file-kind-other = not a regular file
remove-link-to = not removed { $path }: it is a symbolic link to { $target }, and gongwen removes nothing through a link
remove-link = not removed { $path }: it is a symbolic link, and gongwen removes nothing through a link
remove-outside-output = not removed { $path }: a folder on its way is a link that leads outside the output folder (to { $target }), and gongwen removes nothing through a link
remove-not-a-file = not removed { $path }: it is { $what }, not the file gongwen wrote
remove-io = cannot remove { $path }: { $error }
remove-not-removed = not removed { $path }
paths-link-leads-out = { $what }: gongwen reads nothing through a link that leads out of the folder it works in
paths-outside = { $what }: gongwen reads nothing outside the folder it works in
paths-is-link-to = it is a link to { $target }, outside { $folder }
paths-link-to = { $link } is a link to { $target }, outside { $folder }
paths-is-outside = it is { $target }, outside { $folder }
paths-leads-out-help = a link survives a copy or an archive, and one that leads out could show any file on this computer; if the file is meant to be here, copy it into { $folder } instead of linking to it
# The fonts, the templates and the outputs' own errors.
fonts-bundled-unreadable = cannot read this font, one of those every PDF is set in: { $reason }
fonts-bundled-unreadable-help = put back the folder fonts/fandol whole, from gongwen's source or by reinstalling its package, or set GONGWEN_FONTS to a folder that holds the five Fandol faces
fonts-unknown-family = unknown font family `{ $family }` (fonts.{ $role })
fonts-unknown-family-entry = unknown font family `{ $family }` (fonts.{ $list }, entry { $entry })
fonts-unknown-family-help = install the face, or pass the folder holding it with --font-dir; the families available are: { $known }
fonts-bundled-not-given = the fonts every PDF is set in ({ $face } and four more Fandol faces) were not found: no folder was given to look in
fonts-bundled-not-found = the fonts every PDF is set in ({ $face } and four more Fandol faces) were not found: looked in { $looked }
fonts-bundled-help = copy the folder fonts/fandol from gongwen's source to { $folder }, or set GONGWEN_FONTS to the folder that holds them; if gongwen came as a package, reinstall it
fonts-missing-glyph = { $char } ({ $code }) in { $places }
fonts-missing-glyphs = no configured font has a glyph for: { $glyphs }
fonts-missing-glyphs-help = name a face that has them under `fonts: fallback:` in the draft (for example Noto Serif CJK SC from the fonts-noto-cjk package), pass its folder with --font-dir, or build with --allow-missing-glyphs to print empty boxes
fonts-dir-is-file = --font-dir names a file, not a folder
fonts-dir-missing = --font-dir names a folder that does not exist
fonts-dir-help = give the folder that holds the font files (.otf, .ttf, .ttc)
template-leads-out-help = { $help }; or delete it to use the built-in template
template-unreadable = cannot read the template: { $error }
template-unreadable-help = the file must be UTF-8 text; delete it to use the built-in template
template-missing = there is no template `{ $name }`
template-error = template error: { $message }
template-error-help = fix the template, or delete the override to use the built-in one; the fields a template can use are listed in the README
render-not-shown = the { $format } format does not show { $what }
render-not-shown-help = use md, html, pdf or docx for a draft; term, json, md, html, pdf or decision for a redline
render-json-failed = cannot write the JSON: { $error }
fonts-not-a-font = it is not a font typst can read
render-docx-failed = cannot pack the .docx: { $error }
pdf-view-failed = cannot serialise the view: { $error }
pdf-fonts-failed = cannot serialise the fonts: { $error }
pdf-template-error = PDF template: { $message }
pdf-template-error-help = fix the template, or delete the override in templates/ to use the built-in one
render-view-draft = a draft
render-view-comments = a comments table
# What the operating system said: as it said it.
io-permission-denied = { $error }
io-not-found = { $error }
io-storage-full = { $error }
io-read-only-filesystem = { $error }
io-invalid-data = { $error }
io-is-a-directory = { $error }
io-not-a-directory = { $error }

## new (its help, as the cli section says each command's)
cli-new-about = Start a new draft of a kind of document (通知, 实施方案, 意见, 办法) that builds as it is
cli-new-arg-path = Where to write: a document folder (its first draft v1.yaml) or a file ending in .yaml
cli-new-arg-kind = The kind of document: 通知 (notice), 实施方案 (plan), 意见 (opinions) or 办法 (measures)
cli-new-arg-keys = Write the draft's keys in Chinese (标题, 正文 …) or English (title, parts …); Chinese whatever the locale, for the draft is a Chinese document
cli-value-path = PATH
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
import-article-wrapped = a line starts with 第{ $number }条 where 第{ $next }条 was due, and the numbering does not go on from it: read as the paragraph before it going on (a reference wrapped onto a new line); if it is an article, number it in sequence
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
import-review-too-many-comments = the Word file holds { $count } comments; gongwen takes at most { $max } from one file
import-docx-too-much-text = the Word file holds more than { $mb } MB of text, more than a draft may hold
import-docx-too-much-text-help = a document larger than this can be split in two and imported as two drafts
import-docx-hidden-text = text formatted as hidden in Word is left out: { $text }
import-docx-text-box = a text box is left out, as a draft has no text boxes (a 版头 or a seal is often drawn in one): { $text }
import-docx-note-kept = { $kind } { $number } is kept as the paragraph after the one that refers to it, marked ［{ $mark }{ $number }］ in both, as a draft has no { $kind }s: move it or remove it
import-docx-note-empty = { $kind } { $number } has no text in the file: only its mark ［{ $mark }{ $number }］ is kept
import-docx-xml-depth = { $part } nests its XML { $count } levels deep; gongwen reads at most { $max } (Word's own files nest a few dozen)
import-docx-xml-elements = { $part } holds { $count } XML elements: with the file's other parts, more than the { $max } gongwen reads in one Word file
import-docx-xml-attributes = { $part } holds { $count } XML attributes: with the file's other parts, more than the { $max } gongwen reads in one Word file
import-docx-xml-namespaces = { $part } declares { $count } XML namespaces: with the file's other parts, more than the { $max } gongwen reads in one Word file
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

## comments from Word

cli-value-from = UNIT
cli-value-units = FILE
cli-comments-import-arg-from = Who sent a Word file's comments (a unit: 区教育局); else each comment's author as Word recorded it
cli-comments-import-arg-units = Word files: a YAML file naming the unit of each Word user name (张三: 区教育局), for comments without --from; an author it does not name stays as Word recorded them
review-units-not-a-mapping = the file is not a mapping of Word user names to units
review-units-not-a-unit = a Word user name must be given a unit, as text
review-units-help = write one line per Word user, the name as Word shows it, a colon and the unit: `张三: 区教育局`
review-not-this-draft = fewer than half of this Word file's paragraphs are the draft's: it is not a copy of this draft
review-not-this-draft-help = import the reviewed copy of the draft named by --draft (the .docx gongwen built from it, returned with comments), or name the draft it was made from
review-paragraph-not-found = comment { $number }: the paragraph it marks ("{ $paragraph }") is not in the draft; it is recorded as a comment on the whole text
review-unanchored = { $count ->
    [one] one comment is anchored nowhere in the text (its place was deleted): it is not shown in Word and was not imported
   *[other] { $count } comments are anchored nowhere in the text (their places were deleted): they are not shown in Word and were not imported
}
## embed-fonts
cli-arg-embed-fonts = Word (.docx): embed the bundled Fandol faces, cut down to the characters the file prints, in place of the 仿宋, 楷体, 黑体, 小标宋 and 宋体 it names. For readers whose machine lacks those faces (LibreOffice or WPS on 统信UOS or 麒麟 would set the text in a sans face); each file grows by a few hundred KB, so it is off unless asked for
render-docx-embed-failed = cannot embed the face for { $face } in the .docx: { $error }
