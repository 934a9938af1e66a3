//! The words customer detectors are built from and gated by: name shapes,
//! street suffixes, greetings and record headings in the languages of the
//! shops' customers, and the gate words each detector cannot match without.

use std::sync::LazyLock;

use super::gate::GateWords;

/// A capitalised name word: `Ana`, `O'Connor`, `McKenzie-Brown`, `Große-Wilde`.
const NAME_WORD: &str = r"\p{Lu}[\p{Ll}'’]*(?:\p{Lu}\p{Ll}+)?\p{Ll}(?:-\p{Lu}?[\p{Ll}'’]+)?";

/// One to four name words, with the particles names carry (`dos`, `van`, `Ó`, `Ní`).
pub(crate) static NAME: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"({NAME_WORD}(?:[ \t]+(?:(?:van|von|de|der|den|da|di|del|la|le|du|dos|das|bin|al|Ó|Ní|Mac|Nic)[ \t]+)*{NAME_WORD}){{0,3}})"
    )
});

pub(crate) const STREET_SUFFIX: &str = "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Court|Ct|Way|Crescent|Cres|Terrace|Boulevard|Blvd|Close|Gardens|Place|Pl|Square|Sq|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Trail|Row|Walk|Mews|Grove|Hill|View|Rise|Green|Heights|Alley|Path|Loop|Plaza|Ridge|Vale|Wharf|Quay|Esplanade|Parade|Hollow|Crossing|Park|Gate|Broadway|Causeway|Circuit|Promenade|Track";

/// Record headings and greetings in other languages: `Kunde #4309:`,
/// `Cliente #696:`, `Guten Tag,`, `soy`, `Sumimasen,`.
pub(crate) const INTRO_OTHER: &str = r"(?:customer|client|cliente|kunde|klant|okyakusama|kundin)[ \t]*#?\d*:|guten[ \t]+tag,?|hallo,?|hola,?|ol[áa][,!]?|bonjour,?|buongiorno,?|ciao,?|sumimasen,?|konnichiwa,?|namaste,?|soy|sou|me[ \t]+llamo|mi[ \t]+chiamo|ich[ \t]+bin|je[ \t]+suis|ik[ \t]+ben";

/// Titles before a name: `Herr`, `Sig.ra`, `Mme`.
pub(crate) const HONORIFICS: &str =
    r"herr|frau|sig\.?(?:ra)?|sr\.?|sra\.?|srta\.?|mme|mlle|m\.|dhr\.?|mevr\.?";

/// How many gate groups [`gate_words`] returns.
pub(crate) const GATE_GROUPS: usize = 6;

static STREET_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| STREET_SUFFIX.split('|').collect());

/// The words each customer detector cannot match without, in the order of
/// `customer::Gates`:
/// the lines holding them are found in one pass over a block, shared with
/// the other detectors' gates.
pub(crate) fn gate_words() -> Vec<GateWords<'static>> {
    vec![
        GateWords {
            words: &[
                "phone",
                "tel",
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
            ],
            case_insensitive: true,
            word_start: true,
            word_end: false,
            positions: false,
        },
        GateWords {
            words: &STREET_WORDS,
            case_insensitive: false,
            word_start: true,
            word_end: true,
            positions: false,
        },
        GateWords {
            words: &[
                "straße",
                "strasse",
                "str.",
                "weg",
                "gasse",
                "platz",
                "allee",
                "damm",
                "ufer",
                "gracht",
                "laan",
                "straat",
                "plein",
                "kade",
                "singel",
                "dijk",
                "steeg",
                "vej",
                "gade",
                "gatan",
                "vägen",
                "veien",
                "katu",
                "utca",
                "ulica",
                "Calle",
                "Carrer",
                "Avenida",
                "Avinguda",
                "Avda",
                "Paseo",
                "Passeig",
                "Plaza",
                "Plaça",
                "Rua ",
                "Via ",
                "Viale",
                "Piazza",
                "Corso",
                "Largo",
                "Travessa",
                "Camino",
                "Ronda",
                "rue ",
                "avenue",
                "boulevard",
                "bd ",
                "place ",
                "chemin",
                "allée",
                "impasse",
                "quai ",
                "route ",
                "cours ",
                "voie ",
            ],
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
            words: &[
                "ship", "deliver", "address", "live", "located", "send it", "moved to",
            ],
            case_insensitive: true,
            word_start: true,
            word_end: false,
            positions: false,
        },
        GateWords {
            words: &[
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
                "mr",
                "mrs",
                "ms",
                "miss",
                "dr",
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
            ],
            case_insensitive: true,
            word_start: true,
            // Every intro is a whole word ("hi", not "high" or "history").
            word_end: true,
            positions: false,
        },
    ]
}
