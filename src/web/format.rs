//! How pages write links and read submitted forms.

/// Percent-encodes a URL component (everything but unreserved characters).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// A query string from pairs, leaving out empty values: `?a=1&b=2`, or `""`.
pub fn query(pairs: &[(&str, &str)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| format!("{key}={}", encode(value)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// A submitted form as its pairs, in order: forms whose field names are only known at
/// run time (booking questions, weekly hours, repeated guests).
#[derive(Debug, Clone, Default)]
pub struct FormData(pub Vec<(String, String)>);

impl FormData {
    /// The first value of a field, or `""`.
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map_or("", |(_, value)| value.as_str())
    }

    /// Every value of a field, in order.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .collect()
    }

    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(key, _)| key == name)
    }

    /// A whole number field; `None` when empty, `Err` when not a number.
    pub fn number(&self, name: &str) -> Result<Option<u32>, ()> {
        let value = self.get(name).trim();
        if value.is_empty() {
            Ok(None)
        } else {
            value.parse().map(Some).map_err(|_| ())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_leave_out_empty_values_and_encode() {
        assert_eq!(
            query(&[("tz", "America/New_York"), ("date", ""), ("h", "12")]),
            "?tz=America%2FNew_York&h=12"
        );
        assert_eq!(query(&[("a", "")]), "");
    }
}
