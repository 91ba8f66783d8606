# Words shared by every part of vodcut. Terms follow locales/glossary.md.

problem-error = error
problem-warning = warning
# A problem as one line: "error: track 2 (V1), clip 5, field Out: Out (2 s) must be after In (5 s)".
problem-line = { $severity }: { $place }: { $message }
problem-line-unplaced = { $severity }: { $message }
place-track = track { $n }
place-track-named = track { $n } ({ $name })
place-clip = clip { $n }
place-effect = effect { $n } ({ $kind })
place-field = field { $field }
place-separator = {", "}

kind-video = video
kind-audio = audio
kind-image = image
kind-subtitle = subtitle

# Moments (src/when.rs): how long ago, and the local date and time after it.
when-just-now = just now
when-minutes-ago = { $n } min ago
when-hours-ago = { $n } h ago
when-days-ago = { $n ->
    [one] { $n } day ago
   *[other] { $n } days ago
}
when-ago-and-local = { $ago } ({ $local })

# A project with no title of its own.
project-untitled = Untitled
