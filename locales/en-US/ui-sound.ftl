# Sound: waveforms, playback, meters, levels, fades and ducking (issue 22).
timeline-tip-no-waveform = No waveform: { $reason }
timeline-no-sound-in-media = the media has no sound
sound-silent-note = Playing without sound: { $reason }
sound-no-server = no sound server was found ({ $error })
sound-stream-refused = the sound server refused the stream ({ $error })
sound-no-output-here = sound output is not built for this system yet
sound-meters-label = Sound meters: peak { $left_peak } / { $right_peak } dBFS, RMS { $left_rms } / { $right_rms } dBFS
sound-meters-idle = Sound meters (not playing)
