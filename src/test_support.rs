//! Helpers for the unit tests.

/// `count` deterministic pseudo-random strings, each of up to `max_pieces - 1` pieces
/// drawn from `alphabet` (xorshift: no dependency, the same strings on every run), for
/// differential tests of a fast path against a plain reading.
pub fn random_strings<'a>(
    seed: u64,
    count: usize,
    max_pieces: u64,
    alphabet: &'a [&'a str],
) -> impl Iterator<Item = String> + 'a {
    let mut state = seed;
    (0..count).map(move |_| {
        let mut text = String::new();
        for _ in 0..(state % max_pieces) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(alphabet[(state % alphabet.len() as u64) as usize]);
        }
        state = state.wrapping_mul(0x9e37_79b9_7f4a_7c15).wrapping_add(1);
        text
    })
}
