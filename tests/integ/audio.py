#!/usr/bin/env python3
"""audio.py: what the media tests hear. Reads a WAV (16-bit PCM, G.711
A-law or mu-law, any channel count) or a raw file (16-bit native mono,
--raw), and prints the
level of a tone in a time window, measured with the Goertzel algorithm,
relative to the window's total power: a pure tone at FREQ reads near
0 dB, a tone absent from the window reads far below (-30 dB or lower).

    audio.py tone FILE FREQ [--from S] [--to S] [--channel N] [--raw]
        prints "FREQ_DB TOTAL_DBFS" for the window
    audio.py spans FILE FREQ [--raw] [--channel N] [--min-db D]
        prints the seconds (start-end) where FREQ dominates, 100 ms steps
    audio.py format FILE
        prints "ENCODING CHANNELS RATE" (ENCODING: pcm16, alaw, mulaw)
"""
import math
import struct
import sys

WAVE_PCM, WAVE_ALAW, WAVE_MULAW = 1, 6, 7


def alaw(c):
    """G.711 A-law code to linear (as spandsp's alaw_to_linear)."""
    c ^= 0x55
    seg, x = (c & 0x70) >> 4, (c & 0x0f) << 4
    x = x + 8 if seg == 0 else (x + 0x108) << (seg - 1)
    return x if c & 0x80 else -x


def mulaw(c):
    """G.711 mu-law code to linear (as spandsp's ulaw_to_linear)."""
    c = ~c & 0xff
    x = (((c & 0x0f) << 3) + 0x84) << ((c & 0x70) >> 4)
    return 0x84 - x if c & 0x80 else x - 0x84


LAW = {WAVE_ALAW: [alaw(c) for c in range(256)],
       WAVE_MULAW: [mulaw(c) for c in range(256)]}


def chunks(data):
    """A RIFF WAVE file's chunks: {id: bytes} (python's wave module reads
    PCM only; our recordings are A-law by default)."""
    if data[:4] != b'RIFF' or data[8:12] != b'WAVE':
        raise ValueError('not a WAV file')
    out, i = {}, 12
    while i + 8 <= len(data):
        cid, n = data[i:i + 4], struct.unpack('<I', data[i + 4:i + 8])[0]
        out.setdefault(cid, data[i + 8:i + 8 + n])
        i += 8 + n + (n & 1)
    return out


def read(path, raw, channel):
    data = open(path, 'rb').read()
    if raw:
        n = len(data) // 2
        return list(struct.unpack('<%dh' % n, data[:n * 2])), 8000
    c = chunks(data)
    tag, nch, rate, _, _, bits = struct.unpack('<HHIIHH', c[b'fmt '][:16])
    frames = c[b'data']
    if tag == WAVE_PCM and bits == 16:
        samples = struct.unpack('<%dh' % (len(frames) // 2), frames)
    elif tag in LAW and bits == 8:
        samples = [LAW[tag][b] for b in frames]
    else:
        sys.exit('%s: format %d, %d bits: not 16-bit PCM, A-law or mu-law'
                 % (path, tag, bits))
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


def wav_format(path):
    c = chunks(open(path, 'rb').read())
    tag, nch, rate = struct.unpack('<HHI', c[b'fmt '][:8])
    name = {WAVE_PCM: 'pcm16', WAVE_ALAW: 'alaw', WAVE_MULAW: 'mulaw'}
    return '%s %d %d' % (name.get(tag, 'tag%d' % tag), nch, rate)


def main(argv):
    if len(argv) == 3 and argv[1] == 'format':
        print(wav_format(argv[2]))
        return
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
