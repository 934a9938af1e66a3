use super::*;

fn stamp(s: &str) -> Stamp {
    crate::machine::parse_timestamp(s).expect("a timestamp")
}

const STATUS: &str = "### WordPress Environment ###\nWC Version: 9.8.5\nWP Version: 6.8.1\n\n### Server Environment ###\nPHP Version: 8.2.27\n\n### Active Plugins (2) ###\nSophMate – AI Shop Assistant: by SophMate Labs – 2.4.1\nWooCommerce: by Automattic – 9.8.5\n\n### Status report information ###\nGenerated at: 2026-11-24 09:40:02 +00:00\n";

#[test]
fn nothing_is_found_in_ordinary_text() {
    assert_eq!(
        detect("PHP Fatal error: Uncaught Error in x.php:12\nWP Version is old"),
        None
    );
    assert_eq!(detect(""), None);
}

#[test]
fn prefill_names_fields_values_and_lines() {
    let found = detect(STATUS).expect("detected");
    let prefill = found.prefill();
    let got: Vec<(&str, &str, usize)> = prefill
        .iter()
        .map(|p| (p.field, p.value.as_str(), p.source.line))
        .collect();
    assert_eq!(
        got,
        [
            ("wordpress_version", "6.8.1", 3),
            ("woocommerce_version", "9.8.5", 2),
            ("php_version", "8.2.27", 6),
            ("sophmate_version", "2.4.1", 9),
        ]
    );
    let g = found.generated().expect("generation time");
    assert_eq!(g.value, stamp("2026-11-24T09:40:02+00:00"));
    assert_eq!(g.source.line, 13);
}

#[test]
fn a_report_older_than_the_incident_is_flagged_and_a_newer_one_is_not() {
    let found = detect(STATUS).unwrap();
    assert!(found.flags(None).is_empty());
    assert!(
        found
            .flags(Some(stamp("2026-11-24T09:40:01+00:00")))
            .is_empty()
    );
    let flags = found.flags(Some(stamp("2026-11-24T10:58:12+01:00")));
    assert_eq!(flags.len(), 1, "{flags:?}");
    assert!(matches!(
        flags[0],
        Flag::OlderThanIncident {
            report: Kind::SystemStatus,
            ..
        }
    ));
    assert!(
        flags[0]
            .to_string()
            .contains("before the incident (2026-11-24T10:58:12+01:00)")
    );
}

#[test]
fn the_more_recent_report_wins_the_prefill() {
    let health_newer = "### wp-core ###\nversion: 6.9\n\n### wp-plugins-active (1) ###\nWooCommerce: version: 9.9.0, author: Automattic\n\n### wp-server ###\nphp_version: 8.3.1 64bit\ncurrent: 2026-11-25T08:00:00+00:00\n";
    let found = detect(&format!("{STATUS}\n{health_newer}")).unwrap();
    let prefill = found.prefill();
    let values: Vec<(&str, &str, Kind)> = prefill
        .iter()
        .map(|p| (p.field, p.value.as_str(), p.source.report))
        .collect();
    assert_eq!(
        values,
        [
            ("wordpress_version", "6.9", Kind::SiteHealth),
            ("woocommerce_version", "9.9.0", Kind::SiteHealth),
            ("php_version", "8.3.1", Kind::SiteHealth),
            // Site Health has no plugin list with SophMate in it: the status report's.
            ("sophmate_version", "2.4.1", Kind::SystemStatus),
        ]
    );
    let flags = found.flags(None);
    let disagree: Vec<&str> = flags
        .iter()
        .filter_map(|f| match f {
            Flag::Disagree { component, .. } => Some(*component),
            _ => None,
        })
        .collect();
    assert_eq!(disagree, ["WordPress", "WooCommerce", "PHP"]);
    assert!(flags.contains(&Flag::SophMateMissing {
        report: Kind::SiteHealth
    }));
}

#[test]
fn sophmate_s_own_section_stands_in_for_a_cut_plugin_list() {
    let status = "### WordPress Environment ###\nWC Version: 9.8.5\n\n### SophMate ###\n\nVersion: 2.4.1\nProvider: openai\n";
    let found = detect(status).unwrap();
    let s = found.status.as_ref().unwrap();
    let SophMate::Active(f) = &s.sophmate else {
        panic!("{:?}", s.sophmate);
    };
    assert_eq!((f.value.as_str(), f.source.line), ("2.4.1", 6));
    assert!(found.flags(None).is_empty());

    let health = "### wp-core ###\nversion: 6.8.1\n\n### sophmate ###\nplugin_version: 2.4.0\n\n### wp-plugins-active (1) ###\nWooCommerce: version: 9.8.5, author: Automattic\n";
    let found = detect(health).unwrap();
    let h = found.health.as_ref().unwrap();
    // Listed as active nowhere, but its own section says it runs.
    assert!(
        matches!(&h.sophmate, SophMate::Active(f) if f.value == "2.4.0" && f.source.line == 5),
        "{:?}",
        h.sophmate
    );
}

#[test]
fn a_site_health_plugin_list_without_sophmate_flags_it_missing() {
    let health = "### wp-core ###\nversion: 6.8.1\n\n### wp-plugins-active (1) ###\nWooCommerce: version: 9.8.5, author: Automattic\n\n### wp-plugins-inactive (1) ###\nHello Dolly: version: 1.7.2, author: Matt Mullenweg\n";
    let found = detect(health).unwrap();
    assert_eq!(
        found.flags(None),
        [Flag::SophMateMissing {
            report: Kind::SiteHealth
        }]
    );
    assert_eq!(
        found.flags(None)[0].to_string(),
        "SophMate is in neither plugin list of the WordPress Site Health info — is it installed on this site?"
    );
}
