#!/bin/sh
# bench-media-1000.sh: bench-media at full size: 34 virtual spans, 1,000
# calls up at once (750 bridged to ALSA-null headsets and recorded, 250 in
# an IVR with DTMF detection). Same figures as bench-media.
MEDIA_SPANS=34 MEDIA_CALLS=1000 exec sh "$top_srcdir/tests/bench/bench-media.sh"
