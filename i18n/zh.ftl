# gongwen 的中文消息。每条消息在 en.ftl 中有对应的英文（tests/i18n.rs 检查两份目录的消息一一对应、代码都用到）。
# 占位符写作 { $name }。键名、路径和起草人写的文字原样放入。

summary-problems = { $count } 处问题

## new
new-unknown-kind = 错误：没有 `{ $kind }` 这种文种。请在 --kind 后写下列文种之一（中文名或英文名均可）：{ $kinds }
new-exists = `{ $path }` 已经存在，`gongwen new` 不会覆盖任何文件或文件夹：请换一个名称，或先把原有的移走
new-cannot-write = 无法写入 `{ $path }`：{ $reason }
new-error = 错误：{ $error }
new-wrote = 已写出{ $kind }初稿 `{ $path }`
new-next = 下一步：把稿中的“……”和“××”换成实际内容，然后运行 `gongwen check { $path }` 检查，再运行 `gongwen build { $path }` 生成 PDF、Word、HTML 和 Markdown 文件
new-no-permission = 没有在这个文件夹写入的权限，请换一个自己的文件夹
new-read-only = 磁盘是只读的
new-disk-full = 磁盘已满
