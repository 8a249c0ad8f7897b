//! Work split over the cores natively and done in one piece on WASM: the one
//! place that knows which, so the pipeline is written once for both. Every
//! caller's results are independent of how the work is split, so the two
//! give the same output (tests/determinism.rs checks it natively).

use std::ops::Range;

/// Ranges per thread: more than one, so a thread that finishes its share
/// early takes over part of a slower one's.
const RANGES_PER_THREAD: usize = 4;

/// How many threads the work can use: the current rayon pool's, or one.
fn threads() -> usize {
    #[cfg(not(target_arch = "wasm32"))]
    {
        rayon::current_num_threads()
    }
    #[cfg(target_arch = "wasm32")]
    {
        1
    }
}

/// `f()`, run on a thread of the pool where there is one. Work that `f`
/// splits is then taken up by the pool's other threads as soon as it is
/// split, instead of each split waking the pool from outside while the
/// calling thread waits; on WASM, just `f()`.
pub fn in_pool<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    #[cfg(not(target_arch = "wasm32"))]
    if threads() > 1 && rayon::current_thread_index().is_none() {
        return rayon::scope(|_| f());
    }
    f()
}

/// `(a(), b())`, with `b` run at the same time on another thread where
/// there is one. `a` runs on the calling thread, so give it the work whose
/// memory outlives the call or is large: another thread's freed memory is
/// not reused by this one.
pub fn join<A, B, RA, RB>(a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA,
    B: FnOnce() -> RB + Send,
    RB: Send,
{
    #[cfg(not(target_arch = "wasm32"))]
    if threads() > 1 {
        let mut rb = None;
        let ra = rayon::in_place_scope(|scope| {
            scope.spawn(|_| rb = Some(b()));
            a()
        });
        return (ra, rb.expect("the scope ran b"));
    }
    (a(), b())
}

/// Contiguous ranges covering `0..n`, of at least `min_len` items each
/// (but never fewer than one range), enough of them to keep every thread
/// busy: just `0..n` with one thread.
pub fn ranges(n: usize, min_len: usize) -> Vec<Range<usize>> {
    let threads = threads();
    let parts = if threads > 1 {
        (threads * RANGES_PER_THREAD).min(n / min_len.max(1)).max(1)
    } else {
        1
    };
    (0..parts)
        .map(|i| i * n / parts..(i + 1) * n / parts)
        .collect()
}

/// Where to cut `n` items in two, so that both halves are worked on at the
/// same time: `n` itself (all in the first half) with one thread, or with
/// fewer than `min_len` items a half.
pub fn halfway(n: usize, min_len: usize) -> usize {
    if threads() > 1 && n >= 2 * min_len {
        n / 2
    } else {
        n
    }
}

/// `f` of each part, in order, at the same time where threads allow; a lone
/// part, or every part where there is one thread, is done on the calling
/// thread, so its memory stays there.
pub fn map_parts<P, T, F>(parts: Vec<P>, f: F) -> Vec<T>
where
    P: Send,
    T: Send,
    F: Fn(P) -> T + Sync + Send,
{
    #[cfg(not(target_arch = "wasm32"))]
    if parts.len() > 1 && threads() > 1 {
        use rayon::prelude::*;
        return parts.into_par_iter().map(f).collect();
    }
    parts.into_iter().map(f).collect()
}

/// `f` of each of `items`, in order, each writing its outputs (none, one
/// or several) where the item stood: contiguous runs of at least `min_len`
/// items at the same time where threads allow, on WASM one loop.
pub fn flat_map<T, U, F>(items: Vec<T>, min_len: usize, f: F) -> Vec<U>
where
    T: Send,
    U: Send,
    F: Fn(T, &mut Vec<U>) + Sync + Send,
{
    let run = |items: Vec<T>| {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            f(item, &mut out);
        }
        out
    };
    #[cfg(not(target_arch = "wasm32"))]
    {
        let split = ranges(items.len(), min_len);
        if split.len() > 1 {
            let mut rest = items;
            let mut runs: Vec<Vec<T>> = split
                .iter()
                .rev()
                .map(|r| rest.split_off(r.start))
                .collect();
            runs.reverse();
            let done = map_parts(runs, run);
            let mut out = Vec::with_capacity(done.iter().map(Vec::len).sum());
            for part in done {
                out.extend(part);
            }
            return out;
        }
    }
    #[cfg(target_arch = "wasm32")]
    let _ = min_len;
    run(items)
}

/// [`map_parts`] of two lists of parts at once, one hand-over for both,
/// handed back apart.
pub fn map_two<P, T, F>(first: Vec<P>, mut second: Vec<P>, f: F) -> (Vec<T>, Vec<T>)
where
    P: Send,
    T: Send,
    F: Fn(P) -> T + Sync + Send,
{
    let split = first.len();
    let mut parts = first;
    parts.append(&mut second);
    let mut done = map_parts(parts, f);
    let second = done.split_off(split);
    (done, second)
}

/// `slice` cut into consecutive pieces of `stride` items for each item of
/// each range (the ranges cover the slice's items in order), so that each
/// part of the work writes only its own.
pub fn split_mut<'a, T>(
    slice: &'a mut [T],
    ranges: &[Range<usize>],
    stride: usize,
) -> Vec<&'a mut [T]> {
    let mut pieces = Vec::with_capacity(ranges.len());
    let mut rest = slice;
    for range in ranges {
        let (piece, tail) = rest.split_at_mut(range.len() * stride);
        pieces.push(piece);
        rest = tail;
    }
    pieces
}

/// `f` of each of `0..n`, in order, over the ranges of [`ranges`], each
/// range with its own working state from `init`. The output is allocated
/// once, by the calling thread, and each range fills its own part.
pub fn map_each<T, S, I, F>(n: usize, min_len: usize, init: I, f: F) -> Vec<T>
where
    T: Default + Send,
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, usize) -> T + Sync + Send,
{
    let mut out: Vec<T> = std::iter::repeat_with(T::default).take(n).collect();
    let ranges = ranges(n, min_len);
    let parts = ranges.iter().cloned().zip(split_mut(&mut out, &ranges, 1));
    map_parts(parts.collect(), |(range, slots)| {
        let mut state = init();
        for (i, slot) in range.zip(slots) {
            *slot = f(&mut state, i);
        }
    });
    out
}
