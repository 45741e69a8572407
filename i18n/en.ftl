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
