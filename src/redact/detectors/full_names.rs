//! A person's full name in prose with no word to introduce it: `I emailed
//! Peter Novak yesterday`, `Forwarded to Tomasz Kowalski in billing`, `John
//! Oliver is a comedian`. A capitalised pair is as often a place, a team or a
//! product (`Front Desk`, `San Diego`, `Mollie Payments`), so the first word
//! must be a known given name, the words after it must read as surnames, and
//! no word of a place or a business may stand in or around them.

use crate::redact::Kind;
use crate::redact::addresses::starts_word;
use crate::redact::byteclass::for_each_blank_before_capital;
use crate::redact::customer_words::{
    ELIDED_PARTICLES, NAME_PARTICLES, STREET_SUFFIX, STREET_TYPES_BEFORE,
};
use crate::redact::fasthash::FastSet;
use crate::redact::given_names::is_given_name;
use crate::redact::scan::{Candidate, Priority};
use crate::redact::values::{is_name_word, is_not_name, looks_person_name};

use std::sync::LazyLock;

/// Words after the given name, at most: `María del Carmen García López`.
const MAX_WORDS_AFTER: usize = 4;

/// The longest of [`NAME_PARTICLES`], in bytes (`della`, `binti`).
const LONGEST_PARTICLE: usize = 5;

/// `found`: what the other customer rules found in `text`. Where one of them
/// found something else (an address, a phone) over a name read here, theirs
/// stands: they read the context, this rule reads two words.
pub(crate) fn detect(text: &[u8], found: &[&[Candidate]]) -> Vec<Candidate> {
    let mut names = Vec::new();
    let mut taken_to = 0;
    for_each_blank_before_capital(text, |blank| {
        if blank < taken_to {
            return;
        }
        let Some(given) = given_name_before(text, blank) else {
            return;
        };
        if given.start >= taken_to
            && let Some(end) = full_name_at(text, given.start, given.end)
        {
            names.push(given.start..end);
            taken_to = end;
        }
    });
    if names.is_empty() {
        return Vec::new();
    }
    let mut others: Vec<(usize, usize)> = found
        .iter()
        .flat_map(|list| list.iter())
        .filter(|c| c.kind != Kind::Name)
        .map(|c| (c.start, c.end))
        .collect();
    others.sort_unstable();
    // The longest span so far, so that a span starting before a name and
    // covering it is seen however the others lie.
    let mut reach = 0;
    let reaches: Vec<usize> = others
        .iter()
        .map(|&(_, e)| {
            reach = reach.max(e);
            reach
        })
        .collect();
    names
        .into_iter()
        .filter(|name| {
            // The spans starting before the name's end: the last of them
            // reaching past its start overlaps it.
            let before_end = others.partition_point(|&(s, _)| s < name.end);
            before_end == 0 || reaches[before_end - 1] <= name.start
        })
        .map(|name| {
            let rule = "name-by-given-name";
            Candidate::new(name.start, name.end, Kind::Name, rule, Priority::Heuristic)
        })
        .collect()
}

/// The capitalised word before the blank at `blank` that may be a given
/// name, back past particles (`María del Carmen`) and an elided one
/// (`Gaëlle d'Aubigné`, where `blank` is the apostrophe).
fn given_name_before(text: &[u8], blank: usize) -> Option<std::ops::Range<usize>> {
    // A given name, a particle and an elided one end on a small letter:
    // `PHP Warning` is turned away before any word is read.
    if blank == 0 || text[blank - 1].is_ascii_uppercase() {
        return None;
    }
    let mut end = blank;
    if text[blank] == b'\'' {
        let start = word_start(text, blank);
        let elided = &text[start..=blank];
        if start == 0
            || text[start - 1] != b' '
            || !ELIDED_PARTICLES.iter().any(|p| p.as_bytes() == elided)
        {
            return None;
        }
        end = start - 1;
    }
    for _ in 0..MAX_WORDS_AFTER {
        let start = word_start(text, end);
        let word = &text[start..end];
        let first = *word.first()?;
        if first.is_ascii_uppercase() || first >= 0xC3 {
            return (word_at(text, start).end == end).then_some(start..end);
        }
        let particle = word.len() <= LONGEST_PARTICLE
            && std::str::from_utf8(word).is_ok_and(|w| NAME_PARTICLES.contains(&w));
        if !particle || start == 0 || text[start - 1] != b' ' {
            return None;
        }
        end = start - 1;
    }
    None
}

/// Where the word ending at `end` starts: back over letters, and an inner
/// hyphen or apostrophe (`Jean-Pierre`).
fn word_start(text: &[u8], end: usize) -> usize {
    let mut start = end;
    while start > 0 {
        let b = text[start - 1];
        let inner = matches!(b, b'-' | b'\'')
            && start < end
            && start >= 2
            && (text[start - 2].is_ascii_alphabetic() || text[start - 2] >= 0x80);
        if b.is_ascii_alphabetic() || b >= 0x80 || inner {
            start -= 1;
        } else {
            break;
        }
    }
    start
}

/// The end of the full name whose given name is `text[start..given_end]`.
fn full_name_at(text: &[u8], start: usize, given_end: usize) -> Option<usize> {
    // A blank, then a capital or a particle (`María del Carmen`), after a
    // given name: the cheap tests first, they turn away most words.
    let next = *text.get(given_end + 1)?;
    if text[given_end] != b' ' || !(next.is_ascii_alphabetic() || next >= 0xC3) {
        return None;
    }
    let given = std::str::from_utf8(&text[start..given_end]).ok()?;
    let first_part = given.split('-').next().unwrap_or(given);
    if !(is_given_name(given) || is_given_name(first_part)) || !starts_word(text, start) {
        return None;
    }
    if !(next.is_ascii_uppercase() || next >= 0xC3) {
        let word = word_at(text, given_end + 1);
        let particle = std::str::from_utf8(&text[word]).is_ok_and(|w| {
            NAME_PARTICLES.contains(&w) || ELIDED_PARTICLES.iter().any(|p| w.starts_with(p))
        });
        if !particle {
            return None;
        }
    }
    if word_before(text, start).is_some_and(opens_a_place) {
        return None;
    }
    // The ends of the surnames read after the given name, particles between.
    let mut surname_ends: Vec<usize> = Vec::new();
    let mut pos = given_end;
    for _ in 0..MAX_WORDS_AFTER {
        if text.get(pos) != Some(&b' ') {
            break;
        }
        let word = word_at(text, pos + 1);
        let w = std::str::from_utf8(&text[word.clone()]).ok()?;
        // `Richard M. Nixon`: a middle name's initial.
        let initial = w.len() == 1
            && w.as_bytes()[0].is_ascii_uppercase()
            && text.get(word.end) == Some(&b'.');
        if initial {
            pos = word.end + 1;
            continue;
        }
        // `Sakura Trading`, `Ganesh Temple`: the pair names no person.
        if is_place_or_business(w) {
            return None;
        }
        // `Riccardo Fontana Piazza Verdi 12`: an address starts after the name.
        if w.is_empty() || opens_a_place(w) {
            break;
        }
        let bare = ELIDED_PARTICLES
            .iter()
            .find_map(|p| w.strip_prefix(p))
            .unwrap_or(w);
        if is_name_word(bare) && !is_not_name(w) {
            surname_ends.push(word.end);
        } else if !NAME_PARTICLES.contains(&w) {
            break;
        }
        pos = word.end;
    }
    let &last = surname_ends.last()?;
    let blank_after = text.get(last) == Some(&b' ');
    let after = blank_after.then(|| word_at(text, last + 1));
    let after = after.map_or("", |a| std::str::from_utf8(&text[a]).unwrap_or(""));
    // `Peter Jones Department Store`: a business's name after all.
    if is_place_or_business(after) {
        return None;
    }
    let next_byte = text.get(last + 1).copied().unwrap_or(b'\n');
    // `Vento sp. z o.o.`, `s.r.o.`: a company's form, abbreviated, after its name.
    let abbreviation_after = after.starts_with(|c: char| c.is_lowercase())
        && text.get(last + 1 + after.len()) == Some(&b'.');
    // More words follow that are not the sentence's (`Birgit Vogelsang
    // Kolibri UG`, `Joanna Kowalczyk Vento sp. z o.o.`, `Joost Visser
    // Wilgenweg 163`): where the name ends is not known, so it is the given
    // name and one surname.
    let more_follows = blank_after
        && (next_byte.is_ascii_uppercase()
            || next_byte >= 0xC3
            || next_byte.is_ascii_digit()
            || abbreviation_after);
    let name_end = if more_follows { surname_ends[0] } else { last };
    looks_person_name(&text[start..name_end]).then_some(name_end)
}

/// The word starting at `at`: letters, with an inner apostrophe or hyphen
/// (`O'Brien`, `Jean-Luc`, `D’Amico`).
fn word_at(text: &[u8], at: usize) -> std::ops::Range<usize> {
    let mut end = at;
    while end < text.len() {
        let b = text[end];
        if b.is_ascii_alphabetic() {
            end += 1;
        } else if b >= 0x80 {
            // A letter beyond ASCII, or `’`; anything else ends the word.
            let len = utf8_len(b);
            let Some(c) = text
                .get(end..end + len)
                .and_then(|s| std::str::from_utf8(s).ok())
                .and_then(|s| s.chars().next())
            else {
                break;
            };
            if !(c.is_alphabetic() || c == '’') {
                break;
            }
            end += len;
        } else if (b == b'\'' || b == b'-')
            && end > at
            && text
                .get(end + 1)
                .is_some_and(|n| n.is_ascii_alphabetic() || *n >= 0xC3)
        {
            end += 1;
        } else {
            break;
        }
    }
    // A closing `’` is the sentence's quote, not the name's.
    while text[at..end].ends_with("’".as_bytes()) {
        end -= "’".len();
    }
    at..end
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        _ => 2,
    }
}

/// The word just before `start`, past one blank.
fn word_before(text: &[u8], start: usize) -> Option<&str> {
    let before = text[..start].strip_suffix(b" ")?;
    let from = before
        .iter()
        .rposition(|b| !(b.is_ascii_alphabetic() || *b == b'.' || *b >= 0x80))
        .map_or(0, |p| p + 1);
    std::str::from_utf8(&before[from..]).ok()
}

/// Words before a name that make it a place's or a saint's: `San Diego`,
/// `Santa Maria`, `Fort William`, `Lake Louise`, `St. Patrick`, `Via Verdi`.
fn opens_a_place(word: &str) -> bool {
    #[rustfmt::skip]
    const PLACE_OPENERS: &[&str] = &[
        "San", "Santa", "Santo", "São", "Sao", "Saint", "Sainte", "St", "St.", "Ste", "Ste.",
        "Sankt", "Fort", "Ft.", "Port", "Porto", "Puerto", "Mount", "Mt", "Mt.", "Monte", "Mont",
        "Lake", "Lago", "Cape", "Cabo", "Los", "Las", "La", "Le", "Les", "El", "Il", "Lo", "New",
        "North", "South", "East", "West", "Upper", "Lower", "Old", "Great", "Little", "Royal",
        "Queen", "King", "Prince", "Lady", "Lord", "Holy", "Camp", "Glen", "Bay", "Isle", "Villa",
        "Ciudad", "Rio", "Río", "Val", "Valle", "Bad", "Rue", "Avenue", "Boulevard", "Place",
        "Platz", "Park", "Parc", "Hotel", "Hospital", "University", "College", "School",
        "Church", "Club", "Project", "Operation", "Hurricane", "Storm", "Typhoon", "Radio",
    ];
    // Street types written before the street's name: `Via Giuseppe Verdi`.
    PLACE_OPENERS.contains(&word) || STREET_TYPES_BEFORE.contains(&word)
}

/// A word that names a place, a business, a product or a date, never a
/// surname: `Peter Jones Ltd`, `Jordan Valley`, `Amelia Booking`, `Jan Feb`.
fn is_place_or_business(word: &str) -> bool {
    static SET: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
        STREET_SUFFIX
            .split('|')
            .chain(PLACE_AND_BUSINESS_WORDS.iter().copied())
            .collect()
    });
    SET.contains(word)
}

#[rustfmt::skip]
const PLACE_AND_BUSINESS_WORDS: &[&str] = &[
    // Places.
    "Airport", "Station", "Terminal", "Hotel", "Hostel", "Inn", "Hospital", "Clinic",
    "University", "College", "School", "Academy", "Institute", "Church", "Cathedral", "Chapel",
    "Abbey", "Museum", "Gallery", "Theatre", "Theater", "Library", "Hall", "House", "Centre",
    "Center", "Tower", "Bridge", "Beach", "Island", "Islands", "Lake", "River", "Valley",
    "Mountain", "Mountains", "Forest", "Falls", "County", "City", "Town", "Village", "District",
    "Province", "State", "Region", "Harbour", "Harbor", "Port", "Point", "Office", "Warehouse",
    "Branch", "Depot", "Store", "Shop", "Market", "Mall", "Outlet", "Farm", "Farms", "Estate",
    "Straße", "Strasse", "Platz", "Bahnhof", "Temple", "Mosque", "Shrine", "Gurdwara",
    "Monastery", "Palace", "Castle", "Garden", "Stadium", "Arena", "Residency", "Residence",
    "Apartments", "Towers", "Colony", "Nagar", "Layout", "Enclave", "Complex", "Bazaar",
    "Junction", "Chowk", "Marg",
    // Businesses and what they are called.
    "Cup", "Trophy", "Award", "Awards", "Prize", "Foundation", "Trust", "Fund", "Group",
    "Holdings", "Partners", "Partnership", "Associates", "Consulting", "Solutions", "Systems",
    "Technologies", "Labs", "Studio", "Studios", "Media", "Digital", "Design", "Designs",
    "Agency", "Bank", "Insurance", "Capital", "Ventures", "Industries", "Enterprises", "Brands",
    "Co", "Company", "Corporation", "Club", "Society", "Association", "Foods", "Kitchen",
    "Bakery", "Cafe", "Café", "Restaurant", "Bar", "Pub", "Boutique", "Salon", "Spa", "Fitness",
    "Gym", "Pharmacy", "Motors", "Garage", "Winery", "Brewery", "Department", "Trading",
    "Traders", "Imports", "Exports", "Supplies", "Logistics", "Retail", "Wholesale",
    "Distribution", "Goods", "Crafts", "Works", "Interiors", "Electronics", "Textiles",
    "Apparel", "Clothing", "Fashion", "Jewellery", "Jewelry", "Beauty", "Cosmetics", "Health",
    "Care", "Energy", "Construction", "Builders", "Properties", "Realty", "Homes", "Travel",
    "Tours", "Events", "Photography", "Films", "Records", "Music", "Books", "Publishing",
    "Press", "Printing", "Software", "Tech", "Technology", "Networks", "Telecom", "Consultants",
    "Advisors", "Legal", "Law", "Accounting", "Finance", "Financial", "Investments",
    "Marketing", "Creative", "Global", "International", "Worldwide", "Direct", "Online",
    "Express", "Transport", "Freight", "Cargo", "Courier", "Couriers",
    // Software and shop products.
    "Plugin", "Plugins", "Theme", "Themes", "Pro", "Lite", "Plus", "Premium", "Gateway", "Pay",
    "Payments", "Checkout", "Server", "Cloud", "Framework", "Builder", "Editor", "Forms", "Form",
    "Booking", "Bookings", "Calendar", "Reports", "Report", "Dashboard", "Suite", "App", "Apps",
    "Module", "Extension", "Addon", "Widget", "Block", "Blocks", "Template", "Templates",
    "Edition", "Version", "Release", "Update", "Mode", "Bot", "Assistant", "Model", "Engine",
    "Protocol", "Cache", "Queue", "Worker", "Job", "Task",
    // Months and weekdays, abbreviated: `Jan Feb Mar`.
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon",
    "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        detect(text.as_bytes(), &[])
            .iter()
            .map(|c| &text[c.start..c.end])
            .collect()
    }

    #[test]
    fn a_full_name_anywhere_in_prose() {
        assert_eq!(names("I emailed Peter Novak yesterday"), ["Peter Novak"]);
        assert_eq!(
            names("Forwarded to Tomasz Kowalski in billing."),
            ["Tomasz Kowalski"]
        );
        assert_eq!(
            names("Please call Siobhán O’Loughlin."),
            ["Siobhán O’Loughlin"]
        );
        assert_eq!(
            names("Escalated by Jonas Lindqvist (L2)"),
            ["Jonas Lindqvist"]
        );
        assert_eq!(names("Assigned to: Fatima Zahra"), ["Fatima Zahra"]);
        assert_eq!(
            names("ask for Łukasz Wiśniewski-Nowak"),
            ["Łukasz Wiśniewski-Nowak"]
        );
        assert_eq!(
            names("Jean-Pierre Lefèvre wrote back"),
            ["Jean-Pierre Lefèvre"]
        );
        assert_eq!(
            names("for María del Carmen Ortega."),
            ["María del Carmen Ortega"]
        );
        assert_eq!(
            names("signed by Hendrik van der Berg"),
            ["Hendrik van der Berg"]
        );
        assert_eq!(names("from Richard M. Nixon"), ["Richard M. Nixon"]);
        assert_eq!(names("owner: Gaëlle d'Aubigné"), ["Gaëlle d'Aubigné"]);
    }

    #[test]
    fn where_the_name_ends_is_read_from_what_follows() {
        // More capitalised words: the given name and one surname.
        assert_eq!(
            names("Birgit Vogelsang Kolibri UG, Freiburg"),
            ["Birgit Vogelsang"]
        );
        assert_eq!(
            names("Niamh Llewellyn Zeitgeist Pty Ltd"),
            ["Niamh Llewellyn"]
        );
        // An address after the name.
        assert_eq!(
            names("Riccardo Fontana Piazza Verdi 12"),
            ["Riccardo Fontana"]
        );
        assert_eq!(names("Joost Visser Wilgenweg 163 B"), ["Joost Visser"]);
        assert_eq!(
            names("Fernanda Costa Almeida Rua do Ouvidor 5"),
            ["Fernanda Costa"]
        );
        // Two surnames, then the sentence.
        assert_eq!(
            names("Fernanda Costa Almeida confirmed"),
            ["Fernanda Costa Almeida"]
        );
        assert_eq!(names("ticket from Haruto Itō 8-19-4"), ["Haruto Itō"]);
    }

    #[test]
    fn places_teams_and_products_are_no_names() {
        for text in [
            "Ring Front Desk if the courier is late",
            "Deliver to Main Office",
            "shipped from San Diego Warehouse",
            "She lives in Santa Maria Novella",
            "the Amelia Booking plugin",
            "Peter Jones Department Store",
            "Jan Feb Mar",
            "Victoria Station",
            "Louis Street 5",
            "Daniel Support Team",
            "Max Mega Menu",
            "Mark Complete",
            "Sakura Trading VOF",
            "Near Ganesh Temple, Kothrud",
            "the Jordan Valley",
            "Via Giuseppe Verdi 12",
            "Calle Juan Bravo 3",
        ] {
            assert!(names(text).is_empty(), "{text}: {:?}", names(text));
        }
    }

    #[test]
    fn another_rules_finding_over_the_name_stands() {
        let text = b"Haruto Ito 8-19-4 Ebisu, Kyoto; Peter Novak";
        let address = Candidate::new(7, 23, Kind::Address, "test", Priority::Heuristic);
        let found = detect(text, &[&[address]]);
        let spans: Vec<_> = found.iter().map(|c| (c.start, c.end)).collect();
        assert_eq!(spans, [(32, 43)]);
        // A name found by another rule is the same finding, merged later.
        let name = Candidate::new(0, 6, Kind::Name, "test", Priority::Heuristic);
        assert_eq!(detect(text, &[&[name]]).len(), 2);
    }

    #[test]
    fn the_longest_particle_is_known() {
        let longest = NAME_PARTICLES.iter().map(|p| p.len()).max();
        assert_eq!(longest, Some(LONGEST_PARTICLE));
    }

    #[test]
    fn a_given_name_alone_or_inside_a_word_is_none() {
        assert!(names("Peter said so").is_empty());
        assert!(names("XPeter Novak").is_empty());
        assert!(names("PETER NOVAK").is_empty());
        assert!(names("Peter novak").is_empty());
        assert!(names("Peter  Novak").is_empty());
    }
}
