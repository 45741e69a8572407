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
