//! Month names and years, which dates, the notes glued to them and the
//! paragraphs a chronology opens are read by.

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

/// Whether `digits` is a year of modern records, 1800 to 2199: four ASCII
/// digits, as a chronology, a date fact and a note number tell them apart.
pub fn is_year(digits: &str) -> bool {
    digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(&digits[..2], "18" | "19" | "20" | "21")
}

/// The month (1 to 12) a lower-cased word names, in full or abbreviated.
pub fn month_number(lower: &str) -> Option<u32> {
    let lower = if lower == "sept" { "sep" } else { lower };
    MONTHS
        .iter()
        .position(|m| *m == lower)
        .or_else(|| MONTH_ABBREVIATIONS.iter().position(|m| *m == lower))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_four_digits_of_modern_records() {
        for year in ["1831", "1999", "2024", "2150"] {
            assert!(is_year(year), "{year}");
        }
        for other in ["1750", "2200", "202", "20245", "20x4", "", "١٩٩٩"] {
            assert!(!is_year(other), "{other}");
        }
    }
}
