# 带 {{占位}} 的模板、其数据行，以及 vodcut batch（每行一次合成）。

template-place-file = 模板
template-place-track = 轨道 { $n }
template-place-clip = 片段 { $n }
template-place-effect = 效果 { $n }
template-not-json = 不是 JSON（第 { $line } 行，第 { $column } 列）
template-not-object = 不是工程：应为 JSON 对象
template-samples-not-object = TemplateSamples 应为占位名与示例值组成的对象
template-unclosed = 以 {"{{"} 开始的占位没有用 {"}}"} 结束
template-bad-name = 占位 {"{{"}{ $name }{"}}"} 的名称不可用（只能有字母、数字、_ - .，最多 64 个字符）
template-not-whole = 时间或数字字段只能是一个占位，不能是"{ $text }"
template-no-value = 占位 {"{{"}{ $name }{"}}"} 没有值（用于 { $place }）
template-bad-value = { $place }：{ $problem }
template-media-empty = MediaId 不能为空
template-media-not-id = "{ $text }"不是 MediaId（应为一个词，不含空格或逗号）
template-not-time = "{ $text }"不是时间（秒数如 12.5，或时间码如 00:00:12:12）
template-not-number = "{ $text }"不是数字

rows-not-utf8 = 不是 UTF-8 文本（第 { $line } 行）：请将数据行保存为 UTF-8
rows-json-bad = 不是 JSON（第 { $line } 行，第 { $column } 列）
rows-json-not-list = JSON 数据行应为对象列表（[{"{"}"占位": "值"{"}"}, ...]）
rows-json-not-object = 第 { $row } 行不是对象
rows-json-not-text = 第 { $row } 行，列"{ $column }"：值应为文本或数字
rows-field-too-long = 第 { $row } 行，列"{ $column }"：值超过 { $max } 字节
rows-too-many = 超过 { $max } 行（每行一次合成）：请拆分文件
rows-csv-empty = 没有表头：第一行应写出各占位名
rows-csv-empty-column = 表头第 { $column } 列没有名称
rows-csv-twice = 表头两次出现"{ $column }"
rows-csv-width = 第 { $row } 行（文件第 { $line } 行）有 { $found } 个值，而表头有 { $columns } 列
rows-too-many-columns = { $row ->
    [0] 表头
   *[other] 第 { $row } 行
}{ $line ->
    [0] {""}
   *[other] （文件第 { $line } 行）
}：超过 { $max } 列
rows-csv-field-too-long = 第 { $row } 行（文件第 { $line } 行）：值超过 { $max } 字节
rows-csv-open-quote = 第 { $row } 行（文件第 { $line } 行）：引号打开后没有关闭
rows-csv-stray-quote = 第 { $row } 行（文件第 { $line } 行）：值中间出现引号（请把整个值放在引号中，其中的引号写作 ""）
rows-csv-after-quote = 第 { $row } 行（文件第 { $line } 行）：结束引号后还有文字（其后应为逗号或行尾）

manifest-locked = 另一个 vodcut batch 正在使用 { $folder }：请等它结束
manifest-cannot-write = 无法写入批量清单 { $file }：{ $error }
manifest-torn = 之前的一行未能完整写入，也无法截去：不再向其写入（下次运行会跳过被截断的行）
manifest-unreadable = 无法读取批量清单 { $file }：{ $error }
manifest-bad-line = 批量清单 { $file } 第 { $line } 行无法读取（{ $error }）：无法确定已发送的内容，因此没有发送任何请求

batch-cannot-read = 无法读取 { $file }：{ $error }
batch-too-large = 超过 { $limit } MB
batch-no-slots = { $file } 中没有 {"{{"}占位{"}}"}：每行都会生成相同的视频
batch-no-rows = { $file } 中没有数据行
batch-bad-variant = --variants { $text }：请以 宽:高 给出画面比例（16:9,9:16,1:1），均为不超过 100 的整数，长边至多为短边的 32 倍
batch-row = 第 { $row } 行
batch-row-variant = 第 { $row } 行（{ $variant }）
batch-bad-column = { $row }，列"{ $column }"：{ $problem }
batch-missing-column = 数据行中没有列"{ $column }"，而模板在 { $place } 使用了该占位
batch-unused-column = 提示：列"{ $column }"不对应模板中的任何占位，不会被使用
batch-bad-rows = { $rows } 行无法合成（见上文；--skip-bad 可发送其余各行）
batch-nothing-sent = 没有发送任何请求
batch-skipping = --skip-bad：跳过 { $rows } 行，其余继续
batch-nothing-left = 没有可发送的行
batch-row-changed = { $row } 与清单所记录的不同（{ $state }）：其值或模板已更改
batch-row-changed-while-running = 该数据行生成的工程与批量开始前检查的不同（模板填写结果不一致）；未发送
batch-changed-hint = 没有发送任何请求：更改后的行将是一次新的合成；如要开始新的批量，请指定不同于 { $folder } 的 --out
batch-check-failed = 其应答丢失，且无法向点播查询：{ $error }
batch-check-too-many = 其应答丢失，且发送前后创建的同标题剪辑工程超过 { $count } 个：无法全部查看，因此不会再次发送
batch-check-ambiguous = 其应答丢失，且无法与标题和时间线相同的另一行或另一合成区分（剪辑工程 { $projects }）：不认作任何一个，也不会再次发送
batch-wait-timeout = --wait 已达 --wait-timeout 时限，仍有 { $rows } 个合成在进行：它们在点播继续（vodcut status 可逐个跟踪；以 --wait 再运行同一命令可跟踪全部）
batch-state = { $state ->
    [sending] 发送中
    [submitted] 已提交
    [failed] 失败
    [unknown] 结果未知
    [not-found] 应答丢失，未找到合成
    [produced] 已合成
    [produce-failed] 合成失败
   *[unsent] 未发送
}
batch-progress = { $bar } [{ $done }/{ $total }，{ $flight } 个进行中] { $row }：{ $state }
batch-dry-line = { $row }：将发送"{ $title }"，{ $clips } 个片段，{ $width }x{ $height }
batch-dry-recorded = { $row }："{ $title }"不再发送：{ $state }
batch-dry-summary = 试运行：{ $total } 次合成中将发送 { $sending } 次；没有发送任何请求
batch-manifest = 清单：{ $file }
batch-stopped = 已停止：{ $unsent } 次合成未发送；再次运行同一命令即可继续
batch-lost = { $rows } 行的应答丢失，且未找到其合成：请用 vodcut jobs 和 vodcut status 查看任务，再加上 --resend-unknown 运行以重新发送（如果其实已送达，将再次计费）
batch-failed = { $rows } 行被拒绝（未计费）；再次运行同一命令即可重新发送

cli-template-samples = { $file } 是模板（{ $slots } 个占位）：已用其示例值（TemplateSamples）填充后校验
cli-template-samples-missing = 每个占位都有示例值才能校验模板：请在 TemplateSamples 中补上（{"{"}"占位": "值"{"}"}）
batch-and-more = { $rows } 等另外 { $more } 行
batch-regions = 各行指定了不同的地域（{ $regions }）：请每个地域运行一个批量，或指定 --region
batch-produce-failed = { $rows } 个合成在 VOD 失败（原因见上方各行）
