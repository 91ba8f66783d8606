# Talking to VOD: what went wrong, in words a person can act on.

api-what-to-do = {". What to do: "}{ $hint }
api-more = {". More: "}{ $url }
api-hint-signature = the AccessKey secret does not match the AccessKey ID: check the secret (copy it again from the RAM console)
api-hint-unknown-key = the AccessKey ID is not known: check it, or renew it if it was temporary (STS)
api-hint-key-disabled = the AccessKey is disabled: enable it in the RAM console or use another
api-hint-forbidden = this account or RAM user lacks the VOD permission for this action: grant it (e.g. AliyunVODFullAccess) in the RAM console
api-hint-clock = the request time is too far from the server's: check this computer's clock and time zone
api-hint-replayed = a request was replayed; try again
api-hint-not-activated = VOD is not activated for this account in this region
api-hint-suspended = the account is suspended, usually for an overdue payment
api-hint-sts = the STS token is expired or does not belong to this AccessKey: get new temporary credentials
api-hint-service = the service had a problem; try again later
api-hint-throttling = too many requests: wait a moment and try again
api-hint-parameter = a request field was refused: see the message
api-connect = could not connect to { $endpoint }: { $detail }. Check the network and the endpoint; nothing was sent
api-network = no answer from { $endpoint }: { $detail }
api-outcome-unknown = { $action }: the outcome is unknown ({ $detail }). The request may have reached the service, so vodcut will not send it again by itself. Check with `vodcut jobs` / `vodcut status`, or SearchEditingProject / GetEditingProject, before producing again
api-bad-response = the service answered HTTP { $status } with a body that is not the expected JSON: { $detail }

# A media's Status in VOD, in words (the console's): the code itself is never shown.
api-status-uploading = uploading
api-status-upload-fail = upload failed
api-status-upload-succ = uploaded, waiting to transcode
api-status-transcoding = transcoding
api-status-transcode-fail = transcoding failed
api-status-checking = under review
api-status-blocked = blocked
api-status-normal = ready
api-status-unknown = status unknown
api-status-other = status { $status }
api-production-producing = producing
api-production-produced = produced
api-production-failed = production failed
