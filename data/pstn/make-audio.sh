#!/bin/sh
# make-audio.sh: regenerates what `centrala pstn`'s called parties say on
# outbound calls (--profile): a person's "hello" (then silence) and an
# answering machine's greeting ending in a beep. Made as
# data/prompts/make-prompts.sh makes prompts (espeak-ng, sox; 8000 Hz mono
# A-law WAV, speech peaking at -6 dBFS). Not run by the build: the WAVs
# are committed. Needs: apt-get install espeak-ng sox
set -eu

cd "$(dirname "$0")"
for tool in espeak-ng sox; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "make-audio.sh: $tool not found (apt-get install espeak-ng sox)" >&2
		exit 1
	}
done
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
OUT="-r 8000 -c 1 -e a-law -b 8"

sx() { sox -R -D "$@"; }
speak() { espeak-ng -v "$1" -s 150 -w "$3" -- "$2" </dev/null; }
telephone() {
	sx "$1" $OUT "$2" gain -3 highpass 200 lowpass 3400 rate 8000 pad 0.1 0.1 norm -6 </dev/null
}

speak en-gb "Hello?" "$TMP/hello.wav"
telephone "$TMP/hello.wav" hello.wav

# The greeting, half a second of quiet, then a 1 kHz beep of 0.5 s at
# -10 dBFS (as data/prompts/common/beep.wav).
speak en-us "Hi, you have reached five five five, one two three four. \
I can't take your call right now. Please leave a message after the tone." \
    "$TMP/greet.wav"
telephone "$TMP/greet.wav" "$TMP/greet8.wav"
sx -n $OUT "$TMP/gap.wav" trim 0 0.5
sx -n $OUT "$TMP/beep.wav" synth 0.5 sine 1000 gain -10
sx "$TMP/greet8.wav" "$TMP/gap.wav" "$TMP/beep.wav" $OUT machine.wav
