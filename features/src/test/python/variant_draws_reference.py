"""Independent check of SegmentAugmenterTest.drawsArePinned: SplitMix64, the variant seed hash and the draw
order of SegmentAugmenter.parameters, written from their descriptions in VariantRandom and SegmentAugmenter.

Run:  python3 src/test/python/variant_draws_reference.py
"""
MASK = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def seed_of(seed, track_id, segment_index, variant):
    h = mix((seed ^ GOLDEN_GAMMA) & MASK)
    for c in track_id:  # UTF-16 code units; ASCII here
        h = mix(h ^ ord(c))
    h = mix(h ^ len(track_id))
    h = mix(h ^ (segment_index & 0xFFFFFFFF))
    return mix(h ^ ((variant << 32) & MASK))


class SplitMix64:
    def __init__(self, seed):
        self.state = seed

    def next_long(self):
        self.state = (self.state + GOLDEN_GAMMA) & MASK
        return mix(self.state)

    def next_double(self):
        return (self.next_long() >> 11) * 2.0 ** -53


def parameters(seed, track_id, segment_index, variant, sr=22050, max_shift=0.5, gain=6.0, snr=(20.0, 40.0),
               semitones=2.0, deviation=0.1):
    r = SplitMix64(seed_of(seed, track_id, segment_index, variant))
    stretch_u = 2 * r.next_double() - 1
    pitch_u = 2 * r.next_double() - 1
    s = round(max_shift * sr)
    shift = r.next_long() % (2 * s + 1) - s
    gain_u = 2 * r.next_double() - 1
    snr_u = r.next_double()
    noise_seed = r.next_long()
    if noise_seed >= 1 << 63:
        noise_seed -= 1 << 64
    return ((1 + deviation) ** stretch_u, semitones * pitch_u, shift, gain * gain_u,
            snr[0] + (snr[1] - snr[0]) * snr_u, noise_seed)


if __name__ == "__main__":
    print(parameters(42, "track-7", 4, 1))
