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
