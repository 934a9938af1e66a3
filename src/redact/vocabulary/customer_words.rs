//! The words customer detectors are built from and gated by: name shapes,
//! street suffixes, greetings and record headings in the languages of the
//! shops' customers, and the gate words each detector cannot match without.

use std::sync::LazyLock;

use crate::redact::fasthash::FastSet;
use crate::redact::gate::GateWords;

/// A lowercase letter, or its JSON escape (`\u00e1`, Latin-1 and Latin Extended-A).
const LL: &str = r"(?:\p{Ll}|\\u00[dDeEfF][0-9a-fA-F]|\\u01[0-7][0-9a-fA-F])";
/// An uppercase letter, or its JSON escape (`\u00c9`).
const LU: &str = r"(?:\p{Lu}|\\u00[cC][0-9a-fA-F]|\\u00[dD][0-9a-eA-E]|\\u01[0-7][0-9a-fA-F])";

/// A capitalised name word: `Ana`, `O'Connor`, `McKenzie-Brown`, `Große-Wilde`,
/// `Rutherford-O'Brien`, `Featherstone-McAllister`, `Fern\u00e1ndez` as JSON
/// writes it. Inner capitals are let through here; `is_name_word` decides
/// which follow a name's prefix.
static NAME_WORD: LazyLock<String> = LazyLock::new(|| {
    format!(r"{LU}(?:{LL}|['’])*(?:{LU}{LL}+)?{LL}(?:-{LU}?(?:{LL}|['’]{LU}?)+(?:{LU}{LL}+)?)?")
});

/// The particles names carry, in lowercase or as records keep them:
/// `José Luis García de la Fuente`, `Daan ter Haar`, `van+'t+Hof`, `Ó Briain`.
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "del", "della", "la", "le", "du", "dos", "das",
    "do", "ter", "ten", "te", "zu", "zur", "y", "bin", "binti", "al", "el", "ní", "ó", "mac", "Ó",
    "Ní", "Nic", "Ua", "'t", "’t",
];

/// Particles elided onto the name after them: `d'Aubigné`, `dell'Acqua`, `l’Hermite`.
pub(crate) const ELIDED_PARTICLES: &[&str] =
    &["d'", "d’", "D'", "D’", "dell'", "dell’", "l'", "l’"];

/// A surname in capitals, as French and Japanese custom writes it: `DUPONT`,
/// `O'BRIEN`, `LE-GALL`, `ŁUKASIEWICZ` (the checks decide which are names, not
/// acronyms). Latin letters only: a class of every capital costs start-up.
const CAPITALS_WORD: &str = r"{C}(?:['’]?{C})+(?:-{C}(?:['’]?{C})+)?";
const LATIN_CAPITAL: &str = r"[A-ZÀ-ÖØ-Þ\x{100}-\x{17F}]";

/// One to four name words, with the particles names carry (`dos`, `van`, `Ó`,
/// `Ní`, elided `d'`) and the initials of middle names (`Richard M. Nixon`, in
/// ASCII: a class of every capital would cost every start some milliseconds);
/// any of them may be a surname in capitals (`Jean DUPONT`, `KIMURA Akiko`).
pub(crate) static NAME: LazyLock<String> = LazyLock::new(|| {
    let elided: Vec<String> = ELIDED_PARTICLES.iter().map(|p| regex::escape(p)).collect();
    format!(
        r"({w}(?:[ \t]+(?:[A-Z]\.[ \t]+)?(?:(?:{p}|Mac|\\u00d3|N\\u00ed)[ \t]+)*(?:{e})?{w}){{0,3}})",
        p = NAME_PARTICLES
            .iter()
            .map(|p| regex::escape(p))
            .collect::<Vec<_>>()
            .join("|"),
        w = format!(
            "(?:{}|{})",
            *NAME_WORD,
            CAPITALS_WORD.replace("{C}", LATIN_CAPITAL)
        ),
        e = elided.join("|"),
    )
});

pub(crate) const STREET_SUFFIX: &str = "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Court|Ct|Way|Crescent|Cres|Terrace|Boulevard|Blvd|Close|Gardens|Place|Pl|Square|Sq|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Trail|Row|Walk|Mews|Grove|Hill|View|Rise|Green|Heights|Alley|Path|Loop|Plaza|Ridge|Vale|Wharf|Quay|Esplanade|Parade|Hollow|Crossing|Park|Gate|Broadway|Causeway|Circuit|Promenade|Track";

/// Record headings and greetings in other languages: `Kunde #4309:`,
/// `Cliente #696:`, `Guten Tag,`, `soy`, `Sumimasen,`.
pub(crate) const INTRO_OTHER: &str = r"(?:customer|client|cliente|kunde|klant|okyakusama|kundin)[ \t]*#?\d*[ \t]*:|guten[ \t]+tag,?|hallo,?|hola,?|ol[áa][,!]?|bonjour,?|buongiorno,?|ciao,?|sumimasen,?|konnichiwa,?|namaste,?|me[ \t]+llamo|mi[ \t]+chiamo|ich[ \t]+bin|je[ \t]+suis|ik[ \t]+ben";

/// Self-introductions and greetings before a name, in the languages of the
/// shops' customers, lowercase (a space stands for any blanks): the gate's
/// words and the name rule's alternatives are both made from this list.
pub(crate) const INTRODUCTIONS: &[&str] = &[
    "jag heter",
    // Indian English: "Good evening, myself Sunita Subramanian".
    "myself",
    // "My name is" in the customers' languages.
    "mein name ist",
    "mon nom est",
    "il mio nome è",
    "il mio nome e",
    "me chamo",
    "ik heet",
    "jeg heter",
    "jeg hedder",
    "mit navn er",
    "mitt namn är",
    "mitt navn er",
    "nimeni on",
    "minun nimeni on",
    "mam na imię",
    "benim adım",
    "watashi no namae wa",
    "mera naam",
    "ich heiße",
    "ich heisse",
    "je m'appelle",
    "je m’appelle",
    "mi nombre es",
    "meu nome é",
    "meu nome e",
    "mijn naam is",
    "hier is",
    // "I am": `Moi, olen Ingrid …`, `Hej, jag är …`, `Olá, eu sou …`.
    "olen",
    "minä olen",
    "jag är",
    "jeg er",
    "eu sou",
    "io sono",
    "sono",
    "soy",
    "sou",
    "salve",
    "hej",
    "hei",
    "moi",
    "merhaba",
    // Turkish "it is me": `ben` alone is an English name too.
    "merhaba, ben",
    "merhaba ben",
    "selam, ben",
    "selam ben",
    "adım",
    "ad\\u0131m",
    "nazywam się",
    "jestem",
    "dzień dobry",
    "hajimemashite",
    "namaskar",
    // Who is calling or writing: "Goedemiddag, met Jasper …", "Cześć, tu …".
    "met",
    "tu",
    "ici",
    "c'est",
    "c’est",
    "aquí",
    // Formal greetings before a title or a name: `Sehr geehrte Frau Vogt`.
    "sehr geehrte",
    "sehr geehrter",
    "chère",
    "estimada",
    "estimado",
    "querida",
    "querido",
    "gentile",
    "gentilissima",
    "gentilissimo",
    "geachte",
    "prezado",
    "prezada",
    "szanowny",
    "szanowna",
    "sayın",
    "kære",
    "bästa",
    // Whom an operator's note names: `Spoke with Maria Garcia`, `Email
    // from Rosa Delgado`, `Refund requested on behalf of Chidi Okeke`.
    "spoke with",
    "spoke to",
    "talked to",
    "talked with",
    "chatted with",
    "on behalf of",
    "email from",
    "e-mail from",
    "message from",
    "mail from",
    "reply from",
    "call from",
    "callback to",
    "cc:",
    // Who a ticket or a message came from: `Reported by Hamid Karimi on …`.
    "reported by",
    "submitted by",
    "raised by",
    "opened by",
    "filed by",
    "sent by",
    // Whom a customer asks for or names: `Can I speak to Radomir Vukovic`.
    "speak to",
    "speak with",
    "talk to",
    "talk with",
    "ask for",
    "asked for",
    "put me through to",
    "transfer me to",
    "contact:",
    "contact person:",
    // A name given as the answer to a question: `What's your name? Ottilie …`.
    "your name?",
    "your full name?",
    "your first name?",
    "your last name?",
    "your surname?",
    "your family name?",
    "hier ist",
    "hier spricht",
    "här är",
    "det er",
    "qui è",
];

/// `Soy`, `Jestem`, the `Jeg` of `Jeg heter`: a word that opens a
/// self-introduction, so a capitalised one is the introduction, not the name
/// after it.
pub(crate) fn is_introduction_word(word: &str) -> bool {
    // Asked of every word a name rule finds: the first words, lowercase, once.
    static FIRST_WORDS: LazyLock<FastSet<String>> = LazyLock::new(|| {
        INTRODUCTIONS
            .iter()
            .chain(TITLES)
            .map(|intro| intro.split(' ').next().unwrap_or(intro).to_lowercase())
            .collect()
    });
    if word.len() > 24 {
        return false;
    }
    let mut buf = [0u8; 24];
    let lower: std::borrow::Cow<'_, str> = if word.is_ascii() {
        buf[..word.len()].copy_from_slice(word.as_bytes());
        buf[..word.len()].make_ascii_lowercase();
        std::borrow::Cow::Borrowed(std::str::from_utf8(&buf[..word.len()]).unwrap_or(""))
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    };
    FIRST_WORDS.contains(lower.as_ref())
}

/// Words a person opens their own things with, in the customers' languages.
const POSSESSIVES: &[&str] = &[
    "my", "mon", "ma", "mi", "mein", "meine", "mio", "mia", "meu", "minha", "mijn", "mój", "moja",
    "min",
];
/// Words that name a mailbox.
const MAILBOX_WORDS: &[&str] = &[
    "email",
    "e-mail",
    "mail",
    "address",
    "adresse",
    "courriel",
    "correo",
    "indirizzo",
    "endereço",
    "mailadres",
    "e-mailadres",
    "e-mail-adresse",
    "adres",
];

/// `my email address is info@…`, `contact me at sales@…`: the words just
/// before a mailbox give it as the writer's own, so even a role mailbox
/// (`info@`, `sales@` of a customer's small business) is theirs.
pub(crate) fn gives_own_mailbox(before: &[u8]) -> bool {
    // The window may open inside a character: it is read lossily.
    let lower = String::from_utf8_lossy(before).to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '(' | '"'))
        .filter(|w| !w.is_empty())
        .collect();
    let n = words.len();
    // `… me at`, `… me on`, `… me via`, `… me:`.
    let to_me = n >= 1 && matches!(words[n - 1], "me" | "moi" | "mich" | "mij")
        || n >= 2
            && matches!(words[n - 2], "me" | "moi" | "mich" | "mij")
            && matches!(
                words[n - 1],
                "at" | "on" | "via" | "à" | "a" | "unter" | "op"
            );
    // A possessive, a mailbox word, then at most a copula: `my email address is`.
    let owned = words
        .iter()
        .rposition(|w| MAILBOX_WORDS.contains(w))
        .is_some_and(|m| {
            n - m <= 3
                && words[m.saturating_sub(3)..m]
                    .iter()
                    .any(|w| POSSESSIVES.contains(w))
        });
    to_me || owned
}

/// `billing_email: admin@…`, `set_billing_email( 'info@…' )`,
/// `"customerEmail":"sales@…"`: the field names a customer's mailbox, so a
/// role mailbox there is a customer's (a business buying from the shop).
pub(crate) fn names_customer_mailbox_field(before: &[u8]) -> bool {
    let words = field_words(before);
    let has = |set: &[&str]| words.iter().any(|w| set.contains(&w.as_str()));
    has(&["billing", "shipping", "customer", "buyer", "payer"]) && has(&["email", "mail", "e"])
}

/// `"email": admin@…`, `<td>admin@…`: no field, or one that names a
/// mailbox and not whose it is (as `receiver_email`, `from` do).
pub(crate) fn names_no_owner(before: &[u8]) -> bool {
    field_words(before)
        .iter()
        .all(|w| matches!(w.as_str(), "email" | "mail" | "e" | "address" | "mailto"))
}

/// The words of the field name that ends `before` (`billing_email: `).
fn field_words(before: &[u8]) -> Vec<String> {
    let trimmed = before.trim_ascii_end();
    let key_end = trimmed.len()
        - trimmed
            .iter()
            .rev()
            .take_while(|b| {
                matches!(
                    b,
                    b':' | b'=' | b'>' | b'"' | b'\'' | b'(' | b']' | b' ' | b'\t'
                )
            })
            .count();
    let key = &trimmed[..key_end];
    let key_start = key
        .iter()
        .rposition(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')))
        .map_or(0, |p| p + 1);
    crate::redact::keys::key_words(&key[key_start..])
}

/// How far before a mailbox its record is looked for: a billing object or
/// an address block is a few hundred bytes.
const RECORD_WINDOW: usize = 1024;

/// Keys that make a record a customer's: their name and address fields.
const CUSTOMER_RECORD_KEYS: &[&[u8]] = &[
    b"first_name",
    b"last_name",
    b"firstname",
    b"lastname",
    b"address_1",
    b"address1",
    b"postcode",
];

/// Names of a customer's record: `"billing": {`, `[shipping] => Array (`.
const CUSTOMER_RECORD_NAMES: &[&[u8]] = &[b"billing", b"shipping", b"customer"];

/// Whether `record` (lowercase) holds `key` as a key: followed by `:`,
/// `=` or `=>`, past a closing quote or bracket.
fn holds_key(record: &[u8], key: &[u8]) -> bool {
    memchr::memmem::find_iter(record, key).any(|p| {
        let after = &record[p + key.len()..];
        let rest = after
            .iter()
            .position(|b| !matches!(b, b'"' | b'\'' | b']' | b' ' | b'\t'))
            .map_or(&[][..], |i| &after[i..]);
        matches!(rest.first(), Some(b':' | b'='))
    })
}

/// Whether the mailbox at `text[at..]` sits in a customer's record, where
/// even a role mailbox (`admin@`, `info@` of a business customer) is the
/// customer's: in the object (`{…}`, PHP's `Array (…)`) of their name and
/// address fields, in an `<address>` block, in a paragraph under a
/// `Billing` or `Shipping` heading, or after the customer's name and number
/// as WooCommerce lists them (`Jeroen Sormani (#14 - admin@…)`).
pub(crate) fn in_customer_record(text: &[u8], at: usize) -> bool {
    let from = at.saturating_sub(RECORD_WINDOW);
    let before = &text[from..at];
    let line = memchr::memrchr(b'\n', before).map_or(before, |p| &before[p + 1..]);
    listed_with_number(line)
        || in_customer_object(before)
        || in_address_block(before)
        || under_customer_heading(before, from == 0)
}

/// `Jeroen Sormani (#14 - `: WooCommerce's customer, number then mailbox.
fn listed_with_number(line: &[u8]) -> bool {
    let listed = line.trim_ascii_end();
    let Some(head) = (listed.strip_suffix(b"-")).or_else(|| listed.strip_suffix("–".as_bytes()))
    else {
        return false;
    };
    memchr::memrchr(b'(', head).is_some_and(|open| {
        head[open + 1..]
            .trim_ascii_end()
            .strip_prefix(b"#")
            .is_some_and(|n| !n.is_empty() && n.iter().all(u8::is_ascii_digit))
    })
}

/// The innermost object (`{…}`, PHP's `Array (…)`) still open at the end
/// of `before` holds a customer's name or address fields, or is named as a
/// customer's (`"billing": {`).
fn in_customer_object(before: &[u8]) -> bool {
    let mut depth = 0usize;
    let Some(open) = before.iter().rposition(|&b| match b {
        b'}' | b')' => {
            depth += 1;
            false
        }
        b'{' | b'(' if depth == 0 => true,
        b'{' | b'(' => {
            depth -= 1;
            false
        }
        _ => false,
    }) else {
        return false;
    };
    // An object of data, not a page: a brace of a script or a style sheet
    // far above is no record.
    let record = &before[open..];
    if (record.windows(2)).any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/')) {
        return false;
    }
    // The last word before the opener, past PHP's `Array` or `array(3)`.
    let name = before[open.saturating_sub(40)..open].to_ascii_lowercase();
    let named = name
        .split(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
        .rfind(|w| !w.is_empty() && *w != b"array" && !w.iter().all(u8::is_ascii_digit))
        .is_some_and(|w| {
            CUSTOMER_RECORD_NAMES
                .iter()
                .any(|n| memchr::memmem::find(w, n).is_some())
        });
    let record = record.to_ascii_lowercase();
    named || CUSTOMER_RECORD_KEYS.iter().any(|k| holds_key(&record, k))
}

/// An `<address>` element still open at the end of `before`.
fn in_address_block(before: &[u8]) -> bool {
    memchr::memmem::rfind(before, b"<address")
        .is_some_and(|tag| memchr::memmem::find(&before[tag..], b"</address").is_none())
}

/// The paragraph `before` ends in (after a blank line, or opening the text
/// when `opens_text`) is headed `Billing…` or `Shipping…`.
fn under_customer_heading(before: &[u8], opens_text: bool) -> bool {
    let blank = memchr::memmem::rfind(before, b"\n\n");
    if blank.is_none() && !opens_text {
        return false;
    }
    let paragraph = blank.map_or(before, |p| &before[p + 2..]);
    let heading = paragraph.split(|&b| b == b'\n').next().unwrap_or_default();
    let heading = heading.trim_ascii().to_ascii_lowercase();
    // A heading of a few words: `Billing`, `Shipping address:`.
    heading.len() <= 32
        && (heading.iter()).all(|&b| b.is_ascii_alphabetic() || matches!(b, b' ' | b':'))
        && (heading.starts_with(b"billing") || heading.starts_with(b"shipping"))
}

/// Sign-offs a customer writes, alone on a line, above their name (or before
/// it on the same line), lowercase.
pub(crate) const SIGN_OFFS: &[&str] = &[
    "regards",
    "best regards",
    "kind regards",
    "warm regards",
    "many thanks",
    "thanks",
    "thank you",
    "best",
    "cheers",
    "speak soon",
    "talk soon",
    "take care",
    "best wishes",
    "all the best",
    "sincerely",
    "yours sincerely",
    "groetjes",
    "met vriendelijke groet",
    "mit freundlichen grüßen",
    "viele grüße",
    "liebe grüße",
    "grüße",
    "danke",
    "merci",
    "cordialement",
    "bien à vous",
    "saludos",
    "un saludo",
    "gracias",
    "atentamente",
    "cumprimentos",
    "atenciosamente",
    "obrigado",
    "obrigada",
    "grazie",
    "saluti",
    "cordiali saluti",
    "tack",
    "hälsningar",
    "med vänliga hälsningar",
    "mvh",
    "pozdrawiam",
    "saygılarımla",
    "teşekkürler",
];

/// The words the phone rule of `customer` spells out, as gate words.
const PHONE_INTROS: &[&str] = &[
    "phone",
    "fax",
    "landline",
    "switchboard",
    "direct",
    "office",
    "tel",
    "tél",
    "mobile",
    "cell",
    "whatsapp",
    "whats app",
    "celular",
    "móvil",
    "movil",
    "telefon",
    "handy",
    "denwa",
    "portable",
    "numéro",
    "numero",
    "nummer",
    "unter",
    "changed to",
    "sms",
    "call",
    "reach",
    "text",
    "ring",
    "number",
];

/// Words before a phone number in the languages of the shops' customers,
/// lowercase: the gate's words and the phone rule's alternatives.
pub(crate) const PHONE_INTRODUCTIONS: &[&str] = &[
    "ring mig på",
    "mitt nummer",
    "mobilnummer",
    "telefonnummer",
    "telefonum",
    "telefon numaram",
    "numaram",
    "mój numer to",
    "mój numer",
    "numer telefonu",
    "appelez-moi au",
    "appelez le",
    "appelez au",
    "rappelez-moi au",
    "contactez-moi au",
    "mon numéro",
    "joignable au",
    "chiamami al",
    "chiamate il",
    "chiamare il",
    "llame al",
    "llamar al",
    // The imperative with its pronoun glued on: "llámeme al …".
    "llámeme al",
    "llámame al",
    "llámenos al",
    "llameme al",
    "llamame al",
    "chiamatemi al",
    "chiamatemi allo",
    "scrivetemi al",
    "scrivimi al",
    "contattatemi al",
    "contattami al",
    "escríbame al",
    "escríbeme al",
    "escreva para",
    "appelle-moi au",
    "rufen sie mich unter",
    "ruf mich unter",
    "bel me op",
    "bel mij op",
    "ligue para",
    "ligar para",
    "bel naar",
    "erreichbar unter",
    "anrufen unter",
    // The verb alone, before a colon or the number: "Bitte vorher anrufen: …".
    "anrufen",
    "zurückrufen",
    "rückruf",
    "rückrufnummer",
    "appeler",
    "rappeler",
    "llamar",
    "chiamare",
    "richiamare",
    "bellen",
    "terugbellen",
    "ligar",
    "dzwonić",
    "zadzwoń pod",
    "zadzwoń na",
    "dzwonić pod",
    "dzwonić na",
    "dzwoń pod",
    "kontakt pod",
    "pod numerem",
    "beni arayın",
    "ring me på",
    "il mio numero è",
    "cellulare",
    "mi número es",
    "me ligue no",
    "meu número é",
    "mijn nummer is",
    "ruf mich an unter",
    "meine nummer",
    "tlf.",
    "tlf",
    "tfn",
    "puh.",
    "puhelin",
    "mob.",
    "mob",
    "ph.",
    "contact no",
];

/// Text-message services and channels: on their log lines the recipient
/// (`to=`, `recipient:`) is a phone however it is written.
pub(crate) const MESSAGING_WORDS: &[&str] = &[
    "sms",
    "whatsapp",
    "twilio",
    "vonage",
    "nexmo",
    "messagebird",
    "plivo",
    "sinch",
    "clickatell",
    "textlocal",
    "telnyx",
];

/// Who is to be reached and where, after any channel: `<verb> me on`,
/// `<verb> us back at`, `drop me a text at` (`customer::CONTACT_ME_ON`). Gate
/// words for those phrases, whatever the verb: `message` and `contact` alone
/// are on most lines of a log.
pub(crate) const CONTACT_OBJECTS: &[&str] = &[
    "me on",
    "me at",
    "me via",
    "me back",
    "me a ",
    "me an ",
    "us on",
    "us at",
    "us via",
    "us back",
    "us a ",
    "us an ",
    "him on",
    "him at",
    "him via",
    "him back",
    "her on",
    "her at",
    "her via",
    "her back",
    "them on",
    "them at",
    "them via",
    "them back",
];

/// The words of the phone group of the gate.
static PHONE_GATE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&str> = PHONE_INTROS.to_vec();
    for w in PHONE_INTRODUCTIONS
        .iter()
        .chain(MESSAGING_WORDS)
        .chain(CONTACT_OBJECTS)
    {
        if !words.contains(w) {
            words.push(w);
        }
    }
    words
});

/// An alternation of phrases for a regex: each escaped, its spaces any blanks.
pub(crate) fn phrase_alternation(phrases: &[impl AsRef<str>]) -> String {
    phrases
        .iter()
        .map(|p| regex::escape(p.as_ref()).replace(' ', r"[ \t]+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// Words after a name that say the writer gives theirs: "Harriet MacLeod here".
pub(crate) const NAME_TAILS: &[&str] = &[
    "here",
    "speaking",
    "hier",
    "aquí",
    "qui",
    // What an operator's note says a person did: `Ana Lima placed order …`.
    "says",
    "said",
    "wrote",
    "replied",
    "asked",
    "complained",
    "reported",
    "confirmed",
    "mentioned",
    "placed",
    "ordered",
    "paid",
    "emailed",
];

/// Japanese in romaji after the writer's name: "ISHIKAWA Kenji to mōshimasu".
pub(crate) const JAPANESE_NAME_TAILS: &[&str] = &[
    "to mōshimasu",
    "to moushimasu",
    "to mooshimasu",
    "to moshimasu",
    "to iimasu",
    "desu",
];

/// Japanese honorifics glued to a name: `Tanaka-san`, `ISHIKAWA-sama`.
pub(crate) const JAPANESE_HONORIFICS: &[&str] = &["san", "sama", "kun", "chan", "sensei", "dono"];

/// What a line must hold for the Japanese name rule to read it: a tail after a
/// blank, or an honorific after a hyphen.
static JAPANESE_NAME_GATE: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let tails = JAPANESE_NAME_TAILS.iter().map(|t| leaked(format!(" {t}")));
    let honorifics = JAPANESE_HONORIFICS.iter().map(|h| leaked(format!("-{h}")));
    tails.chain(honorifics).collect()
});

/// [`NAME_TAILS`] after the blank that parts them from the name.
static NAME_TAIL_GATE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| NAME_TAILS.iter().map(|t| leaked(format!(" {t}"))).collect());

/// The words of the name group of the gate: the intros written into
/// [`gate_words`], then [`INTRODUCTIONS`] and [`SIGN_OFFS`]. ([`NAME_TAILS`]
/// are looked for apart: `here` is on too many lines to gate the intros.)
static NAME_GATE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&str> = NAME_INTROS.to_vec();
    for w in INTRODUCTIONS.iter().chain(SIGN_OFFS).chain(TITLES) {
        if !words.contains(w) {
            words.push(w);
        }
    }
    words
});

/// The intros the name rule of `customer` spells out, as gate words.
const NAME_INTROS: &[&str] = &[
    "name is",
    "this is",
    "i'm",
    "i’m",
    "i am",
    "it's",
    "regards",
    "thanks",
    "thank you",
    "dear",
    "hi",
    "hello",
    "hey",
    "sorry",
    "customer",
    "client",
    "requested by",
    "ordered by",
    "placed by",
    "signed",
    "cheers",
    "best",
    "sincerely",
    "attn",
    "attention",
    "c/o",
    "kunde",
    "kundin",
    "klant",
    "cliente",
    "okyakusama",
    "guten tag",
    "hallo",
    "hola",
    "olá",
    "ola",
    "bonjour",
    "buongiorno",
    "ciao",
    "sumimasen",
    "konnichiwa",
    "namaste",
    "soy",
    "sou",
    "me llamo",
    "mi chiamo",
    "ich bin",
    "je suis",
    "ik ben",
    "my partner",
    "my wife",
    "my husband",
    "my son",
    "my daughter",
    "my mum",
    "my mom",
    "my mother",
    "my father",
    "my dad",
    "my brother",
    "my sister",
    "my colleague",
    "my neighbour",
    "my neighbor",
    "my friend",
    "my flatmate",
    "my roommate",
    "my fiance",
    "my fiancee",
    "my fiancé",
    "my fiancée",
    "my boyfriend",
    "my girlfriend",
    "my assistant",
];

/// Titles before a surname, lowercase, without their dot: `Mr. May`,
/// `Frau Vogt`, `Sig.ra Bianchi`, `Mme Roux`, `Dhr. Jansen`. Each opens a name
/// as an introduction does; after one, a capitalised word is a surname even
/// where it is a word too (`Herr Koch`).
pub(crate) const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "herr", "frau", "madame", "monsieur", "mme", "mlle", "señor",
    "señora", "sr", "sra", "srta", "signor", "signora", "sig", "sig.ra", "senhor", "senhora",
    "dhr", "mevr", "meneer", "mevrouw",
];

/// Titles after a greeting (`Dear Frau Vogt`): [`TITLES`], and `M.`.
pub(crate) static HONORIFICS: LazyLock<String> = LazyLock::new(|| {
    let titles = TITLES.iter().map(|t| format!(r"{}\.?", regex::escape(t)));
    titles
        .chain([r"m\.".to_string()])
        .collect::<Vec<_>>()
        .join("|")
});

/// How many gate groups [`gate_words`] returns.
pub(crate) const GATE_GROUPS: usize = 17;

/// Where each group of [`gate_words`] sits.
pub(crate) struct Gates;

impl Gates {
    pub const PHONE: usize = 0;
    pub const STREET: usize = 1;
    pub const STREET_FOREIGN: usize = 2;
    pub const EMAIL: usize = 3;
    pub const ADDRESS: usize = 4;
    pub const NAME: usize = 5;
    pub const UNIT: usize = 6;
    pub const JAPAN: usize = 7;
    pub const STREET_PREPOSITION: usize = 8;
    pub const STREET_ABBREVIATION: usize = 9;
    pub const RECORD_HEADING: usize = 10;
    pub const PHONE_LABEL: usize = 11;
    pub const SQL: usize = 12;
    pub const PAREN_PHONE: usize = 13;
    pub const NAME_TAIL: usize = 14;
    pub const JAPANESE_NAME: usize = 15;
    /// A position group: [`Gates::NAME`]'s words where they start.
    pub const NAME_AT: usize = 16;
}

/// Street types written after the street's name, glued to it or as a word of
/// their own (`Lindenstraße 4`, `Weißenseer Weg 33a`, `Norregata 50`), in lowercase.
pub(crate) const STREET_TYPES_AFTER: &[&str] = &[
    "straße", "strasse", "str.", "weg", "gasse", "platz", "allee", "damm", "ufer", "gracht",
    "laan", "straat", "plein", "kade", "singel", "dijk", "steeg", "vej", "gade", "gatan", "gata",
    "gaten", "vägen", "väg", "veien", "vegen", "gränd", "stræde", "torget", "katu", "utca",
    "ulica",
];

/// Street types after the name only as a word of their own: glued, `ring`
/// would end `String 5`.
pub(crate) const STREET_TYPES_OWN_WORD: &[&str] = &["ring", "chaussee", "steig", "pfad", "markt"];

/// Street types written before the name: Romance (`Calle Mayor 140`,
/// `Rua Sete de Setembro 199`), Polish (`ul. Mickiewicza 139/27`), Romanian
/// (`Strada Lipscani 12`), South Slavic (`Ulica grada Vukovara 5`), Greek
/// (`Οδός Ερμού 15`, `Leof. Kifisias 124`) and Cyrillic (`ул. Ленина 5`).
pub(crate) const STREET_TYPES_BEFORE: &[&str] = &[
    "Calle",
    "Carrer",
    "Avenida",
    "Avinguda",
    "Avda.",
    "Avda",
    "Av.",
    "Cl.",
    "Paseo",
    "Passeig",
    "Plaza",
    "Plaça",
    "Pza.",
    "Praça",
    "Rua",
    "Via",
    "Viale",
    "Piazza",
    "Corso",
    "Largo",
    "Travessa",
    "Alameda",
    "Estrada",
    "Rodovia",
    "Camino",
    "Ronda",
    "Ctra.",
    "ul.",
    "al.",
    "os.",
    "Strada",
    "Str.",
    "Bulevardul",
    "Bd.",
    "Calea",
    "Șoseaua",
    "Soseaua",
    "Şoseaua",
    "Aleea",
    "Splaiul",
    "Intrarea",
    "Ulica",
    "Trg",
    "Οδός",
    "Οδ.",
    "Λεωφόρος",
    "Λεωφ.",
    "Πλατεία",
    "Odos",
    "Leoforos",
    "Leof.",
    "ул.",
    "улица",
    "бул.",
    "булевард",
    "бульвар",
    "пр.",
    "проспект",
    "пл.",
    "вул.",
    "вулиця",
    "пер.",
    "переулок",
];

/// Street types written in lowercase as a word of their own between the
/// street's name and its number, as Hungarian, Estonian, Latvian,
/// Lithuanian, Czech, Slovak and South Slavic addresses do (`Kossuth Lajos
/// utca 12.`, `Pärnu mnt 22`, `Brīvības iela 40`, `Gedimino pr. 9`). Not
/// Hungarian `sor` or Estonian `tee`: English has them (`Cotton tee 2`).
pub(crate) const STREET_TYPES_LOWER_BETWEEN: &[&str] = &[
    "utca",
    "u.",
    "út",
    "útja",
    "tér",
    "tere",
    "körút",
    "krt.",
    "köz",
    "sétány",
    "fasor",
    "rakpart",
    "tänav",
    "tn",
    "tn.",
    "maantee",
    "mnt",
    "mnt.",
    "puiestee",
    "pst",
    "pst.",
    "põik",
    "väljak",
    "iela",
    "gatve",
    "bulvāris",
    "prospekts",
    "gatvė",
    "g.",
    "prospektas",
    "pr.",
    "alėja",
    "třída",
    "nábřeží",
    "náměstí",
    "nám.",
    "ulice",
    "ulica",
    "cesta",
    "trg",
    "ul.",
];

/// Turkish street types after the name, with the door and flat after them
/// (`Atatürk Cad. No:71 D:12`).
pub(crate) const TURKISH_STREET_TYPES: &[&str] = &[
    "Cad.", "Caddesi", "Cd.", "Sok.", "Sokak", "Sokağı", "Sk.", "Bulvarı", "Blv.", "Bul.",
];

/// French street types after the number: `12 rue de la Paix`.
pub(crate) const FRENCH_STREET_TYPES: &[&str] = &[
    "rue",
    "avenue",
    "boulevard",
    "bd",
    "place",
    "chemin",
    "allée",
    "impasse",
    "quai",
    "route",
    "cours",
    "voie",
];

/// The words of the gate group of foreign streets: every type above (the
/// short French and Romance ones with the blank after them, so that `place`
/// in prose is not every line).
static STREET_FOREIGN_GATE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&'static str> = STREET_TYPES_AFTER.to_vec();
    // Between blanks, as the rules read them: `ring` alone is in `string`,
    // `sk.` in `task.`.
    words.extend(
        STREET_TYPES_OWN_WORD
            .iter()
            .map(|w| leaked(format!(" {w} "))),
    );
    words.extend(TURKISH_STREET_TYPES.iter().map(|w| leaked(format!(" {w}"))));
    words.extend(
        STREET_TYPES_LOWER_BETWEEN
            .iter()
            .map(|w| leaked(format!(" {w} "))),
    );
    words.extend(
        STREET_TYPES_BEFORE
            .iter()
            .filter(|w| !w.ends_with('.') && w.len() > 2)
            .map(|w| leaked(format!("{w} "))),
    );
    words.extend(FRENCH_STREET_TYPES.iter().map(|w| leaked(format!("{w} "))));
    words
});

/// The words of the gate group of abbreviated street types, written with
/// their case: `C/ Mayor 215`, `Av. Paulista`, `ul. Długa 5`.
static STREET_ABBREVIATION_GATE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words = vec!["C/", "C\\/"];
    // With the blank the rule reads after them: `os.` alone is in `os.path`.
    words.extend(
        STREET_TYPES_BEFORE
            .iter()
            .filter(|w| w.ends_with('.'))
            .map(|w| leaked(format!("{w} "))),
    );
    words
});

/// The word for an address as a label before one, in the customers'
/// languages other than English, lowercase (`Aadress: Tartu mnt 83`). Not
/// Hungarian `cím` alone: it is a title too.
pub(crate) const FOREIGN_ADDRESS_LABELS: &[&str] = &[
    "adresse",
    "endereço",
    "dirección",
    "indirizzo",
    "juusho",
    "anschrift",
    "adres",
    "adresa",
    "adrese",
    "adresas",
    "aadress",
    "osoite",
    "lakcím",
    "szállítási cím",
    "számlázási cím",
    "διεύθυνση",
];

/// The words of the address gate group: the English phrases the intro
/// rule reads, the foreign labels, and their capitalised forms where the
/// gate cannot fold case (it folds ASCII only: `Διεύθυνση`).
static ADDRESS_GATE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words = vec![
        "ship", "deliver", "address", "live", "located", "send it", "moved to", "i am at",
    ];
    for label in FOREIGN_ADDRESS_LABELS {
        words.push(label);
        let capitalised = capitalised(label);
        if !capitalised.eq_ignore_ascii_case(label) {
            words.push(leaked(capitalised));
        }
    }
    words
});

/// `weg` → `Weg`, `διεύθυνση` → `Διεύθυνση`.
pub(crate) fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A gate word made at start-up: built once, it must outlive every gate
/// built from it.
fn leaked(word: String) -> &'static str {
    Box::leak(word.into_boxed_str())
}

/// Words for a flat or unit before the rest of its address (`Flat 275, …`).
pub(crate) const UNIT_WORDS: &[&str] = &[
    "Apartment",
    "Apt",
    "Flat",
    "Plot",
    "Villa",
    "Unit",
    "Suite",
    "Apto",
    "Appartement",
    "Wohnung",
];

/// The words of an address's unit, floor, staircase and door, in lowercase,
/// without their dot: `3. Stock links`, `Stiege 2/Top 7`, `Bât. B, Appt 12`,
/// `Piso 4, Puerta B`, `Scala C Interno 5`, `apto 152`, `lgh 1102`.
pub(crate) const UNIT_LINE_WORDS: &[&str] = &[
    // English
    "apt",
    "apartment",
    "flat",
    "unit",
    "suite",
    "ste",
    "floor",
    "fl",
    "level",
    "lvl",
    "building",
    "bldg",
    "block",
    "blk",
    "room",
    "rm",
    "tower",
    "wing",
    "door",
    // German, Austrian, Swiss
    "stock",
    "stockwerk",
    "og",
    "eg",
    "dg",
    "ug",
    "etage",
    "stiege",
    "top",
    "tür",
    "whg",
    "wohnung",
    "hinterhaus",
    "vorderhaus",
    "seitenflügel",
    "gartenhaus",
    "haus",
    // French
    "bât",
    "bat",
    "bâtiment",
    "batiment",
    "appartement",
    "appt",
    "app",
    "étage",
    "etg",
    "escalier",
    "porte",
    "résidence",
    "residence",
    "lot",
    // Spanish, Portuguese
    "piso",
    "planta",
    "puerta",
    "pta",
    "escalera",
    "esc",
    "bajo",
    "ático",
    "portal",
    "bloque",
    "local",
    "apto",
    "ap",
    "casa",
    "bloco",
    "bl",
    "sala",
    "andar",
    "lote",
    "loja",
    "fundos",
    "cj",
    "bis",
    "ter",
    // Italian
    "scala",
    "interno",
    "int",
    "piano",
    "palazzina",
    // Dutch, Nordic, Polish, Turkish
    "hoog",
    "huis",
    "lgh",
    "tr",
    "vån",
    "lok",
    "m",
    "piętro",
    "daire",
    "kat",
    "blok",
];

/// Which side of a landing a door is on: `3. Stock links`, `2º izq`.
pub(crate) const SIDE_WORDS: &[&str] = &[
    "links",
    "rechts",
    "mitte",
    "left",
    "right",
    "rear",
    "front",
    "gauche",
    "droite",
    "izq",
    "izda",
    "izquierda",
    "dcha",
    "dcho",
    "derecha",
    "esq",
    "esquerdo",
    "dto",
    "direito",
    "sinistra",
    "destra",
    "hinten",
    "vorne",
    "th",
    "tv",
];

/// Indian house numbers, the label opening the address:
/// `H.No. 6-5-210/B, Road No. 13, Jubilee Hills` (a blank may follow a dot).
pub(crate) const HOUSE_NUMBER_LABELS: &[&str] =
    &["H.No", "House No", "Plot No", "Door No", "D.No", "Flat No"];

/// Marks of a house number opening an address line (`No. 88, 6th Main
/// Road`, `Nº 12, Rua Augusta`), besides `#`: alone on a line they say
/// little, so the street after them must be named.
pub(crate) const HOUSE_NUMBER_MARKS: &[&str] = &["No.", "No", "Nº", "N°", "№"];

static UNIT_GATE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words = UNIT_WORDS.to_vec();
    words.extend(HOUSE_NUMBER_LABELS);
    words.extend(HOUSE_NUMBER_MARKS);
    // `H. No`: the blank the rule allows after a label's dot.
    words.extend(
        HOUSE_NUMBER_LABELS
            .iter()
            .filter(|l| l.contains('.'))
            .map(|l| leaked(l.replace('.', ". "))),
    );
    words
});

static STREET_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| STREET_SUFFIX.split('|').collect());

/// The street suffixes as written and in capitals, as a shipping label or
/// a postal service's normalised address writes them (`123 MAIN ST APT 4`).
static STREET_GATE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let upper = STREET_WORDS.iter().map(|w| leaked(w.to_ascii_uppercase()));
    STREET_WORDS.iter().copied().chain(upper).collect()
});

/// Headings over a record written one value a line (`Billing`, `Lieferadresse`),
/// in lowercase.
pub(crate) const RECORD_HEADINGS: &[&str] = &[
    "billing",
    "shipping",
    "billing address",
    "shipping address",
    "billing details",
    "shipping details",
    "ship to",
    "bill to",
    "deliver to",
    "delivery address",
    "rechnungsadresse",
    "lieferadresse",
    "adresse de livraison",
    "adresse de facturation",
    "dirección de envío",
    "endereço de entrega",
    "indirizzo di spedizione",
];

/// Labels of the person a parcel goes to, their name after the label and
/// their address on the lines below (`Recipient: Emre Kaya`), in lowercase.
pub(crate) const ADDRESSEE_LABELS: &[&str] = &[
    "recipient",
    "ship to",
    "deliver to",
    "consignee",
    "empfänger",
    "destinataire",
    "destinatario",
    "destinatário",
    "alıcı",
    "ontvanger",
    "mottagare",
    "mottaker",
    "modtager",
    "odbiorca",
    "vastaanottaja",
];

/// The words of the record group of the gate: headings and addressee labels.
static RECORD_GATE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&str> = RECORD_HEADINGS.to_vec();
    words.extend(
        ADDRESSEE_LABELS
            .iter()
            .filter(|w| !RECORD_HEADINGS.contains(w)),
    );
    words
});

/// Labels alone on their line with the number on the next (`Phone:`), in lowercase.
pub(crate) const PHONE_LABELS: &[&str] = &[
    "phone",
    "telephone",
    "mobile",
    "tel",
    "tel.",
    "telefon",
    "téléphone",
    "teléfono",
    "telefone",
    "celular",
    "handy",
    "phone number",
    "mobile number",
];

/// Words that name a street or a quarter where a unit's address goes on
/// (`Flat 12, Lake View Layout`): the street suffixes and their Indian and
/// Nigerian kin.
pub(crate) fn is_street_word(w: &str) -> bool {
    const MORE: &[&str] = &[
        "Layout", "Nagar", "Marg", "Colony", "Enclave", "Sector", "Phase", "Estate", "Cross",
        "Close", "Court", "Mews",
    ];
    STREET_WORDS.contains(&w) || MORE.contains(&w)
}

/// Relatives and others a customer names beside their own details
/// (`my partner Tadhg on 089 …`).
pub(crate) const RELATIONS: &str = r"partner|wife|husband|son|daughter|mum|mom|mother|father|dad|brother|sister|colleague|neighbou?r|friend|flatmate|roommate|fianc[ée]e?|boyfriend|girlfriend|assistant";

/// The words each customer detector cannot match without, in the order of
/// `customer::Gates`:
/// the lines holding them are found in one pass over a block, shared with
/// the other detectors' gates.
pub(crate) fn gate_words() -> Vec<GateWords<'static>> {
    vec![
        GateWords {
            words: &PHONE_GATE_WORDS,
            case_insensitive: true,
            word_start: true,
            word_end: false,
            positions: false,
        },
        GateWords {
            words: &STREET_GATE_WORDS,
            case_insensitive: false,
            word_start: true,
            word_end: true,
            positions: false,
        },
        GateWords {
            words: &STREET_FOREIGN_GATE_WORDS,
            case_insensitive: true,
            word_start: false,
            word_end: false,
            positions: false,
        },
        GateWords {
            words: &["@", "%40"],
            case_insensitive: false,
            word_start: false,
            word_end: false,
            positions: false,
        },
        GateWords {
            words: &ADDRESS_GATE_WORDS,
            case_insensitive: true,
            word_start: true,
            word_end: false,
            positions: false,
        },
        name_gate(false),
        GateWords {
            words: &UNIT_GATE_WORDS,
            case_insensitive: false,
            word_start: true,
            word_end: true,
            positions: false,
        },
        // Japanese addresses: the postal mark, `chome`, the ward and city
        // suffixes, and the word for address in romaji.
        GateWords {
            words: &[
                "〒", "chome", "-ku", "-shi", "-gun", "juusho", "jusho", "jūsho", "住所",
            ],
            case_insensitive: true,
            word_start: false,
            word_end: false,
            positions: false,
        },
        GateWords {
            words: &[
                "Am",
                "Im",
                "Zum",
                "Zur",
                "An der",
                "An den",
                "Auf der",
                "Auf dem",
                "In der",
                "In den",
                "Unter den",
                "Hinter der",
                "Vor dem",
            ],
            case_insensitive: false,
            word_start: true,
            word_end: true,
            positions: false,
        },
        GateWords {
            words: &STREET_ABBREVIATION_GATE_WORDS,
            case_insensitive: false,
            word_start: true,
            word_end: false,
            positions: false,
        },
        // Records written one value a line (a copy of an admin screen): a
        // heading or a label alone on its line, the values on the lines after.
        GateWords {
            words: &RECORD_GATE_WORDS,
            case_insensitive: true,
            word_start: true,
            word_end: false,
            positions: false,
        },
        GateWords {
            words: PHONE_LABELS,
            case_insensitive: true,
            word_start: true,
            word_end: false,
            positions: false,
        },
        // SQL that looks a customer up: `CONCAT(first_name, ' ', last_name) LIKE '%…%'`.
        GateWords {
            words: &["like", "concat("],
            case_insensitive: true,
            word_start: true,
            word_end: false,
            positions: false,
        },
        // A phone in brackets after a name and a space: `Chiara (+39 02 …)`,
        // `Ana ((839) 608-4187)`; not the `hook.php(123)` of a stack trace.
        GateWords {
            words: &[
                " (+", " ((", " (0", " (1", " (2", " (3", " (4", " (5", " (6", " (7", " (8", " (9",
                "\t(+", "\t((", "\t(0", "\t(1", "\t(2", "\t(3", "\t(4", "\t(5", "\t(6", "\t(7",
                "\t(8", "\t(9",
            ],
            case_insensitive: false,
            word_start: false,
            word_end: false,
            positions: false,
        },
        GateWords {
            words: &NAME_TAIL_GATE_WORDS,
            case_insensitive: false,
            word_start: false,
            word_end: false,
            positions: false,
        },
        GateWords {
            words: &JAPANESE_NAME_GATE,
            case_insensitive: false,
            word_start: false,
            word_end: false,
            positions: false,
        },
        // The name group's words again, where each starts: the intro rule
        // is tried there, not at every word of the lines they gate.
        name_gate(true),
    ]
}

/// The intros before a name, as the lines holding one or where each starts.
fn name_gate(positions: bool) -> GateWords<'static> {
    GateWords {
        words: &NAME_GATE_WORDS,
        case_insensitive: true,
        word_start: true,
        // Every intro is a whole word ("hi", not "high" or "history").
        word_end: true,
        positions,
    }
}
