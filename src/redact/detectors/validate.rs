//! Checks that turn a shape into a verdict: Luhn, IBAN mod-97, JWT headers, entropy.

/// Luhn checksum over ASCII digits (separators must already be removed).
pub fn luhn_valid(digits: &[u8]) -> bool {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mut sum = 0u32;
    for (i, &d) in digits.iter().rev().enumerate() {
        let mut v = u32::from(d - b'0');
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum.is_multiple_of(10)
}

/// GTIN-13 (EAN) check digit: weights 1 and 3 from the left.
pub fn ean13_valid(digits: &[u8]) -> bool {
    if digits.len() != 13 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = digits[..12]
        .iter()
        .enumerate()
        .map(|(i, &d)| u32::from(d - b'0') * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    (10 - sum % 10) % 10 == u32::from(digits[12] - b'0')
}

/// Whether a digit string starts like a card a real issuer hands out, with a
/// length that issuer uses.
pub fn card_issuer_plausible(digits: &[u8]) -> bool {
    let len = digits.len();
    let prefix = |n: usize| -> u32 {
        digits[..n.min(len)]
            .iter()
            .fold(0, |acc, &d| acc * 10 + u32::from(d - b'0'))
    };
    let p1 = prefix(1);
    let p2 = prefix(2);
    let p3 = prefix(3);
    let p4 = prefix(4);
    let p6 = prefix(6);
    match len {
        13 => p1 == 4,
        14 => (300..=305).contains(&p3) || p2 == 36 || p2 == 38 || p2 == 39,
        15 => p2 == 34 || p2 == 37 || p4 == 2131 || p4 == 1800,
        16..=19 => {
            p1 == 4
                || (51..=55).contains(&p2)
                || (2221..=2720).contains(&p4)
                || p4 == 6011
                || p2 == 65
                || (644..=649).contains(&p3)
                || (622126..=622925).contains(&p6)
                || (3528..=3589).contains(&p4)
                || p2 == 62
                || p2 == 50
                || (56..=69).contains(&p2)
                || p2 == 36
        }
        _ => false,
    }
}

/// IBAN length by country for the countries that use one (ISO 13616
/// registry, with the countries added up to 2024: Libya, Oman, Somalia …).
fn iban_length(country: &[u8]) -> Option<usize> {
    const TABLE: &[(&[u8; 2], usize)] = &[
        (b"AD", 24),
        (b"AE", 23),
        (b"AL", 28),
        (b"AT", 20),
        (b"AZ", 28),
        (b"BA", 20),
        (b"BE", 16),
        (b"BG", 22),
        (b"BH", 22),
        (b"BI", 27),
        (b"BR", 29),
        (b"BY", 28),
        (b"CH", 21),
        (b"CR", 22),
        (b"CY", 28),
        (b"CZ", 24),
        (b"DE", 22),
        (b"DJ", 27),
        (b"DK", 18),
        (b"DO", 28),
        (b"EE", 20),
        (b"EG", 29),
        (b"ES", 24),
        (b"FI", 18),
        (b"FK", 18),
        (b"FO", 18),
        (b"FR", 27),
        (b"GB", 22),
        (b"GE", 22),
        (b"GI", 23),
        (b"GL", 18),
        (b"GR", 27),
        (b"GT", 28),
        (b"HN", 28),
        (b"HR", 21),
        (b"HU", 28),
        (b"IE", 22),
        (b"IL", 23),
        (b"IQ", 23),
        (b"IS", 26),
        (b"IT", 27),
        (b"JO", 30),
        (b"KW", 30),
        (b"KZ", 20),
        (b"LB", 28),
        (b"LC", 32),
        (b"LI", 21),
        (b"LT", 20),
        (b"LU", 20),
        (b"LV", 21),
        (b"LY", 25),
        (b"MC", 27),
        (b"MD", 24),
        (b"ME", 22),
        (b"MK", 19),
        (b"MN", 20),
        (b"MR", 27),
        (b"MT", 31),
        (b"MU", 30),
        (b"NI", 28),
        (b"NL", 18),
        (b"NO", 15),
        (b"OM", 23),
        (b"PK", 24),
        (b"PL", 28),
        (b"PS", 29),
        (b"PT", 25),
        (b"QA", 29),
        (b"RO", 24),
        (b"RS", 22),
        (b"RU", 33),
        (b"SA", 24),
        (b"SC", 31),
        (b"SD", 18),
        (b"SE", 24),
        (b"SI", 19),
        (b"SK", 24),
        (b"SM", 27),
        (b"SO", 23),
        (b"ST", 25),
        (b"SV", 28),
        (b"TL", 23),
        (b"TN", 24),
        (b"TR", 26),
        (b"UA", 29),
        (b"VA", 22),
        (b"VG", 24),
        (b"XK", 20),
        (b"YE", 30),
    ];
    TABLE
        .iter()
        .find(|(c, _)| c.as_slice() == country)
        .map(|&(_, n)| n)
}

/// IBAN check: known country, its exact length, and the ISO 7064 mod-97 checksum.
/// `compact` is the IBAN without spaces.
pub fn iban_valid(compact: &[u8]) -> bool {
    if compact.len() < 15 || compact.len() > 34 {
        return false;
    }
    if iban_length(&compact[..2]) != Some(compact.len()) {
        return false;
    }
    if !compact[2..4].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mut rem: u32 = 0;
    for &c in compact[4..].iter().chain(&compact[..4]) {
        match c {
            b'0'..=b'9' => rem = (rem * 10 + u32::from(c - b'0')) % 97,
            b'A'..=b'Z' => rem = (rem * 100 + u32::from(c - b'A' + 10)) % 97,
            _ => return false,
        }
    }
    rem == 1
}

/// Decodes unpadded base64url (or standard base64); `None` on any invalid byte.
pub fn base64_decode(input: &[u8]) -> Option<Vec<u8>> {
    let trimmed: &[u8] = match input.iter().position(|&b| b == b'=') {
        Some(p) => &input[..p],
        None => input,
    };
    let mut out = Vec::with_capacity(trimmed.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &c in trimmed {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// A JWT's first segment must decode to a JSON object that names an algorithm or type.
pub fn jwt_header_valid(header_segment: &[u8]) -> bool {
    let Some(decoded) = base64_decode(header_segment) else {
        return false;
    };
    let Ok(text) = std::str::from_utf8(&decoded) else {
        return false;
    };
    let text = text.trim_start();
    text.starts_with('{') && (text.contains("\"alg\"") || text.contains("\"typ\""))
}

/// Shannon entropy in bits per byte.
pub fn shannon_entropy(s: &[u8]) -> f64 {
    if s.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &b in s {
        counts[b as usize] += 1;
    }
    let len = s.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = f64::from(c) / len;
            -p * p.log2()
        })
        .sum()
}

/// Character classes present: lower, upper, digit, other printable.
pub fn char_classes(s: &[u8]) -> u8 {
    let mut lower = false;
    let mut upper = false;
    let mut digit = false;
    let mut other = false;
    for &b in s {
        match b {
            b'a'..=b'z' => lower = true,
            b'A'..=b'Z' => upper = true,
            b'0'..=b'9' => digit = true,
            _ => other = true,
        }
    }
    u8::from(lower) + u8::from(upper) + u8::from(digit) + u8::from(other)
}

/// An AWS secret access key: forty characters of base64 with upper and lower
/// case letters and digits (`wJalr…EXAMPLEKEY` style), `/` and `+` allowed anywhere.
pub(crate) fn is_aws_secret_shape(v: &[u8]) -> bool {
    v.len() == 40
        && v.iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'+'))
        && v.iter().any(u8::is_ascii_lowercase)
        && v.iter().any(u8::is_ascii_uppercase)
        && v.iter().any(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_accepts_test_cards_and_rejects_neighbours() {
        assert!(luhn_valid(b"4242424242424242"));
        assert!(luhn_valid(b"378282246310005"));
        assert!(!luhn_valid(b"4242424242424241"));
        assert!(!luhn_valid(b""));
        assert!(!luhn_valid(b"42a2"));
    }

    #[test]
    fn issuer_prefixes() {
        assert!(card_issuer_plausible(b"4242424242424242"));
        assert!(card_issuer_plausible(b"5555555555554444"));
        assert!(card_issuer_plausible(b"2223003122003222"));
        assert!(card_issuer_plausible(b"378282246310005"));
        assert!(card_issuer_plausible(b"6011111111111117"));
        assert!(!card_issuer_plausible(b"1234567812345670"));
        assert!(!card_issuer_plausible(b"9111111111111111"));
    }

    #[test]
    fn iban_mod97() {
        assert!(iban_valid(b"GB82WEST12345698765432"));
        assert!(iban_valid(b"DE89370400440532013000"));
        assert!(!iban_valid(b"GB82WEST12345698765433"));
        assert!(!iban_valid(b"DE8937040044053201300"));
        assert!(!iban_valid(b"ZZ82WEST12345698765432"));
    }

    #[test]
    fn ibans_of_countries_registered_lately() {
        for iban in [
            "OM618100180000001299123",
            "SO211000001001000100141",
            "RU0304452522540817810538091310419",
            "YE50CBYE0001101800000000012345",
            "MN121234123456789123",
        ] {
            assert!(iban_valid(iban.as_bytes()), "{iban}");
        }
        // Each country's length, no other.
        assert!(!iban_valid(b"OM6181001800000012991234"));
        assert!(!iban_valid(b"MN12123412345678912"));
    }

    #[test]
    fn jwt_header() {
        assert!(jwt_header_valid(b"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"));
        assert!(!jwt_header_valid(b"eyJub3QiOiJhIGp3dCJ9"));
        assert!(!jwt_header_valid(b"eyJ!!"));
    }

    #[test]
    fn entropy_orders_random_above_repetitive() {
        assert!(shannon_entropy(b"aaaaaaaaaaaa") < 0.1);
        assert!(shannon_entropy(b"q8Zr2LmX0pVt7sKe") > 3.5);
    }
}
