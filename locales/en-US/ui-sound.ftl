# Sound: waveforms, playback, meters, levels, fades and ducking (issue 22).
timeline-tip-no-waveform = No waveform: { $reason }
timeline-no-sound-in-media = the media has no sound
