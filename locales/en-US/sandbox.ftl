# The built-in sandbox (src/sandbox): what it says about itself.
sandbox-banner-session = Sandbox: a demo VOD service on this machine ({ $endpoint }), demo keys, nothing is sent to Alibaba Cloud; state for this session, in { $folder }
sandbox-banner-kept = Sandbox: a demo VOD service on this machine ({ $endpoint }), demo keys, nothing is sent to Alibaba Cloud; state kept in { $folder }
sandbox-cannot-start = cannot start the sandbox service on this machine: { $error }
sandbox-no-folder = no folder for the sandbox on this system (no home folder?)
sandbox-cannot-make-folder = cannot make the sandbox folder { $folder }: { $error }
sandbox-not-yours = the sandbox folder { $folder } is not a folder of yours; remove it, or set VODCUT_SANDBOX_DIR
sandbox-ffmpeg-too-long = ffmpeg took more than a minute; stopped
sandbox-ffmpeg-failed = ffmpeg failed ({ $status }): { $output }
sandbox-cannot-keep = cannot keep { $file }: { $error }
sandbox-cannot-run = cannot run { $program }: { $error }
sandbox-no-ffmpeg = ffmpeg was not found: the sandbox's videos have covers but cannot be played; install ffmpeg for playable media
