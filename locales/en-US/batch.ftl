# Templates with {{slots}}, their rows, and vodcut batch (one production per row).

template-place-file = the template
template-place-track = track { $n }
template-place-clip = clip { $n }
template-place-effect = effect { $n }
template-not-json = not JSON (line { $line }, column { $column })
template-not-object = not a project: a JSON object is expected
template-samples-not-object = TemplateSamples must be an object of slot names and sample values
template-unclosed = a slot opened with {"{{"} is not closed with {"}}"}
template-bad-name = the slot {"{{"}{ $name }{"}}"} has a name that cannot be used (letters, digits, _ - . only, at most 64)
template-not-whole = a time or number field must hold one slot and nothing else, not "{ $text }"
template-no-value = no value for the slot {"{{"}{ $name }{"}}"} (used at { $place })
template-bad-value = { $place }: { $problem }
template-media-empty = a MediaId cannot be empty
template-media-not-id = "{ $text }" is not a MediaId (one word, no spaces or commas)
template-not-time = "{ $text }" is not a time (seconds like 12.5, or a timecode like 00:00:12:12)
template-not-number = "{ $text }" is not a number

rows-not-utf8 = not UTF-8 text (line { $line }): save the rows as UTF-8
rows-json-bad = not JSON (line { $line }, column { $column })
rows-json-not-list = JSON rows must be a list of objects ([{"{"}"slot": "value"{"}"}, ...])
rows-json-not-object = row { $row } is not an object
rows-json-not-text = row { $row }, column "{ $column }": a value must be text or a number
rows-field-too-long = row { $row }, column "{ $column }": a value longer than { $max } bytes
rows-too-many = more than { $max } rows (one production each): split the file
rows-csv-empty = no header: the first line names the slots
rows-csv-empty-column = the header's column { $column } has no name
rows-csv-twice = the header names "{ $column }" twice
rows-csv-width = row { $row } (line { $line }) has { $found } values for { $columns } columns
rows-too-many-columns = { $row ->
    [0] the header
   *[other] row { $row }
}{ $line ->
    [0] {""}
   *[other] {" "}(line { $line })
}: more than { $max } columns
rows-csv-field-too-long = row { $row } (line { $line }): a value longer than { $max } bytes
rows-csv-open-quote = row { $row } (line { $line }): a quote is opened and never closed
rows-csv-stray-quote = row { $row } (line { $line }): a quote inside a value that does not start with one (write the whole value in quotes, a quote in it as "")
rows-csv-after-quote = row { $row } (line { $line }): text after a closing quote (a comma or the line's end must follow it)

manifest-locked = another vodcut batch is working in { $folder }: wait for it to end
manifest-cannot-write = cannot write the batch manifest { $file }: { $error }
manifest-torn = an earlier line could not be written whole, nor cut off again: nothing more is written to it (the next run passes over the cut line)
manifest-unreadable = cannot read the batch manifest { $file }: { $error }
manifest-bad-line = the batch manifest { $file }, line { $line }, cannot be read ({ $error }): nothing was sent, since what it records cannot be known

batch-cannot-read = cannot read { $file }: { $error }
batch-too-large = larger than { $limit } MB
batch-no-slots = { $file } has no {"{{"}slot{"}}"}: every row would make the same video
batch-no-rows = { $file } has no rows
batch-bad-variant = --variants { $text }: give shapes as width:height (16:9,9:16,1:1), whole numbers up to 100, the long side at most 32 times the short
batch-row = row { $row }
batch-row-variant = row { $row } ({ $variant })
batch-bad-column = { $row }, column "{ $column }": { $problem }
batch-missing-column = the rows have no column "{ $column }" for the slot used at { $place }
batch-unused-column = note: the column "{ $column }" fills no slot of the template and is not used
batch-bad-rows = { $rows ->
    [one] 1 row cannot be produced
   *[other] { $rows } rows cannot be produced
} (listed above; --skip-bad sends the others)
batch-nothing-sent = nothing was sent
batch-skipping = --skip-bad: { $rows ->
    [one] 1 row is
   *[other] { $rows } rows are
} left out, the others go on
batch-nothing-left = no row is left to send
batch-row-changed = { $row } is not what the manifest recorded ({ $state }): its values or the template changed since
batch-row-changed-while-running = the row no longer makes the project checked before the batch started (the template was filled differently); it is not sent
batch-changed-hint = nothing was sent: a changed row would be a new production; give another --out than { $folder } for a new batch
batch-check-failed = its answer was lost and VOD could not be asked about it: { $error }
batch-check-too-many = its answer was lost and more than { $count } editing projects with its title were made around the time it was sent: not all could be looked at, so it is not sent again
batch-check-ambiguous = its answer was lost and it cannot be told apart from another row or production of the same title and Timeline (editing projects { $projects }): it is not taken for either, nor sent again
batch-wait-timeout = --wait gave up after its --wait-timeout with { $rows } productions still going: they go on at VOD (vodcut status follows each; the same command with --wait follows them all)
batch-state = { $state ->
    [sending] sending
    [submitted] submitted
    [failed] failed
    [unknown] outcome unknown
    [not-found] answer lost, no production found
    [produced] produced
    [produce-failed] production failed
   *[unsent] not sent
}
batch-progress = { $bar } [{ $done }/{ $total }, { $flight } in flight] { $row }: { $state }
batch-dry-line = { $row }: would send "{ $title }", { $clips ->
    [one] 1 clip
   *[other] { $clips } clips
}, { $width }x{ $height }
batch-dry-recorded = { $row }: "{ $title }" not sent again: { $state }
batch-dry-summary = dry run: { $sending } of { $total } productions would be sent; nothing was sent
batch-manifest = manifest: { $file }
batch-stopped = stopped: { $unsent } productions not sent; run the same command again to continue
batch-lost = { $rows ->
    [one] 1 row's
   *[other] { $rows } rows'
} answer was lost and no production was found for it: check with vodcut jobs and vodcut status, then run again with --resend-unknown to send it again (billed a second time if it did arrive)
batch-failed = { $rows ->
    [one] 1 row was
   *[other] { $rows } rows were
} refused (not billed); run the same command again to send them again

cli-template-samples = { $file } is a template ({ $slots } slots): validated filled with its sample values (TemplateSamples)
cli-template-samples-missing = the template cannot be validated without a sample value for every slot: add them to its TemplateSamples ({"{"}"slot": "value"{"}"})
batch-and-more = { $rows } and { $more } more
batch-regions = the rows name different regions ({ $regions }): run one batch per region, or give --region
batch-produce-failed = { $rows ->
    [one] 1 production
   *[other] { $rows } productions
} failed at VOD (each row's reason is above)
