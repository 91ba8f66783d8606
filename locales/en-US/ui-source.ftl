# The source viewer (a medium opened from the bin or the library, its marks and playhead),
# three-point Insert and Overwrite, and the trim preview.

## Why the source's range cannot be placed
source-refused-nothing-open = nothing is open in the source viewer: double-click a media bin or library item
source-refused-unknown-length = the media's length is not known: mark an Out point in the source viewer
source-refused-empty = the marked range is empty
source-refused-no-track = no unlocked track takes { $kind } media
