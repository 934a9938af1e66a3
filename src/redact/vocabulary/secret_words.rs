//! Words that name a password, in the languages of the shops' customers and
//! staff, and the words that say something about a password instead of
//! being one. Field names, prose rules and command rules read them here.

/// "Password" as a field name or in a sentence: `wachtwoord: …`,
/// `la contraseña es …`, `Passwort lautet …`.
pub(crate) const PASSWORD_NOUNS: &[&str] = &[
    "password",
    "passwd",
    "passphrase",
    "passwort",
    "kennwort",
    "senha",
    "contraseña",
    "contrasena",
    "mot de passe",
    "wachtwoord",
    "lösenord",
    "losenord",
    "hasło",
    "haslo",
    "salasana",
    "adgangskode",
    "passord",
    "şifre",
    "sifre",
    "parola",
    "heslo",
    "jelszó",
    "jelszo",
    "пароль",
    "パスワード",
    "密码",
];

/// Words between a password noun and its value in a sentence: `is`, `ist`,
/// `lautet`, `é`, `es`, `est`, `è`, `er`, `är`, `to`, `jest`.
pub(crate) const COPULAS: &[&str] = &[
    "is", "was", "of", "ist", "lautet", "war", "est", "es", "era", "é", "è", "er", "är", "var",
    "to", "jest", "on", "olarak", "je",
];

/// What a field or sentence says about a password rather than the password
/// itself: `password: incorrect`, `the password is required`.
pub(crate) const PASSWORD_STATUS_WORDS: &[&str] = &[
    "incorrect",
    "invalid",
    "wrong",
    "missing",
    "required",
    "changed",
    "updated",
    "reset",
    "expired",
    "provided",
    "saved",
    "accepted",
    "rejected",
    "denied",
    "failed",
    "mismatch",
    "blank",
    "default",
    "masked",
    "protected",
    "error",
    "strong",
    "weak",
    "medium",
    "good",
    "correct",
    "verified",
    "generated",
    "stored",
    "encrypted",
    "hashed",
    "enabled",
    "disabled",
    "optional",
    "unknown",
    "ignored",
    "skipped",
    "same",
    "different",
    "short",
    "confirm",
    "confirmed",
    "unchanged",
    "present",
    "absent",
    "given",
    "none",
    "check",
    "see",
    "ask",
    "prompt",
    "random",
    "auto",
    "env",
    "file",
    "vault",
    "keychain",
    "sent",
    "matches",
    "match",
    "ok",
    "valid",
    "used",
    "new",
    "old",
    "current",
    "set",
    "empty",
    "too",
    "not",
    "still",
    "also",
    "being",
    "been",
    "now",
    "here",
    "there",
    "below",
    "above",
    "attached",
    "unset",
    "hidden",
    "secret",
    "private",
    "personal",
    "temporary",
    "requis",
    "incorrecto",
    "falsch",
    "fout",
    "errada",
    "incorreta",
    "sbagliata",
    "yanlış",
    "geändert",
    "vergessen",
    "vergeten",
    "gewijzigd",
    "oublié",
    "modifié",
    "olvidada",
    "cambiada",
    "alterada",
    "esquecida",
    "dimenticata",
    "cambiata",
    "unutuldu",
    "değişti",
];

/// `password|passwort|mot[ \t]+de[ \t]+passe|…`: [`PASSWORD_NOUNS`] for a regex.
pub(crate) fn password_noun_alternation() -> String {
    alternation(PASSWORD_NOUNS)
}

/// `is|ist|lautet|…`: [`COPULAS`] for a regex.
pub(crate) fn copula_alternation() -> String {
    alternation(COPULAS)
}

fn alternation(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"[ \t]+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// Whether `word` says something about a password instead of being one.
pub(crate) fn is_password_status_word(word: &[u8]) -> bool {
    let lower = String::from_utf8_lossy(word).to_lowercase();
    PASSWORD_STATUS_WORDS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_words_are_matched_whatever_their_case() {
        assert!(is_password_status_word(b"Required"));
        assert!(is_password_status_word("GEÄNDERT".as_bytes()));
        assert!(!is_password_status_word(b"lingonberry"));
    }

    #[test]
    fn alternations_escape_and_join() {
        let nouns = regex::Regex::new(&format!("^(?:{})$", password_noun_alternation())).unwrap();
        assert!(nouns.is_match("mot  de passe"));
        assert!(nouns.is_match("şifre"));
        assert!(!nouns.is_match("pass"));
    }
}
