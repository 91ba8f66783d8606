# The command line's own sentences.

cli-validate-clean = { $file }: no problems ({ $clips } clips on { $tracks } tracks)
cli-validate-summary = { $file }: { $errors } error(s), { $warnings } warning(s)
