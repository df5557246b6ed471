#!/bin/sh
# make-prompts.sh: regenerates the default prompt set under data/prompts/
# (LANG/NAME.wav for en and pl, and common/) with espeak-ng and sox. Not run
# by the build: the WAVs are committed, and admins replace them with real
# recordings. Needs: apt-get install espeak-ng sox
#
# Every file is 8000 Hz mono A-law WAV, the form the spans carry. Speech
# peaks at -6 dBFS; the beep is -10 dBFS; music on hold sits lower still.
set -eu

cd "$(dirname "$0")"
for tool in espeak-ng sox; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "make-prompts.sh: $tool not found (apt-get install espeak-ng sox)" >&2
		exit 1
	}
done

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
OUT="-r 8000 -c 1 -e a-law -b 8"

# sx: sox without dither and with a fixed random seed (pluck's noise), so
# that regenerating leaves unchanged prompts byte for byte the same.
sx() {
	sox -R -D "$@"
}

# speak VOICE TEXT FILE: raw espeak-ng output, 22050 Hz.
speak() {
	espeak-ng -v "$1" -s 150 -w "$3" -- "$2" </dev/null
}

# telephone IN OUT: band-limit, pad, set the peak to -6 dBFS, 8 kHz A-law.
telephone() {
	sx "$1" $OUT "$2" gain -3 highpass 200 lowpass 3400 rate 8000 pad 0.1 0.1 norm -6 </dev/null
}

# say VOICE NAME TEXT: one prompt, data/prompts/LANG/NAME.wav.
say() {
	speak "$1" "$3" "$TMP/raw.wav"
	telephone "$TMP/raw.wav" "$LANGDIR/$2.wav"
}

# language_select: the same bilingual prompt in every language directory.
language_select() {
	speak en-gb "For English, press 1." "$TMP/ls-en.wav"
	speak pl "Aby kontynuować po polsku, naciśnij 2." "$TMP/ls-pl.wav"
	sx "$TMP/ls-en.wav" "$TMP/ls-pl.wav" "$TMP/ls.wav"
	telephone "$TMP/ls.wav" "$LANGDIR/language-select.wav"
}

# table VOICE: reads "name|text" lines and says each one.
table() {
	while IFS='|' read -r name text; do
		[ -n "$name" ] || continue
		say "$1" "$name" "$text"
	done
}

make_en() {
	LANGDIR=en; mkdir -p "$LANGDIR"
	language_select
	table en-gb <<'EOF'
welcome|Welcome to Centrala.
main-menu|For sales, press 1. For support, press 2. For billing, press 3. To enter your account number, press 4.
invalid|Sorry, that is not a valid choice.
no-input|We did not receive your choice.
enter-account|Please enter your account number, followed by the hash key.
thank-you|Thank you.
goodbye|Goodbye.
please-hold|Please hold, your call is important to us.
all-busy|All our agents are busy at the moment.
you-are-number|You are number
in-line|in line.
wait-is|Your estimated waiting time is
minutes|minutes.
minutes-few|minutes.
minute|minute.
under-minute|less than one minute.
closed|We are closed now. Please call again during our opening hours.
leave-message|Please leave your message after the tone. Press the hash key when you are done.
message-saved|Your message has been saved.
callback-offer|To keep your place in line and be called back, press star.
callback-confirm|We will call you back. You keep your place in line.
callback-at-number|We will call you back at
callback-press-1-2|To confirm, press 1. To enter another number, press 2.
callback-enter-number|Please enter your phone number, followed by the hash key.
callback-you-entered|You entered
num-0|zero
num-1|one
num-2|two
num-3|three
num-4|four
num-5|five
num-6|six
num-7|seven
num-8|eight
num-9|nine
num-10|ten
num-11|eleven
num-12|twelve
num-13|thirteen
num-14|fourteen
num-15|fifteen
num-16|sixteen
num-17|seventeen
num-18|eighteen
num-19|nineteen
num-20|twenty
num-30|thirty
num-40|forty
num-50|fifty
num-60|sixty
num-70|seventy
num-80|eighty
num-90|ninety
num-100|one hundred
num-200|two hundred
num-300|three hundred
num-400|four hundred
num-500|five hundred
num-600|six hundred
num-700|seven hundred
num-800|eight hundred
num-900|nine hundred
abandoned|Sorry, this call was made on behalf of one of our clients, and nobody was free to take it. No one will call you about it for three days. To call us back, dial
EOF
}

make_pl() {
	LANGDIR=pl; mkdir -p "$LANGDIR"
	language_select
	table pl <<'EOF'
welcome|Witamy w Centrali.
main-menu|W sprawie sprzedaży naciśnij jeden. W sprawie pomocy technicznej naciśnij dwa. W sprawie rozliczeń naciśnij trzy. Aby podać numer klienta, naciśnij cztery.
invalid|Przepraszamy, to nie jest prawidłowy wybór.
no-input|Nie otrzymaliśmy Twojego wyboru.
enter-account|Prosimy wprowadzić numer klienta, a następnie nacisnąć krzyżyk.
thank-you|Dziękujemy.
goodbye|Do widzenia.
please-hold|Prosimy pozostać na linii. Twoje połączenie jest dla nas ważne.
all-busy|Wszyscy nasi konsultanci są w tej chwili zajęci.
you-are-number|Jesteś pod numerem
in-line|w kolejce.
wait-is|Przewidywany czas oczekiwania wynosi
minutes|minut.
minutes-few|minuty.
minute|minutę.
under-minute|mniej niż minutę.
closed|Obecnie jesteśmy nieczynni. Prosimy zadzwonić ponownie w godzinach pracy.
leave-message|Prosimy zostawić wiadomość po sygnale. Po zakończeniu prosimy nacisnąć krzyżyk.
message-saved|Twoja wiadomość została zapisana.
callback-offer|Aby zachować miejsce w kolejce i otrzymać połączenie zwrotne, naciśnij gwiazdkę.
abandoned|Przepraszamy, dzwoniliśmy w imieniu jednego z naszych klientów, ale nikt nie mógł odebrać rozmowy. Przez trzy dni nikt nie zadzwoni w tej sprawie. Aby oddzwonić, wybierz numer
callback-confirm|Oddzwonimy do Ciebie. Twoje miejsce w kolejce zostaje zachowane.
callback-at-number|Oddzwonimy pod numer
callback-press-1-2|Aby potwierdzić, naciśnij 1. Aby podać inny numer, naciśnij 2.
callback-enter-number|Prosimy wprowadzić swój numer telefonu i nacisnąć krzyżyk.
callback-you-entered|Wprowadzono numer
num-0|zero
num-1|jeden
num-2|dwa
num-3|trzy
num-4|cztery
num-5|pięć
num-6|sześć
num-7|siedem
num-8|osiem
num-9|dziewięć
num-1-f|jedną
num-2-f|dwie
num-10|dziesięć
num-11|jedenaście
num-12|dwanaście
num-13|trzynaście
num-14|czternaście
num-15|piętnaście
num-16|szesnaście
num-17|siedemnaście
num-18|osiemnaście
num-19|dziewiętnaście
num-20|dwadzieścia
num-30|trzydzieści
num-40|czterdzieści
num-50|pięćdziesiąt
num-60|sześćdziesiąt
num-70|siedemdziesiąt
num-80|osiemdziesiąt
num-90|dziewięćdziesiąt
num-100|sto
num-200|dwieście
num-300|trzysta
num-400|czterysta
num-500|pięćset
num-600|sześćset
num-700|siedemset
num-800|osiemset
num-900|dziewięćset
EOF
}

# beep: 1000 Hz for 400 ms at -10 dBFS, with 5 ms ramps so it does not click.
make_beep() {
	sx -n $OUT common/beep.wav synth 0.4 sine 1000 vol -10dB fade t 0.005 0.4 0.005
}

# moh: about 30 s of a slow plucked arpeggio (C, A minor, F, G, twice) with
# reverb, at a moderate level under the speech. The fade comes before the
# reverb: sox 14.4.2 misplaces a fade-out after reverb's stereo output.
make_moh() {
	i=0
	for chord in "C4 E4 G4 C5" "A3 C4 E4 A4" "F3 A3 C4 F4" "G3 B3 D4 G4" \
	    "C4 E4 G4 C5" "A3 C4 E4 A4" "F3 A3 C4 F4" "G3 B3 D4 B3"; do
		for rep in 1 2; do
			for note in $chord; do
				i=$((i + 1))
				sx -n -r 8000 -c 1 -b 16 "$TMP/n$(printf %03d $i).wav" \
				    synth 0.45 pluck "$note" vol 0.5
			done
		done
	done
	sx "$TMP"/n*.wav "$TMP/arp.wav"
	sx "$TMP/arp.wav" $OUT common/moh.wav fade t 0.5 0 1.5 \
	    reverb 40 50 80 channels 1 lowpass 3400 norm -12
}

mkdir -p common
make_en
make_pl
make_beep
make_moh
du -sh en pl common
