//! Validation of schedule IDs, which Wix requires to be GUIDs.

/// Whether `value` is a GUID in the 8-4-4-4-12 hex form (any case). Surrounding whitespace is
/// not accepted here: callers trim pasted input first and send the trimmed value.
///
/// ```
/// use calendar_connect::flow::guid::is_guid;
/// assert!(is_guid("4e0579a5-491e-4e70-a872-d097eed6e520"));
/// assert!(!is_guid("4e0579a5491e4e70a872d097eed6e520"));
/// ```
pub fn is_guid(value: &str) -> bool {
    const GROUPS: [usize; 5] = [8, 4, 4, 4, 12];
    let parts: Vec<&str> = value.split('-').collect();
    parts.len() == GROUPS.len()
        && parts
            .iter()
            .zip(GROUPS)
            .all(|(part, len)| part.len() == len && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::is_guid;

    #[test]
    fn accepts_only_8_4_4_4_12_hex() {
        let cases = [
            ("4e0579a5-491e-4e70-a872-d097eed6e520", true),
            ("4E0579A5-491E-4E70-A872-D097EED6E520", true),
            ("00000000-0000-0000-0000-000000000000", true),
            ("", false),
            ("4e0579a5-491e-4e70-a872-d097eed6e52", false),
            ("4e0579a5-491e-4e70-a872-d097eed6e5200", false),
            ("4e0579a5491e-4e70-a872-d097eed6e520", false),
            ("g e0579a5-491e-4e70-a872-d097eed6e52", false),
            ("4e0579a5-491e-4e70-a872-d097eed6e52g", false),
            ("{4e0579a5-491e-4e70-a872-d097eed6e520}", false),
            (" 4e0579a5-491e-4e70-a872-d097eed6e520", false),
            ("4e0579a5-491e-4e70-a872-d097eed6e520\n", false),
            ("4e0579a5--491e-4e70-a872-d097eed6e520", false),
            ("٤e0579a5-491e-4e70-a872-d097eed6e520", false),
        ];
        for (input, expected) in cases {
            assert_eq!(is_guid(input), expected, "{input:?}");
        }
    }
}
