# Words every part of the editor shares (buttons, states). Parts keep their own sentences in
# their own files (ui-<part>.ftl); a word used in two parts belongs here.

ui-ok = OK
ui-cancel = Cancel
ui-close = Close
ui-delete = Delete
ui-rename = Rename
ui-save = Save
ui-discard = Discard
ui-open = Open
ui-copy = Copy
ui-on = on
ui-off = off
ui-none = (none)

# The language picker (settings window and View menu).
language-label = Language
# Following the system's language, named in its own language: "System (English)".
language-system = System ({ $lang })
