# Sound: waveforms, playback, meters, levels, fades and ducking (issue 22).
timeline-tip-no-waveform = No waveform: { $reason }
timeline-no-sound-in-media = the media has no sound
sound-silent-note = Playing without sound: { $reason }
sound-no-server = no sound server was found ({ $error })
sound-stream-refused = the sound server refused the stream ({ $error })
sound-no-output-here = sound output is not built for this system yet
sound-meters-label = Sound meters: peak { $left_peak } / { $right_peak } dBFS, RMS { $left_rms } / { $right_rms } dBFS
sound-meters-idle = Sound meters (not playing)
sound-clip-heading = Sound
sound-level = Level
sound-level-tip = The clip's level in dB (0 dB is the original; written as a Volume effect's Gain, which VOD takes as a linear factor)
sound-mute-clip = Mute clip
sound-mute-tip = Silences this clip (a Volume effect with Gain 0, as VOD documents)
sound-fade-in = Fade in
sound-fade-out = Fade out
sound-fade-tip = VOD documents no audio fade: a fade is written as { $steps } Volume effects, each a step of the ramp (the count is in the settings)
sound-duck-menu = Duck music under voice…
sound-duck-title = Duck music under voice
sound-duck-intro = For each voice clip, the music drops by the depth over its span, ramping down over the lead before it and back up over the tail after it (Volume effects on the music clips, in one undo step).
sound-duck-voice = Voice track
sound-duck-music = Music track
sound-duck-depth = Depth
sound-duck-lead = Lead
sound-duck-tail = Tail
sound-duck-same-track = Pick two different tracks.
sound-duck-ranges = { $n ->
    [one] 1 range lowers the music
   *[other] { $n } ranges lower the music
} ({ $clips ->
    [one] 1 music clip changes
   *[other] { $clips } music clips change
}):
sound-duck-range = { $from } – { $to }
sound-duck-apply = Duck
sound-duck-cancel = Cancel
sound-duck-edit = Duck music under voice
sound-scrub-menu = Audio scrubbing
sound-scrub-tip = Play short snippets of the sound while the playhead is dragged
sound-device = Sound output
sound-device-default = System default
sound-no-devices = no sound server: playback is silent
sound-fade-steps = Fade steps
sound-fade-steps-tip = VOD documents no audio fade: fades and ducking ramps are written as this many Volume steps
sound-unit-db = { " " }dB
sound-unit-seconds = { " " }s
