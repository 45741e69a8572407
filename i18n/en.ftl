# gongwen's messages in English. Each id has its Chinese twin in zh.ftl
# (tests/i18n.rs checks both hold the same ids, and that the code uses each).
# Placeholders: { $name }. Keys, paths and the author's text are placed as written.

summary-problems = { $count ->
    [one] { $count } problem
   *[other] { $count } problems
}

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
