//! Half-open intervals and normalized interval sets, with their algebra.
//!
//! An [`IntervalSet`] is always *normalized*: its intervals are non-empty, sorted by start,
//! pairwise disjoint and non-touching (two intervals that touch or overlap are merged into
//! one). Every constructor and operation keeps that invariant, so two sets that cover the
//! same points are equal (`==`).
//!
//! The engine works on Unix seconds (`IntervalSet<i64>`) for speed; the public default is
//! `IntervalSet<DateTime<Utc>>`. The algebra only needs `Ord + Copy`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A half-open interval `[start, end)`. It is empty when `end <= start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Interval<T = DateTime<Utc>> {
    pub start: T,
    pub end: T,
}

impl<T: Ord + Copy> Interval<T> {
    pub fn new(start: T, end: T) -> Self {
        Interval { start, end }
    }

    /// True when the interval contains no point (`end <= start`).
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `point` lies in `[start, end)`.
    pub fn contains(&self, point: T) -> bool {
        self.start <= point && point < self.end
    }

    /// True when every point of `other` lies in `self` (an empty `other` is contained).
    pub fn contains_interval(&self, other: &Interval<T>) -> bool {
        other.is_empty() || (self.start <= other.start && other.end <= self.end)
    }

    /// True when the two intervals share at least one point (touching is not overlapping).
    pub fn overlaps(&self, other: &Interval<T>) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A normalized set of half-open intervals (see the module docs).
///
/// Serialized as a JSON list of `{"start": …, "end": …}`; deserializing normalizes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IntervalSet<T = DateTime<Utc>> {
    intervals: Vec<Interval<T>>,
}

impl<T> Default for IntervalSet<T> {
    fn default() -> Self {
        IntervalSet {
            intervals: Vec::new(),
        }
    }
}

impl<T: Ord + Copy> IntervalSet<T> {
    /// The empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Normalizes any intervals into a set: drops empty ones, sorts, and merges intervals
    /// that overlap or touch.
    pub fn normalize(intervals: impl IntoIterator<Item = Interval<T>>) -> Self {
        let mut intervals: Vec<Interval<T>> = intervals.into_iter().collect();
        intervals.sort_unstable_by_key(|iv| iv.start);
        Self::from_sorted(intervals)
    }

    /// Builds a set from intervals already sorted by start (they may overlap, touch or be
    /// empty); merges in one pass, reusing the allocation.
    pub(crate) fn from_sorted(mut intervals: Vec<Interval<T>>) -> Self {
        debug_assert!(intervals.windows(2).all(|w| w[0].start <= w[1].start));
        let mut len = 0;
        for i in 0..intervals.len() {
            let current = intervals[i];
            if current.is_empty() {
                continue;
            }
            if len > 0 && current.start <= intervals[len - 1].end {
                if current.end > intervals[len - 1].end {
                    intervals[len - 1].end = current.end;
                }
            } else {
                intervals[len] = current;
                len += 1;
            }
        }
        intervals.truncate(len);
        IntervalSet { intervals }
    }

    /// The intervals, sorted, disjoint and non-touching.
    pub fn as_slice(&self) -> &[Interval<T>] {
        &self.intervals
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Interval<T>> {
        self.intervals.iter()
    }

    pub fn into_vec(self) -> Vec<Interval<T>> {
        self.intervals
    }

    /// Number of (maximal) intervals.
    pub fn len(&self) -> usize {
        self.intervals.len()
    }

    pub fn is_empty(&self) -> bool {
        self.intervals.is_empty()
    }

    /// Points in `self` or `other`.
    pub fn union(&self, other: &IntervalSet<T>) -> IntervalSet<T> {
        let (a, b) = (&self.intervals, &other.intervals);
        let mut merged = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            if a[i].start <= b[j].start {
                merged.push(a[i]);
                i += 1;
            } else {
                merged.push(b[j]);
                j += 1;
            }
        }
        merged.extend_from_slice(&a[i..]);
        merged.extend_from_slice(&b[j..]);
        Self::from_sorted(merged)
    }

    /// Points in both `self` and `other`.
    pub fn intersection(&self, other: &IntervalSet<T>) -> IntervalSet<T> {
        let (a, b) = (&self.intervals, &other.intervals);
        let mut out = Vec::with_capacity(a.len().min(b.len()));
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            let start = a[i].start.max(b[j].start);
            let end = a[i].end.min(b[j].end);
            if start < end {
                out.push(Interval { start, end });
            }
            if a[i].end < b[j].end {
                i += 1;
            } else {
                j += 1;
            }
        }
        // Pieces of normalized inputs are disjoint; they can touch only where the two
        // inputs' boundaries interleave, which `from_sorted` merges.
        Self::from_sorted(out)
    }

    /// Points in `self` but not in `other`.
    pub fn difference(&self, other: &IntervalSet<T>) -> IntervalSet<T> {
        let b = &other.intervals;
        let mut out = Vec::with_capacity(self.intervals.len());
        let mut j = 0;
        for interval in &self.intervals {
            let mut start = interval.start;
            let end = interval.end;
            // Skip subtrahends entirely before this interval.
            while j < b.len() && b[j].end <= start {
                j += 1;
            }
            let mut k = j;
            while k < b.len() && b[k].start < end {
                if b[k].start > start {
                    out.push(Interval {
                        start,
                        end: b[k].start,
                    });
                }
                if b[k].end > start {
                    start = b[k].end;
                }
                if start >= end {
                    break;
                }
                k += 1;
            }
            if start < end {
                out.push(Interval { start, end });
            }
        }
        IntervalSet { intervals: out }
    }

    /// Index of the first interval whose end is after `point`.
    fn first_ending_after(&self, point: T) -> usize {
        self.intervals.partition_point(|iv| iv.end <= point)
    }

    /// The maximal interval containing `point`, if any.
    pub fn interval_containing(&self, point: T) -> Option<&Interval<T>> {
        self.intervals
            .get(self.first_ending_after(point))
            .filter(|iv| iv.start <= point)
    }

    /// True when `point` is in the set.
    pub fn contains(&self, point: T) -> bool {
        self.interval_containing(point).is_some()
    }

    /// True when every point of `interval` is in the set (an empty interval is contained).
    pub fn contains_interval(&self, interval: &Interval<T>) -> bool {
        if interval.is_empty() {
            return true;
        }
        self.interval_containing(interval.start)
            .is_some_and(|iv| interval.end <= iv.end)
    }

    /// True when some point of `interval` is in the set.
    pub fn overlaps(&self, interval: &Interval<T>) -> bool {
        self.first_overlapping(interval).is_some()
    }

    /// The first (maximal) interval of the set that shares a point with `interval`.
    pub fn first_overlapping(&self, interval: &Interval<T>) -> Option<&Interval<T>> {
        if interval.is_empty() {
            return None;
        }
        self.intervals
            .get(self.first_ending_after(interval.start))
            .filter(|iv| iv.start < interval.end)
    }
}

impl<T: Ord + Copy> FromIterator<Interval<T>> for IntervalSet<T> {
    fn from_iter<I: IntoIterator<Item = Interval<T>>>(iter: I) -> Self {
        Self::normalize(iter)
    }
}

impl<'a, T> IntoIterator for &'a IntervalSet<T> {
    type Item = &'a Interval<T>;
    type IntoIter = std::slice::Iter<'a, Interval<T>>;

    fn into_iter(self) -> Self::IntoIter {
        self.intervals.iter()
    }
}

impl<T: Serialize> Serialize for IntervalSet<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.intervals.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de> + Ord + Copy> Deserialize<'de> for IntervalSet<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<Interval<T>>::deserialize(deserializer).map(IntervalSet::normalize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn iv(start: i64, end: i64) -> Interval<i64> {
        Interval { start, end }
    }

    fn set(pairs: &[(i64, i64)]) -> IntervalSet<i64> {
        IntervalSet::normalize(pairs.iter().map(|&(s, e)| iv(s, e)))
    }

    #[test]
    fn normalize_sorts_merges_touching_and_drops_empty() {
        let s = set(&[(5, 7), (1, 3), (3, 4), (10, 10), (6, 9), (12, 11)]);
        assert_eq!(s.as_slice(), &[iv(1, 4), iv(5, 9)]);
    }

    #[test]
    fn union_intersection_difference_by_example() {
        let a = set(&[(0, 10), (20, 30)]);
        let b = set(&[(5, 25), (40, 50)]);
        assert_eq!(a.union(&b).as_slice(), &[iv(0, 30), iv(40, 50)]);
        assert_eq!(a.intersection(&b).as_slice(), &[iv(5, 10), iv(20, 25)]);
        assert_eq!(a.difference(&b).as_slice(), &[iv(0, 5), iv(25, 30)]);
        assert_eq!(b.difference(&a).as_slice(), &[iv(10, 20), iv(40, 50)]);
        // A subtrahend that splits one interval into three pieces.
        let c = set(&[(2, 3), (5, 6)]);
        assert_eq!(
            a.difference(&c).as_slice(),
            &[iv(0, 2), iv(3, 5), iv(6, 10), iv(20, 30)]
        );
    }

    #[test]
    fn queries_treat_intervals_as_half_open() {
        let s = set(&[(10, 20), (30, 40)]);
        assert!(s.contains(10) && !s.contains(20) && !s.contains(25) && s.contains(39));
        assert!(s.contains_interval(&iv(10, 20)));
        assert!(!s.contains_interval(&iv(15, 31)));
        assert!(s.contains_interval(&iv(25, 25)), "empty is contained");
        assert!(!s.overlaps(&iv(20, 30)), "touching is not overlapping");
        assert!(s.overlaps(&iv(19, 21)));
        assert!(!s.overlaps(&iv(15, 15)));
        assert_eq!(s.interval_containing(35), Some(&iv(30, 40)));
    }

    #[test]
    fn serde_round_trip_normalizes() {
        let json = r#"[{"start":5,"end":9},{"start":1,"end":5}]"#;
        let s: IntervalSet<i64> = serde_json::from_str(json).unwrap();
        assert_eq!(s.as_slice(), &[iv(1, 9)]);
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"[{"start":1,"end":9}]"#
        );
    }

    #[test]
    fn works_on_instants() {
        let t = |h: u32| {
            chrono::NaiveDate::from_ymd_opt(2024, 5, 6)
                .unwrap()
                .and_hms_opt(h, 0, 0)
                .unwrap()
                .and_utc()
        };
        let a: IntervalSet = [Interval::new(t(9), t(12)), Interval::new(t(13), t(17))]
            .into_iter()
            .collect();
        let busy: IntervalSet = [Interval::new(t(11), t(14))].into_iter().collect();
        assert_eq!(
            a.difference(&busy).as_slice(),
            &[Interval::new(t(9), t(11)), Interval::new(t(14), t(17))]
        );
    }

    // ---- properties: the algebra agrees with a point-wise model on a small universe ----

    const UNIVERSE: i64 = 64;

    fn raw_intervals() -> impl Strategy<Value = Vec<Interval<i64>>> {
        prop::collection::vec((0..UNIVERSE, 0..UNIVERSE).prop_map(|(a, b)| iv(a, b)), 0..8)
    }

    fn points(s: &IntervalSet<i64>) -> Vec<bool> {
        (0..UNIVERSE).map(|p| s.contains(p)).collect()
    }

    fn model(raw: &[Interval<i64>]) -> Vec<bool> {
        (0..UNIVERSE)
            .map(|p| raw.iter().any(|i| i.contains(p)))
            .collect()
    }

    fn is_normalized(s: &IntervalSet<i64>) -> bool {
        s.as_slice().iter().all(|i| !i.is_empty())
            && s.as_slice().windows(2).all(|w| w[0].end < w[1].start)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn normalize_keeps_points_and_invariant(raw in raw_intervals()) {
            let s = IntervalSet::normalize(raw.clone());
            prop_assert!(is_normalized(&s));
            prop_assert_eq!(points(&s), model(&raw));
            // Idempotent.
            prop_assert_eq!(IntervalSet::normalize(s.as_slice().to_vec()), s);
        }

        #[test]
        fn operations_match_pointwise_model(ra in raw_intervals(), rb in raw_intervals()) {
            let (a, b) = (IntervalSet::normalize(ra.clone()), IntervalSet::normalize(rb.clone()));
            let (ma, mb) = (model(&ra), model(&rb));
            let u = a.union(&b);
            let i = a.intersection(&b);
            let d = a.difference(&b);
            for s in [&u, &i, &d] {
                prop_assert!(is_normalized(s));
            }
            for p in 0..UNIVERSE as usize {
                prop_assert_eq!(u.contains(p as i64), ma[p] || mb[p]);
                prop_assert_eq!(i.contains(p as i64), ma[p] && mb[p]);
                prop_assert_eq!(d.contains(p as i64), ma[p] && !mb[p]);
            }
        }

        #[test]
        fn algebraic_laws(ra in raw_intervals(), rb in raw_intervals(), rc in raw_intervals()) {
            let (a, b, c) = (
                IntervalSet::normalize(ra),
                IntervalSet::normalize(rb),
                IntervalSet::normalize(rc),
            );
            prop_assert_eq!(a.union(&b), b.union(&a));
            prop_assert_eq!(a.intersection(&b), b.intersection(&a));
            prop_assert_eq!(a.union(&b).union(&c), a.union(&b.union(&c)));
            prop_assert_eq!(a.intersection(&b).intersection(&c), a.intersection(&b.intersection(&c)));
            prop_assert_eq!(a.intersection(&b.union(&c)), a.intersection(&b).union(&a.intersection(&c)));
            // a \ b and a ∩ b partition a.
            prop_assert_eq!(a.difference(&b).union(&a.intersection(&b)), a.clone());
            prop_assert!(a.difference(&b).intersection(&b).is_empty());
            // De Morgan inside a universe.
            let all = IntervalSet::normalize([iv(0, UNIVERSE)]);
            prop_assert_eq!(
                all.difference(&a.union(&b)),
                all.difference(&a).intersection(&all.difference(&b))
            );
            prop_assert_eq!(a.union(&a), a.clone());
            prop_assert_eq!(a.intersection(&a), a.clone());
            prop_assert!(a.difference(&a).is_empty());
        }

        #[test]
        fn interval_queries_match_model(raw in raw_intervals(), s in 0..UNIVERSE, len in 0..16i64) {
            let set = IntervalSet::normalize(raw.clone());
            let m = model(&raw);
            let q = iv(s, (s + len).min(UNIVERSE));
            let covered: Vec<bool> = (q.start..q.end).map(|p| m[p as usize]).collect();
            prop_assert_eq!(set.contains_interval(&q), covered.iter().all(|&c| c));
            prop_assert_eq!(set.overlaps(&q), covered.iter().any(|&c| c));
            let first = set.first_overlapping(&q);
            prop_assert_eq!(first.is_some(), set.overlaps(&q));
            if let Some(found) = first {
                prop_assert!(found.overlaps(&q) && set.as_slice().contains(found));
                prop_assert!(set.iter().take_while(|iv| *iv != found).all(|iv| !iv.overlaps(&q)));
            }
        }
    }
}
