//! Spellings: many short strings kept end to end in one buffer and found
//! by index, where a string each would cost an allocation to make and
//! another to free (a report has tens of thousands of distinct words).

/// Strings by index, in the order pushed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Spellings {
    text: String,
    /// Where each string ends in `text`; it starts where the one before ends.
    ends: Vec<u32>,
}

impl Spellings {
    /// Adds `s`, returning its index.
    pub fn push(&mut self, s: &str) -> u32 {
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
        (self.ends.len() - 1) as u32
    }

    /// How many strings it holds.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The string at `index`. Kept out of line: it is called from many
    /// places, and each inlined copy would carry its own bounds checks.
    #[inline(never)]
    pub fn get(&self, index: u32) -> &str {
        let index = index as usize;
        let start = if index == 0 { 0 } else { self.ends[index - 1] };
        &self.text[start as usize..self.ends[index] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_come_back_by_index() {
        let mut spellings = Spellings::default();
        let ids: Vec<u32> = ["report", "", "élan", "u.s."]
            .iter()
            .map(|s| spellings.push(s))
            .collect();
        assert_eq!(ids, [0, 1, 2, 3]);
        let back: Vec<&str> = (0..4).map(|i| spellings.get(i)).collect();
        assert_eq!(back, ["report", "", "élan", "u.s."]);
    }
}
