//! What a field name says about its value: `DB_PASSWORD`, `x-goog-api-key`,
//! `[billing][first_name]`, `"cohere"` inside a keys object, ...

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::redact::Kind;

/// The class of a field, from its name alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldClass {
    /// A credential whose value is secret whatever it looks like (passwords, salts).
    Password(Kind),
    /// A key or token: secret when the value looks generated.
    Secret(Kind),
    /// `Authorization`: a scheme word, then the credential.
    Authorization,
    /// The key is a provider's name (`"cohere": "..."`): a key when it looks like one.
    ProviderName(Kind),
    Name,
    /// A customer's login name or nickname in WordPress's own tables and fields.
    Login,
    /// `name` alone: a person only inside a customer record.
    BareName,
    Email,
    Phone,
    Address,
    Ip,
    Cvv,
    CardExpiry,
    CardNumber,
    Iban,
}

/// Lower-cased words of a field name, split at separators and camelCase humps.
pub(crate) fn key_words(key: &[u8]) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for &b in key {
        if b.is_ascii_alphanumeric() {
            if b.is_ascii_uppercase() && prev_lower && !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            prev_lower = b.is_ascii_lowercase() || b.is_ascii_digit();
            cur.push(b.to_ascii_lowercase() as char);
        } else {
            prev_lower = false;
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

pub(crate) use crate::redact::vocabulary::provider_of;
use crate::redact::vocabulary::{provider_field_words, service_of};

/// The eight WordPress keys and salts, recognised by name only.
const WP_SALTS: &[&str] = &[
    "AUTH_KEY",
    "SECURE_AUTH_KEY",
    "LOGGED_IN_KEY",
    "NONCE_KEY",
    "AUTH_SALT",
    "SECURE_AUTH_SALT",
    "LOGGED_IN_SALT",
    "NONCE_SALT",
];

/// Also with the prefix the official Docker image reads them under
/// (`WORDPRESS_AUTH_KEY`) or a `WP_` one.
pub(crate) fn is_wp_salt_name(key: &[u8]) -> bool {
    // Compared in place: this runs for every key of a log.
    let strip = |prefix: &[u8]| {
        (key.len() > prefix.len() && key[..prefix.len()].eq_ignore_ascii_case(prefix))
            .then(|| &key[prefix.len()..])
    };
    let bare = strip(b"WORDPRESS_")
        .or_else(|| strip(b"WP_"))
        .unwrap_or(key);
    WP_SALTS
        .iter()
        .any(|s| s.as_bytes().eq_ignore_ascii_case(bare))
}

const PASSWORD_WORDS: &[&str] = &[
    "password",
    "passwd",
    "passwort",
    "pwd",
    "pass",
    "passphrase",
    "pw",
    "mdp",
    "contrasena",
    // Redis: `requirepass`, `masterauth`.
    "requirepass",
    "masterauth",
    // The environment variable `sshpass -e` reads.
    "sshpass",
];
/// What a password is glued to in a setting's name: `dbpass`, `smtppass`,
/// `adminpwd`, `mysqlpw`, `userpass`, `newpass`. Not `old`: the shell's
/// `OLDPWD` is a folder.
const PASSWORD_OWNERS: &[&str] = &[
    "db", "database", "sql", "mysql", "pg", "mongo", "redis", "ldap", "bind", "smtp", "mail",
    "email", "imap", "pop", "ftp", "sftp", "ssh", "sudo", "root", "admin", "sa", "sys", "user",
    "usr", "login", "account", "acct", "guest", "client", "app", "api", "wp", "site", "shop",
    "store", "web", "server", "host", "proxy", "vpn", "wifi", "cpanel", "master", "new", "my",
];

/// A password word glued to what it protects, as the last word of a name
/// (see [`PASSWORD_OWNERS`]).
fn is_owned_password_word(word: &str) -> bool {
    ["pass", "pwd", "pw"].iter().any(|tail| {
        word.strip_suffix(tail)
            .is_some_and(|owner| PASSWORD_OWNERS.contains(&owner))
    })
}

const SECRET_WORDS: &[&str] = &[
    "secret",
    "secrets",
    "salt",
    "credential",
    "credentials",
    "privatekey",
    // PayPal's NVP API signs with `SIGNATURE=`; webhooks with `*-Signature`.
    "signature",
    // A signed URL's signature: Azure's shared access `sig=`.
    "sig",
];
const TOKEN_WORDS: &[&str] = &[
    "token",
    "tokens",
    "accesstoken",
    "refreshtoken",
    "authtoken",
    "bearer",
    "session",
    "sessid",
    "sessionid",
    "phpsessid",
    "sid",
    "jwt",
    "otp",
];
const KEY_WORDS: &[&str] = &[
    "key",
    "keys",
    "apikey",
    "apikeys",
    "licensekey",
    "licencekey",
];

/// What a key is for, written glued to it in lowercase names
/// (`azurestorageaccountkey`, `secretkey`): never `monkey` or `turkey`.
const GLUED_KEY_HEADS: &[&str] = &[
    "account",
    "access",
    "secret",
    "private",
    "master",
    "signing",
    "encryption",
    "client",
    "shared",
    "auth",
    "app",
    "consumer",
    "session",
    "hmac",
    "webhook",
    "subscription",
];

/// `azurestorageaccountkey`, `secretkey`, `appsecret`: one word holding a
/// key's purpose and the key.
fn is_glued_secret_key(word: &str) -> bool {
    let head = word
        .strip_suffix("keys")
        .or_else(|| word.strip_suffix("key"))
        .or_else(|| word.strip_suffix("secret"));
    head.is_some_and(|h| GLUED_KEY_HEADS.iter().any(|q| h.ends_with(q)))
}

/// Words that, last in a name, describe a secret without being one
/// (`token_type`, `password_reset`, `api_key_url`).
const META_TAILS: &[&str] = &[
    "type",
    "expires",
    "ttl",
    "length",
    "len",
    "count",
    "url",
    "uri",
    "endpoint",
    "id",
    "ids",
    "field",
    "fields",
    "hint",
    "required",
    "enabled",
    "set",
    "mode",
    "format",
    "version",
    "label",
    "header",
    "prefix",
    "method",
    "status",
    "policy",
    "stdin",
    "prompt",
    "reset",
    "lifetime",
    "path",
    "file",
    "strength",
    "rotation",
    "created",
    "updated",
    "at",
    "date",
    "time",
    "in",
    "name",
    "names",
    "source",
    "scope",
    "scopes",
    "provider",
    "model",
    "env",
    "region",
    "host",
    "port",
    "user",
    "username",
    "login",
    "algo",
    "algorithm",
    "encoding",
    "kind",
    "size",
    "action",
    "option",
    "options",
    "error",
    "errors",
    "message",
    "valid",
    "invalid",
    "exists",
    "missing",
    "placeholder",
    "description",
    "help",
    "link",
    "page",
    "form",
    "policy",
    "changed",
    "last4",
    "last",
    "masked",
    "hash",
    "hashed",
    "configured",
    "sent",
    "used",
    "expired",
    "expiration",
    "expiry",
    "to",
    "by",
    "verified",
    "check",
    "checked",
    "strategy",
    "location",
    "store",
    "storage",
    // Where secrets are kept, not one of them (`keyVault`, `secret_manager`).
    "vault",
    "vaults",
    "manager",
    "keystore",
    "keychain",
    "keyring",
    // Code and screens that handle a key (`keySelector`, `passwordInputHandler`).
    "selector",
    "selectors",
    "handler",
    "handlers",
    "listener",
    "listeners",
    "callback",
    "event",
    "events",
    "binding",
    "bindings",
    "column",
    "columns",
    "index",
    "mapping",
    "mappings",
    "comparator",
    "generator",
    "factory",
    "builder",
    "parser",
    "validator",
    "button",
    "btn",
    "icon",
    "tooltip",
    "modal",
    "dialog",
];

/// Words that end the head of a name (`in` and `on` are left out: they are
/// parts of `logged_in`, `add_on`).
const PREPOSITIONS: &[&str] = &["to", "for", "of", "from", "with", "by", "via", "per"];

/// Words before `key` that make it a lookup key rather than a credential.
const NON_SECRET_KEY_QUALIFIERS: &[&str] = &[
    "meta",
    "cache",
    "idempotency",
    "primary",
    "foreign",
    "sort",
    "partition",
    "object",
    "option",
    "lookup",
    "item",
    "row",
    "index",
    "group",
    "map",
    "public",
    "product",
    "attribute",
    "setting",
    "settings",
    "translation",
    "transient",
    "order",
    "cart",
    "i18n",
    "array",
    "dict",
    "hash",
    "unique",
    "composite",
    "cursor",
    "idempotent",
    "ssh",
    "event",
    "data",
    "bucket",
    "s3",
    "file",
    "storage",
    "shortcut",
    "hot",
    "activation",
    "registry",
    "message",
    "lang",
    "locale",
];

fn has(words: &[String], set: &[&str]) -> bool {
    words.iter().any(|w| set.contains(&w.as_str()))
}

fn ends_with(words: &[String], tail: &[&str]) -> bool {
    words.len() >= tail.len()
        && words[words.len() - tail.len()..]
            .iter()
            .zip(tail)
            .all(|(w, t)| w == t)
}

/// Every class below needs one of these fragments somewhere in the name: a
/// cheap test that spares most keys (`timestamp`, `status`, `hook`) the work.
pub(crate) fn may_be_sensitive(key: &[u8]) -> bool {
    static FRAGMENTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(
                [
                    "pass",
                    "pwd",
                    "pw",
                    "secret",
                    "signature",
                    "salt",
                    "cred",
                    "priv",
                    "token",
                    "pat",
                    "sess",
                    "sid",
                    "jwt",
                    "otp",
                    "key",
                    "auth",
                    "bearer",
                    "cookie",
                    "name",
                    "holder",
                    "recipient",
                    "mail",
                    "phone",
                    "tel",
                    "mobile",
                    "cell",
                    "fax",
                    "office",
                    "direct",
                    "switchboard",
                    "whats",
                    "msisdn",
                    "ip",
                    "addr",
                    "street",
                    "line",
                    "forwarded",
                    "cvv",
                    "cvc",
                    "csc",
                    "cvn",
                    "code",
                    "verification",
                    "exp",
                    "card",
                    "num",
                    "pan",
                    "iban",
                    "mdp",
                    "contrasena",
                    "fname",
                    "lname",
                    // Login names: `user_login`, `nickname`, `user_nicename`.
                    "login",
                    "nick",
                ]
                .into_iter()
                .chain(provider_field_words()),
            )
            .expect("key fragments build")
    });
    // One automaton pass instead of a substring search per fragment; a
    // signed URL's `sig` alone (as a fragment, it is in every `signal`).
    key.iter().any(u8::is_ascii_alphabetic)
        && (FRAGMENTS.is_match(key) || key.eq_ignore_ascii_case(b"sig"))
}

/// Classifies a field name. `None`: nothing sensitive is implied by the name.
pub(crate) fn classify(key: &[u8]) -> Option<FieldClass> {
    if key.is_empty() || key.len() > 64 {
        return None;
    }
    if is_wp_salt_name(key) {
        return Some(FieldClass::Password(Kind::WpSalt));
    }
    if let Some(class) = classify_foreign(key) {
        return Some(class);
    }
    // WooCommerce's and WordPress's own names for customer fields say what
    // they hold, even where no word of them does (`comment_author`).
    if let Some(field) = crate::redact::vocabulary::customer_field(key) {
        return classify(field.as_bytes());
    }
    if !may_be_sensitive(key) {
        return None;
    }
    if key == crate::redact::vocabulary::LOGIN_FIELD.as_bytes() {
        return Some(FieldClass::Login);
    }
    let words = key_words(key);
    if words.is_empty() {
        return None;
    }
    if let Some(class) = classify_payment(&words) {
        return Some(class);
    }
    if let Some(class) = classify_customer(&words) {
        return Some(class);
    }
    classify_credential(&words)
}

/// `Address 1`, `address_line_2`, an export's `Address 1&2`: one or two line
/// numbers after the word for an address line.
fn numbered_address_lines(words: &[String]) -> bool {
    let numbers = words
        .iter()
        .rev()
        .take_while(|w| w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
        .count();
    (1..=2).contains(&numbers)
        && words
            .len()
            .checked_sub(numbers + 1)
            .is_some_and(|i| matches!(words[i].as_str(), "address" | "line" | "street"))
}

const FOREIGN_NAMES: &[&str] = &[
    "vorname",
    "nachname",
    "nom",
    "prénom",
    "prenom",
    "nomdefamille",
    "nombre",
    "apellido",
    "apellidos",
    "nome",
    "cognome",
    "sobrenome",
    "voornaam",
    "achternaam",
    "imię",
    "imie",
    "nazwisko",
    "fornavn",
    "efternavn",
    "etternavn",
    "förnamn",
    "efternamn",
    // A form's label of two words (`Ad Soyad:`, `Nome completo:`): the
    // reader of pairs takes the word before a key ending one of these.
    "ad soyad",
    "adı soyadı",
    "nome completo",
    "nombre completo",
    "nom complet",
];
const FOREIGN_PHONES: &[&str] = &[
    "telefon",
    "telefonszám",
    "puhelin",
    "matkapuhelin",
    "telefonas",
    "tālrunis",
    "mobilni",
    "τηλέφωνο",
    "τηλ",
    "κινητό",
    "telefonnummer",
    "handy",
    "mobil",
    "mobilnummer",
    "téléphone",
    "teléfono",
    "telefono",
    "telefone",
    "celular",
    "portable",
    "telefoon",
    "mobiel",
    // Japanese and Turkish, as romanised forms write them.
    "keitai",
    "denwa",
    "denwa bangou",
    "cep",
    "cep telefonu",
    "telefon numarası",
];
const FOREIGN_ADDRESSES: &[&str] = &[
    "straße",
    "strasse",
    "anschrift",
    "adresse",
    "rue",
    "dirección",
    "direccion",
    "calle",
    "domicilio",
    "indirizzo",
    "endereço",
    "endereco",
    "logradouro",
    "straat",
    "adres",
    "ulica",
    "gatuadress",
    "gateadresse",
    "adresa",
    "adrese",
    "adresas",
    "aadress",
    "osoite",
    "katuosoite",
    "lakcím",
    "διεύθυνση",
];
// "Name" alone: a person only in a record, as the English `name`.
const FOREIGN_BARE_NAMES: &[&str] = &["naam", "navn", "namn", "nimi", "isim"];
const FOREIGN_IPS: &[&str] = &[
    "ipadresse",
    "adresseip",
    "direccionip",
    "direcciónip",
    "indirizzoip",
];

/// Column and field names of exports in other languages (`Vorname`, `Téléphone`,
/// `Straße`, `IP-Adresse`): whole names only, letters compared without case.
fn classify_foreign(key: &[u8]) -> Option<FieldClass> {
    // Most keys in a log (`10` of a timestamp, `v2.key`) fail here, before
    // anything is allocated.
    if key.len() > 24
        || !key
            .iter()
            .all(|&b| !b.is_ascii() || b.is_ascii_alphabetic() || matches!(b, b'-' | b'_' | b' '))
    {
        return None;
    }
    // ASCII names fold on the stack: this runs for nearly every key of a log.
    let mut buf = [0u8; 24];
    let folded: std::borrow::Cow<'_, str> = if key.is_ascii() {
        let mut n = 0;
        for &b in key.iter().filter(|b| b.is_ascii_alphabetic()) {
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        }
        std::borrow::Cow::Borrowed(std::str::from_utf8(&buf[..n]).ok()?)
    } else {
        fold_foreign(std::str::from_utf8(key).ok()?).into()
    };
    // One hash lookup instead of a comparison per name: nearly every key of a log lands here.
    static FOREIGN: LazyLock<HashMap<String, FieldClass>> = LazyLock::new(|| {
        let mut m = HashMap::new();
        for n in crate::redact::secret_words::PASSWORD_NOUNS {
            m.entry(fold_foreign(n))
                .or_insert(FieldClass::Password(Kind::Password));
        }
        for (names, class) in FOREIGN_FIELDS {
            for &n in names {
                m.entry(fold_foreign(n)).or_insert(class);
            }
        }
        m
    });
    FOREIGN.get(folded.as_ref()).copied()
}

/// A name as [`classify_foreign`] compares it: its letters, lowercase.
fn fold_foreign(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Labels that name a way to reach someone, most often a phone: a number
/// under one is a phone (see `keyed` and `phones`).
const CONTACT_LABELS: [&str; 5] = ["contact", "kontakt", "contacto", "contatto", "contato"];

/// Whether `word` is a contact label (`Contact`, `Kontakt.`), a trailing dot allowed.
pub(crate) fn is_contact_label(word: &[u8]) -> bool {
    let word = word.trim_ascii();
    let word = word.strip_suffix(b".").unwrap_or(word);
    CONTACT_LABELS
        .iter()
        .any(|l| word.eq_ignore_ascii_case(l.as_bytes()))
}

/// Words after a phone word that say which line it is (`Tel. kom.`,
/// Polish for a mobile; `Phone (work)`; `Tel. privat`).
const PHONE_QUALIFIERS: &[&str] = &[
    "mobile",
    "mobil",
    "cell",
    "home",
    "work",
    "office",
    "private",
    "privat",
    "priv",
    "personal",
    "business",
    "alt",
    "alternate",
    "alternative",
    "main",
    "primary",
    "secondary",
    "day",
    "evening",
    "kom",
    "komorkowy",
    "dom",
    "domowy",
    "stacjonarny",
    "handy",
    "gsm",
    "fixe",
    "portable",
    "movil",
    "celular",
    "cellulare",
    "casa",
    "lavoro",
    "nr",
    "no",
    "num",
];

const FOREIGN_FIELDS: [(&[&str], FieldClass); 5] = [
    (FOREIGN_NAMES, FieldClass::Name),
    (FOREIGN_BARE_NAMES, FieldClass::BareName),
    (FOREIGN_PHONES, FieldClass::Phone),
    (FOREIGN_ADDRESSES, FieldClass::Address),
    (FOREIGN_IPS, FieldClass::Ip),
];

/// Whether `word` ends a form's label of two words: `name`, `number` and
/// `code` (`First name`, `Phone number`, `Postal code`), the words that say
/// which phone line it is (`Tel. kom.`), and the last words of the two-word
/// names above (`Ad Soyad`, `Nome completo`).
pub(crate) fn ends_two_word_label(word: &[u8]) -> bool {
    // One hash lookup: every unquoted key after a blank is asked about.
    static HEADS: LazyLock<HashSet<String>> = LazyLock::new(|| {
        let mut heads: HashSet<String> = ["name", "number", "code"].map(String::from).into();
        heads.extend(PHONE_QUALIFIERS.iter().map(|q| q.to_string()));
        for (names, _) in FOREIGN_FIELDS {
            for n in names.iter().filter_map(|n| n.rsplit_once(' ')) {
                heads.insert(n.1.to_lowercase());
            }
        }
        heads
    });
    if word.len() > 24 {
        return false;
    }
    let mut ascii = [0u8; 24];
    let lower = if word.is_ascii() {
        ascii[..word.len()].copy_from_slice(word);
        ascii[..word.len()].make_ascii_lowercase();
        std::str::from_utf8(&ascii[..word.len()])
            .ok()
            .map(std::borrow::Cow::Borrowed)
    } else {
        std::str::from_utf8(word)
            .ok()
            .map(|w| w.to_lowercase().into())
    };
    lower.is_some_and(|w| HEADS.contains(w.as_ref()))
}

fn classify_payment(words: &[String]) -> Option<FieldClass> {
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    let last = *w.last()?;
    if matches!(last, "cvv" | "cvc" | "cvv2" | "cvc2" | "csc" | "cvn")
        || ends_with(words, &["card", "code"])
        || ends_with(words, &["security", "code"])
        || ends_with(words, &["verification", "value"])
    {
        return Some(FieldClass::Cvv);
    }
    if matches!(last, "expiry" | "expiration" | "exp")
        && (w.len() == 1 || has(words, &["card", "cc", "x", "exp"]))
        || ends_with(words, &["exp", "date"])
        || ends_with(words, &["exp", "month"])
        || ends_with(words, &["exp", "year"])
        || ends_with(words, &["expiry", "date"])
        || ends_with(words, &["expiration", "date"])
        || ends_with(words, &["card", "expiry"])
    {
        return Some(FieldClass::CardExpiry);
    }
    if ends_with(words, &["card", "number"])
        || ends_with(words, &["card", "num"])
        || ends_with(words, &["cc", "number"])
        || ends_with(words, &["cc", "num"])
        || matches!(last, "cardnumber" | "pan" | "ccnumber")
    {
        return Some(FieldClass::CardNumber);
    }
    if last == "iban" {
        return Some(FieldClass::Iban);
    }
    None
}

fn classify_customer(words: &[String]) -> Option<FieldClass> {
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    let last = *w.last()?;

    if matches!(last, "email" | "mail" | "emailaddress") || ends_with(words, &["email", "address"])
    {
        return Some(FieldClass::Email);
    }
    let is_phone_word = |w: &str| {
        matches!(
            w,
            "phone"
                | "telephone"
                | "tel"
                | "mobile"
                | "cell"
                | "cellphone"
                | "fax"
                | "whatsapp"
                | "msisdn"
                | "phonenumber"
                | "mobilephone"
                | "landline"
                | "switchboard"
                | "office"
        )
    };
    // `Tel. kom.`, `Phone (home)`, `Tel privat`: a phone word, then what
    // kind of line it is.
    // Qualifiers first: they rule out nearly every key before the lookup.
    let qualified = (2..=3).contains(&w.len())
        && w[1..].iter().all(|q| PHONE_QUALIFIERS.contains(q))
        && (is_phone_word(w[0]) || classify_foreign(w[0].as_bytes()) == Some(FieldClass::Phone));
    // `Direct: …`, `Direct line: …`, `direct dial`: a person's own line.
    let direct = words == ["direct"]
        || ends_with(words, &["direct", "line"])
        || ends_with(words, &["direct", "dial"]);
    if is_phone_word(last) || qualified || direct || ends_with(words, &["phone", "number"]) {
        return Some(FieldClass::Phone);
    }
    let ip_words = ["ip", "ipaddress", "ipv4", "ipv6", "ips"];
    if ip_words.contains(&last)
        || ends_with(words, &["ip", "address"])
        || ends_with(words, &["remote", "addr"])
        || ends_with(words, &["remote", "address"])
        || ends_with(words, &["forwarded", "for"])
        || ends_with(words, &["real", "ip"])
        || ends_with(words, &["connecting", "ip"])
    {
        return Some(FieldClass::Ip);
    }
    let not_street = [
        "ip", "email", "mac", "remote", "server", "bind", "listen", "host", "wallet", "web", "url",
        "site", "home", "admin",
    ];
    let address_tail = matches!(
        last,
        "address"
            | "address1"
            | "address2"
            | "address3"
            | "line1"
            | "line2"
            | "street"
            | "addr"
            | "streetaddress"
    ) || numbered_address_lines(words);
    if address_tail && !has(words, &not_street) {
        return Some(FieldClass::Address);
    }
    let name_tails: &[&[&str]] = &[
        &["first", "name"],
        &["last", "name"],
        &["given", "name"],
        &["family", "name"],
        &["full", "name"],
        &["middle", "name"],
        &["customer", "name"],
        &["billing", "name"],
        &["shipping", "name"],
        &["contact", "name"],
        &["recipient", "name"],
        &["payer", "name"],
        &["holder", "name"],
        &["cardholder", "name"],
        &["account", "holder"],
        &["card", "holder"],
        &["display", "name"],
        &["client", "name"],
        &["buyer", "name"],
        &["sender", "name"],
        &["person", "name"],
        &["consignee", "name"],
        &["addressee", "name"],
        &["attention", "name"],
        &["receiver", "name"],
        &["to", "name"],
        &["on", "card"],
    ];
    if name_tails.iter().any(|t| ends_with(words, t))
        || matches!(
            last,
            "surname"
                | "firstname"
                | "lastname"
                | "fullname"
                | "givenname"
                | "familyname"
                | "cardholder"
                | "holder"
                | "fname"
                | "lname"
                | "customername"
                | "recipient"
        )
    {
        return Some(FieldClass::Name);
    }
    if w.len() == 1 && last == "name" {
        return Some(FieldClass::BareName);
    }
    None
}

fn classify_credential(words: &[String]) -> Option<FieldClass> {
    // `keyVaultToStoreSecrets`, `passwordForUser`: a name's head is the part
    // before its preposition; what follows says what the head is for.
    // (Customer fields keep theirs: `ShipToName`.)
    let head = words
        .iter()
        .position(|w| PREPOSITIONS.contains(&w.as_str()))
        .filter(|&p| p > 0 && p + 1 < words.len())
        .unwrap_or(words.len());
    let words = &words[..head];
    let last = words.last()?.as_str();
    // `auth`, and `basic_auth`, `http_auth`: what an HTTP client is given.
    let auth_alone = last == "auth"
        && matches!(words, [_] | [_, _])
        && (words.len() == 1 || matches!(words[0].as_str(), "basic" | "http" | "proxy" | "digest"));
    if matches!(last, "authorization" | "authentication") || auth_alone {
        return Some(FieldClass::Authorization);
    }
    if words.len() == 1
        && let Some(kind) = provider_of(last)
        && last.len() > 2
    {
        return Some(FieldClass::ProviderName(kind));
    }
    if META_TAILS.contains(&last) {
        return None;
    }
    let provider = words.iter().find_map(|w| provider_of(w));
    let has_aws = has(words, &["aws", "s3", "amazon", "as3cf"]);
    // `pass1`, `pass2`: WordPress's password form fields.
    // `pgpassword`, `dbpasswd`: the word glued to what it protects.
    let is_password = has(words, PASSWORD_WORDS)
        || words.iter().any(|w| {
            let bare = w.trim_end_matches(|c: char| c.is_ascii_digit());
            (bare.len() < w.len() && PASSWORD_WORDS.contains(&bare))
                // A list of them: `passwords`, `admin_pwds`.
                || (w.len() >= 4 && w.strip_suffix('s').is_some_and(|one| PASSWORD_WORDS.contains(&one)))
                || (w.len() > 8 && (w.ends_with("password") || w.ends_with("passwd")))
                || is_owned_password_word(bare)
        })
        // The variable `redis-cli` reads its password from.
        || ends_with(words, &["rediscli", "auth"]);
    let is_secret = has(words, SECRET_WORDS) || ends_with(words, &["private", "key"]);
    // `AZURE_DEVOPS_PAT`, `GITHUB_PAT`: a personal access token, named by
    // its initials last after what it opens (alone, `Pat` is a name).
    let is_token = has(words, TOKEN_WORDS) || (words.len() > 1 && last == "pat");
    let key_pos = words.iter().position(|w| KEY_WORDS.contains(&w.as_str()));
    let is_key = key_pos.is_some_and(|p| {
        let qualifier = if p > 0 { words[p - 1].as_str() } else { "" };
        !NON_SECRET_KEY_QUALIFIERS.contains(&qualifier)
    }) || words.iter().any(|w| is_glued_secret_key(w));
    if !(is_password || is_secret || is_token || is_key) {
        return None;
    }
    if is_password {
        return Some(FieldClass::Password(Kind::Password));
    }
    // A secret a person chose (`WEBHOOK_SECRET`, `jwt_secret`, `secret`) is
    // as free-form as a password: a word, a phrase, symbols.
    let chosen = is_secret
        && provider.is_none()
        && (words == ["secret"]
            || has(
                words,
                &[
                    "webhook", "hook", "shared", "signing", "jwt", "session", "cookie",
                ],
            ));
    if chosen {
        return Some(FieldClass::Password(Kind::Secret));
    }
    let kind = if let Some(p) = provider {
        p
    } else if words.len() == 1 && words[0] == "signature" {
        // `USER=…&PWD=…&SIGNATURE=…`: PayPal's classic API credentials.
        Kind::PaypalSecret
    } else if has_aws && (is_secret || is_key) {
        Kind::AwsSecretKey
    } else if let Some(kind) = words.iter().find_map(|w| service_of(w)) {
        kind
    } else if has(words, &["tran", "transaction"]) && is_key {
        Kind::GatewayKey
    } else if has(words, &["salt"]) {
        Kind::WpSalt
    } else if has(
        words,
        &["session", "sessid", "sessionid", "phpsessid", "sid"],
    ) {
        Kind::Cookie
    } else if is_token {
        Kind::Token
    } else if is_secret {
        Kind::Secret
    } else {
        Kind::ApiKey
    };
    Some(FieldClass::Secret(kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(k: &str) -> Option<FieldClass> {
        classify(k.as_bytes())
    }

    #[test]
    fn numbered_address_lines_are_addresses() {
        for key in [
            "Address 1&2 (Billing)",
            "Address 1",
            "billing_address_line_2",
            "Street 1 2",
        ] {
            let key = key.trim_end_matches(" (Billing)");
            assert_eq!(classify(key.as_bytes()), Some(FieldClass::Address), "{key}");
        }
        assert_eq!(classify(b"Address 123"), None);
    }

    #[test]
    fn a_password_word_glued_to_what_it_protects() {
        for key in [
            "dbpass",
            "SMTPPASS",
            "adminpwd",
            "mysqlpw",
            "ftppass2",
            "wp_userpass",
            // A list of them.
            "passwords",
            "backup_pwds",
            "hardcodedPasswords",
        ] {
            assert_eq!(c(key), Some(FieldClass::Password(Kind::Password)), "{key}");
        }
        // A folder, and words that merely end the same way.
        for key in ["OLDPWD", "bypass", "compass", "surpass", "bypass_cache"] {
            assert_eq!(c(key), None, "{key}");
        }
    }

    #[test]
    fn words_split_on_separators_and_humps() {
        assert_eq!(key_words(b"x-goog-api-key"), ["x", "goog", "api", "key"]);
        assert_eq!(key_words(b"clientSecret"), ["client", "secret"]);
        assert_eq!(
            key_words(b"SOPHMATE_MISTRAL_API_KEY"),
            ["sophmate", "mistral", "api", "key"]
        );
    }

    #[test]
    fn credentials() {
        assert_eq!(c("DB_PASSWORD"), Some(FieldClass::Password(Kind::Password)));
        assert_eq!(
            c("WPMS_SMTP_PASS"),
            Some(FieldClass::Password(Kind::Password))
        );
        assert_eq!(c("NONCE_SALT"), Some(FieldClass::Password(Kind::WpSalt)));
        assert_eq!(c("pass1"), Some(FieldClass::Password(Kind::Password)));
        assert_eq!(c("user_pass"), Some(FieldClass::Password(Kind::Password)));
        assert_eq!(c("AUTH_KEY"), Some(FieldClass::Password(Kind::WpSalt)));
        assert_eq!(
            c("aws_secret_access_key"),
            Some(FieldClass::Secret(Kind::AwsSecretKey))
        );
        assert_eq!(c("x-goog-api-key"), Some(FieldClass::Secret(Kind::Gemini)));
        assert_eq!(c("xi-api-key"), Some(FieldClass::Secret(Kind::ElevenLabs)));
        assert_eq!(
            c("mistral_api_key"),
            Some(FieldClass::Secret(Kind::Mistral))
        );
        assert_eq!(c("x_tran_key"), Some(FieldClass::Secret(Kind::GatewayKey)));
        assert_eq!(c("Authorization"), Some(FieldClass::Authorization));
        assert_eq!(c("basic_auth"), Some(FieldClass::Authorization));
        assert_eq!(c("HTTP_AUTH"), Some(FieldClass::Authorization));
        assert_ne!(c("oauth_state"), Some(FieldClass::Authorization));
        assert_eq!(c("cohere"), Some(FieldClass::ProviderName(Kind::Cohere)));
        assert_eq!(c("key"), Some(FieldClass::Secret(Kind::ApiKey)));
        // Glued to what they protect, and in the languages of the evidence.
        assert_eq!(c("PGPASSWORD"), Some(FieldClass::Password(Kind::Password)));
        assert_eq!(
            c("SOPHMATE_WEBHOOK_SECRET"),
            Some(FieldClass::Password(Kind::Secret))
        );
        assert_eq!(c("client_secret"), Some(FieldClass::Secret(Kind::Secret)));
        assert_eq!(c("SSHPASS"), Some(FieldClass::Password(Kind::Password)));
        assert_eq!(c("wachtwoord"), Some(FieldClass::Password(Kind::Password)));
        assert_eq!(c("Şifre"), Some(FieldClass::Password(Kind::Password)));
        assert_eq!(
            c("mot de passe"),
            Some(FieldClass::Password(Kind::Password))
        );
    }

    #[test]
    fn a_key_glued_to_its_purpose_is_a_key() {
        for name in [
            "azurestorageaccountkey",
            "secretkey",
            "webhooksecret",
            "sig",
        ] {
            assert!(
                matches!(c(name), Some(FieldClass::Secret(_))),
                "{name}: {:?}",
                c(name)
            );
        }
        for name in ["monkey", "turkey", "hotkey", "keyboardkey"] {
            assert_eq!(c(name), None, "{name}");
        }
    }

    #[test]
    fn descriptions_of_secrets_are_not_secrets() {
        assert_eq!(c("token_type"), None);
        assert_eq!(c("expires_in"), None);
        assert_eq!(c("password_reset"), None);
        assert_eq!(c("idempotency_key"), None);
        assert_eq!(c("meta_key"), None);
        assert_eq!(c("request_id"), None);
        assert_eq!(c("hook"), None);
        assert_eq!(c("_wpnonce"), None);
    }

    #[test]
    fn customer_and_payment_fields() {
        assert_eq!(c("Keitai"), Some(FieldClass::Phone));
        assert_eq!(c("Cep Telefonu"), Some(FieldClass::Phone));
        assert_eq!(c("first_name"), Some(FieldClass::Name));
        assert_eq!(c("x_last_name"), Some(FieldClass::Name));
        assert_eq!(c("given_name"), Some(FieldClass::Name));
        assert_eq!(c("PersonName"), Some(FieldClass::Name));
        assert_eq!(c("ShipToName"), Some(FieldClass::Name));
        assert_eq!(c("AttentionName"), Some(FieldClass::Name));
        assert_eq!(c("CompanyName"), None);
        assert_eq!(c("methodName"), None);
        assert_eq!(c("name"), Some(FieldClass::BareName));
        assert_eq!(c("address_1"), Some(FieldClass::Address));
        assert_eq!(c("address_line_2"), Some(FieldClass::Address));
        assert_eq!(c("line1"), Some(FieldClass::Address));
        assert_eq!(c("customer_ip_address"), Some(FieldClass::Ip));
        assert_eq!(c("email_address"), Some(FieldClass::Email));
        assert_eq!(c("contact_phone"), Some(FieldClass::Phone));
        assert_eq!(c("Tel. kom."), Some(FieldClass::Phone));
        assert_eq!(c("Phone (home)"), Some(FieldClass::Phone));
        assert_eq!(c("tel_privat"), Some(FieldClass::Phone));
        assert_eq!(c("phone_verified"), None);
        assert_eq!(c("phone_country_code"), None);
        assert_eq!(c("tel_mobile_count"), None);
        assert_eq!(c("x_card_code"), Some(FieldClass::Cvv));
        assert_eq!(c("cvc"), Some(FieldClass::Cvv));
        assert_eq!(c("x_exp_date"), Some(FieldClass::CardExpiry));
        assert_eq!(c("x_card_num"), Some(FieldClass::CardNumber));
        assert_eq!(c("server_address"), None);
    }
}
