//! Month names, which dates and the notes glued to them are read by.

/// Month names, lower-cased, in calendar order.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Their usual abbreviations, lower-cased, in calendar order.
const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The month (1 to 12) a lower-cased word names, in full or abbreviated.
pub fn month_number(lower: &str) -> Option<u32> {
    let lower = if lower == "sept" { "sep" } else { lower };
    MONTHS
        .iter()
        .position(|m| *m == lower)
        .or_else(|| MONTH_ABBREVIATIONS.iter().position(|m| *m == lower))
        .map(|i| i as u32 + 1)
}
