# gongwen's messages in English. Each id has its Chinese twin in zh.ftl
# (tests/i18n.rs checks both hold the same ids, and that the code uses each).
# Placeholders: { $name }. Keys, paths and the author's text are placed as written.

summary-problems = { $count ->
    [one] { $count } problem
   *[other] { $count } problems
}

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
cli-comments-import-about = Add the comments of a 意见反馈表 (.csv or .xlsx, columns 序号, 单位, 条款, 意见内容, 处理情况, 理由 …) to the draft's comments file, <draft>.comments.yaml; rows already there are not added again
cli-comments-import-arg-table = The feedback table: an Excel workbook (.xlsx: the first sheet Excel shows), or CSV (UTF-8, GB18030 or UTF-16; comma, tab or semicolon)
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
args-commands-heading = Commands
args-command-value = COMMAND
args-options-heading = Options
args-arguments-heading = Arguments
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
