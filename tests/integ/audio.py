#!/usr/bin/env python3
"""audio.py: what the media tests hear. Reads a WAV (16-bit PCM, any
channel count) or a raw file (16-bit native mono, --raw), and prints the
level of a tone in a time window, measured with the Goertzel algorithm,
relative to the window's total power: a pure tone at FREQ reads near
0 dB, a tone absent from the window reads far below (-30 dB or lower).

    audio.py tone FILE FREQ [--from S] [--to S] [--channel N] [--raw]
        prints "FREQ_DB TOTAL_DBFS" for the window
    audio.py spans FILE FREQ [--raw] [--channel N] [--min-db D]
        prints the seconds (start-end) where FREQ dominates, 100 ms steps
"""
import math
import struct
import sys
import wave


def read(path, raw, channel):
    if raw:
        data = open(path, 'rb').read()
        n = len(data) // 2
        return list(struct.unpack('<%dh' % n, data[:n * 2])), 8000
    w = wave.open(path, 'rb')
    nch, width, rate = w.getnchannels(), w.getsampwidth(), w.getframerate()
    if width != 2:
        sys.exit('%s: only 16-bit PCM WAV files' % path)
    frames = w.readframes(w.getnframes())
    samples = struct.unpack('<%dh' % (len(frames) // 2), frames)
    return list(samples[channel::nch]), rate


def goertzel_db(samples, rate, freq):
    """Level of FREQ relative to the total power, in dB; and total dBFS."""
    n = len(samples)
    if n == 0:
        return -120.0, -120.0
    k = 2 * math.cos(2 * math.pi * freq / rate)
    s1 = s2 = 0.0
    for x in samples:
        s0 = x + k * s1 - s2
        s2, s1 = s1, s0
    power = s1 * s1 + s2 * s2 - k * s1 * s2
    tone = 2 * power / (n * n)          # mean square of the tone
    total = sum(x * x for x in samples) / n
    if total <= 0:
        return -120.0, -120.0
    return (10 * math.log10(max(tone, 1e-12) / total),
            10 * math.log10(total / (32768.0 * 32768.0)))


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__)
    cmd, path, freq = argv[1], argv[2], float(argv[3])
    opts = argv[4:]

    def opt(name, dflt):
        return type(dflt)(opts[opts.index(name) + 1]) if name in opts else dflt
    samples, rate = read(path, '--raw' in opts, opt('--channel', 0))
    if cmd == 'tone':
        a = int(opt('--from', 0.0) * rate)
        b = int(opt('--to', len(samples) / rate) * rate)
        db, total = goertzel_db(samples[a:b], rate, freq)
        print('%.1f %.1f' % (db, total))
    elif cmd == 'spans':
        step, mindb = rate // 10, opt('--min-db', -6.0)
        spans, start = [], None
        for i in range(0, len(samples) - step + 1, step):
            db, total = goertzel_db(samples[i:i + step], rate, freq)
            on = db > mindb and total > -60
            if on and start is None:
                start = i / rate
            if not on and start is not None:
                spans.append((start, i / rate))
                start = None
        if start is not None:
            spans.append((start, len(samples) / rate))
        print(' '.join('%.1f-%.1f' % s for s in spans))
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main(sys.argv)
